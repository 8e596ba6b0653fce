/**
 * "Add people" in the call's people pane: the call box's understanding of what is typed (a name
 * from the directory, a call id, a phone number: use-target-entry) and the same suggestions,
 * ringing the person into the call in progress. Offered only where the call allows adding
 * (CallView.addPeople, from the call's capabilities). The person shows in the list below as
 * connecting, then ringing; a refusal, or a person who does not join, is said here in words.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PersonAddRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, useId, useState } from 'react';
import { callTargetDisplay } from '../../calling/call-target';
import { type CallView, type PersonTarget, useCallingActions } from '../../calling/model';
import { isPersonTarget } from '../../calling/participants-add';
import { callTargetStrings, dialerStrings, groupCallStrings } from '../../strings';
import { chipName } from '../dialer/PeopleChips';
import { EntrySuggestions } from '../dialer/PeopleSuggestions';
import { ControlTooltip } from '../shared/ControlTooltip';
import { useAction } from '../shared/use-action';
import { personTarget, useTargetEntry } from '../shared/use-target-entry';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', minWidth: 0 },
  field: { minWidth: 0 },
  anchor: { position: 'relative', flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  /** The pane is narrow: the box gives way to the Add button instead of pushing it out. */
  input: { minWidth: 0, width: '100%' },
  addButton: { flexShrink: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function AddPeople(props: { call: CallView }) {
  const styles = useStyles();
  const inputId = useId();
  const actions = useCallingActions();
  // Not exclusive: each add waits for its person to join, and another may be added meanwhile.
  const adding = useAction({ exclusive: false });
  const [value, setValue] = useState('');
  const [ringing, setRinging] = useState<string[]>([]);
  const [joined, setJoined] = useState<string | null>(null);
  const entry = useTargetEntry(value);
  const { addPeople } = props.call;
  if (!addPeople.people && !addPeople.phoneNumbers) return null;

  const target = entry.target && isPersonTarget(entry.target) ? entry.target : null;
  const refusal =
    entry.target && !target
      ? groupCallStrings.notAPerson
      : target?.kind === 'phone' && !addPeople.phoneNumbers
        ? groupCallStrings.phoneNotAllowed
        : target?.kind === 'acs-user' && !addPeople.people
          ? groupCallStrings.peopleNotAllowed
          : target?.kind === 'phone' && entry.configuredCallerId === null
            ? dialerStrings.callerIdMissing
            : null;
  const name = target
    ? chipName(target, entry.targetName, entry.idPerson?.displayName ?? entry.person?.displayName)
    : '';

  const add = (person: PersonTarget, personName: string) => {
    setValue('');
    setRinging((names) => [...names, personName]);
    setJoined(null);
    void adding
      .run(async () => {
        await actions.addParticipant(person);
        setJoined(personName);
      })
      .finally(() => setRinging((names) => names.filter((n) => n !== personName)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (entry.onListKey(event) || event.key !== 'Enter') return;
    event.preventDefault();
    if (target && !refusal) add(target, name);
  };

  let message: string | null = null;
  if (refusal) message = refusal;
  else if (entry.parsed.status === 'valid') message = callTargetStrings.understoodAs(entry.parsed.target.kind, name);
  else if (entry.parsed.status === 'pending') message = callTargetStrings.checking;
  else if (entry.parsed.status === 'invalid' && entry.parsed.problem !== 'unrecognized')
    message = callTargetStrings.problems[entry.parsed.problem];
  else if (entry.parsed.status === 'invalid' && !entry.showList) message = entry.directoryNote;

  return (
    <div className={styles.root} data-testid="add-people">
      <Field
        className={styles.field}
        label={{ children: groupCallStrings.addPeople, htmlFor: inputId }}
        validationState={refusal ? 'error' : 'none'}
        validationMessage={message}
        validationMessageIcon={null}
      >
        <div className={styles.row}>
          <div className={styles.anchor}>
            <Input
              id={inputId}
              className={styles.input}
              // No intrinsic width (a text input's is 20 characters): the box takes what the pane leaves.
              input={{ size: 1 }}
              value={value}
              placeholder={
                entry.directory.available
                  ? groupCallStrings.addPeopleDirectoryPlaceholder
                  : groupCallStrings.addPeoplePlaceholder
              }
              {...entry.comboboxProps}
              onChange={(_, data) => {
                setValue(data.value);
                entry.reopenList();
              }}
              onKeyDown={onKeyDown}
              autoComplete="off"
              spellCheck={false}
              data-testid="add-people-input"
            />
            <EntrySuggestions entry={entry} onPick={(chosen) => add(personTarget(chosen), chosen.displayName)} />
          </div>
          <ControlTooltip label={groupCallStrings.addButton}>
            <Button
              className={styles.addButton}
              icon={<PersonAddRegular />}
              disabled={!target || refusal !== null}
              aria-label={target ? groupCallStrings.addButtonLabel(name) : groupCallStrings.addButton}
              onClick={() => target && add(target, name)}
              data-testid="add-people-button"
            />
          </ControlTooltip>
        </div>
      </Field>
      {target?.kind === 'phone' && entry.configuredCallerId ? (
        <Text size={200} className={styles.hint}>
          {dialerStrings.callerIdIs(
            callTargetDisplay({ kind: 'phone', e164: entry.configuredCallerId }, entry.phoneNumbers),
          )}
        </Text>
      ) : null}
      <Text size={200} role="status" className={styles.hint} data-testid="add-people-status">
        {[...ringing.map((n) => groupCallStrings.adding(n)), joined ? groupCallStrings.addedToCall(joined) : '']
          .filter(Boolean)
          .join(' ')}
      </Text>
      {adding.error ? (
        <MessageBar intent="error" data-testid="add-people-error">
          <MessageBarBody>{adding.error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CallRegular, PersonAddRegular, StarFilled, StarRegular, VideoRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, lazy, type ReactNode, Suspense, useId, useRef, useState } from 'react';
import type { DirectoryPerson } from '../../../common/backend-contract';
// history-limits, not history: a value import from history.ts would pull zod into the home screen.
import { FAVOURITES_LIMIT } from '../../../common/ipc/history-limits';
import { callTargetDisplay, callTargetKey, targetSupportsVideo } from '../../calling/call-target';
import { type CallTarget, useCallingActions, useCallingState } from '../../calling/model';
import { isPersonTarget } from '../../calling/participants-add';
import type { HistorySnapshot } from '../../history/history-client';
import { callTargetStrings, dialerStrings, directoryStrings, groupCallStrings } from '../../strings';
import { ControlTooltip } from '../shared/ControlTooltip';
import { TargetIcon } from '../shared/target-icon';
import { useAction } from '../shared/use-action';
import { personTarget, useTargetEntry } from '../shared/use-target-entry';
import { VerifiedMark } from '../shared/VerifiedMark';
import { chipName, groupTitle, PeopleChips, usePeopleChips } from './PeopleChips';

/**
 * The directory's suggestions load when the first name is typed: with their avatars, kept out of
 * the idle home screen, they save ≈ 0.08 MB of heap (docs/performance.md).
 */
const PeopleSuggestions = lazy(() =>
  import('./PeopleSuggestions').then((module) => ({ default: module.PeopleSuggestions })),
);

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  callButton: { minWidth: '140px' },
  callerId: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  understood: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    wordBreak: 'break-all',
    color: tokens.colorPaletteGreenForeground1,
    fontSize: tokens.fontSizeBase300,
  },
  /** The suggestions hang from the input, over what follows, as a combobox's list does. */
  anchor: { position: 'relative', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  after: { display: 'inline-flex', alignItems: 'center' },
});

/**
 * The one call box: type or paste anything callable; it says inline what it understood and
 * enables the call buttons only when there is something to call. Text that is no number, link or
 * id is a name: with a company directory the box suggests people (a combobox: arrows move the
 * highlight, Enter or the call buttons call the highlighted person); without one it says why.
 * A person or number can instead be added as a chip (PeopleChips): with chips, Call rings them
 * all at once, and a place (group id, Teams meeting, room) cannot be mixed in.
 */
export function CallBox(props: {
  value: string;
  onChange: (value: string) => void;
  history: HistorySnapshot;
  onAddFavourite: (target: CallTarget, label: string) => Promise<void>;
  onRemoveFavourite: (id: string) => Promise<void>;
  onCalled: (target: CallTarget, title: string) => void;
}) {
  const styles = useStyles();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const actions = useCallingActions();
  const agent = useCallingState((state) => state.agent);
  const placing = useAction();
  const favouriteAction = useAction();
  const [showProblems, setShowProblems] = useState(false);
  const entry = useTargetEntry(props.value);
  const { callerId, configuredCallerId, phoneNumbers, parsed, directory, people, showList, highlight, person } = entry;
  const { idPerson, listId, optionId } = entry;
  // Several people at once: each added as a chip (PeopleChips), rung together by one call.
  const chips = usePeopleChips();
  const inputPerson = entry.target && isPersonTarget(entry.target) ? entry.target : null;
  const grouped = chips.list.length > 0;
  const mixed = grouped && entry.target !== null && inputPerson === null;
  const inputHasText = props.value.trim() !== '';
  const group = grouped
    ? [...chips.list, ...(inputPerson ? [{ target: inputPerson, name: entry.targetName }] : [])]
    : [];

  const target = grouped ? (group[0]?.target ?? null) : entry.target;
  const isPhone = grouped ? group.some((p) => p.target.kind === 'phone') : target?.kind === 'phone';
  const phoneBlocked = isPhone && configuredCallerId === null;
  // With chips, the box must be empty or hold one more person: typed text that is neither is not dialled silently.
  const groupReady = !grouped || ((inputPerson !== null || !inputHasText) && !mixed);
  const canCall = target !== null && groupReady && !phoneBlocked && agent === 'connected' && !placing.busy;
  const groupVideo = group.some((p) => targetSupportsVideo(p.target));
  const canVideo = canCall && (grouped ? groupVideo : targetSupportsVideo(target));

  const videoTip = grouped
    ? groupVideo
      ? dialerStrings.videoCall
      : groupCallStrings.videoNeedsPerson
    : isPhone
      ? dialerStrings.videoNotForPhone
      : dialerStrings.videoCall;

  const favourites = props.history.status === 'ready' ? props.history.history.favourites : [];
  const favouriteTarget = entry.target;
  const existingFavourite = favouriteTarget
    ? favourites.find((f) => callTargetKey(f.target) === callTargetKey(favouriteTarget))
    : undefined;

  const place = (video: boolean) => {
    if (!target) return;
    if (grouped) {
      const [first, ...others] = group;
      if (!first) return;
      const title = groupTitle(group.map((p) => p.name));
      void placing.run(async () => {
        await actions.placeCall(first.target, { video, title, others: others.map((p) => p.target) });
        chips.clear();
        props.onCalled(first.target, title);
      });
      return;
    }
    // A person's name heads the call; anything else is titled by the layer (callTitle).
    const name = parsed.status === 'valid' ? idPerson?.displayName : person?.displayName;
    void placing.run(async () => {
      await actions.placeCall(target, { video, ...(name ? { title: name } : {}) });
      props.onCalled(target, name ?? displayForLabel);
    });
  };
  const callPerson = (chosen: DirectoryPerson) => {
    if (agent !== 'connected' || placing.busy) return;
    void placing.run(async () => {
      await actions.placeCall(personTarget(chosen), { video: false, title: chosen.displayName });
      props.onCalled(personTarget(chosen), chosen.displayName);
    });
  };
  /** What is in the box becomes a chip, and the box is ready for the next person. */
  const addTypedPerson = () => {
    if (!inputPerson) return;
    if (chips.add(inputPerson, chipName(inputPerson, entry.targetName, idPerson?.displayName ?? person?.displayName))) {
      props.onChange('');
      setShowProblems(false);
    }
  };
  /** With people already listed, a picked person joins the list instead of being called alone. */
  const pickPerson = (chosen: DirectoryPerson) => {
    if (!grouped) return callPerson(chosen);
    if (chips.add(personTarget(chosen), chosen.displayName)) props.onChange('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (entry.onListKey(event)) return;
    if ((event.key === ',' || event.key === ';') && inputPerson) {
      event.preventDefault();
      addTypedPerson();
      return;
    }
    if (event.key === 'Backspace' && grouped && props.value === '') {
      event.preventDefault();
      chips.removeLast();
      return;
    }
    if (event.key !== 'Enter') return;
    if (grouped && inputPerson) {
      addTypedPerson();
      return;
    }
    if (person) {
      pickPerson(person);
      return;
    }
    setShowProblems(true);
    if (canCall) place(false);
  };

  let validationState: 'none' | 'success' | 'error' = 'none';
  let message: ReactNode = null;
  if (mixed) {
    validationState = 'error';
    message = groupCallStrings.cannotMix;
  } else if (parsed.status === 'valid') {
    validationState = 'success';
    message = (
      <span className={styles.understood} data-testid="call-target-understood">
        <TargetIcon kind={parsed.target.kind} />
        {callTargetStrings.understoodAs(parsed.target.kind, parsed.display)}
      </span>
    );
  } else if (parsed.status === 'pending') {
    message = (
      <span className={styles.callerId} data-testid="call-target-checking">
        {callTargetStrings.checking}
      </span>
    );
  } else if (parsed.status === 'invalid' && showProblems) {
    validationState = 'error';
    message = callTargetStrings.problems[parsed.problem];
  } else if (parsed.status === 'invalid' && parsed.problem === 'unrecognized' && !showList) {
    // Typing "hello" is not an error yet, but silence leaves the user guessing: say what works,
    // and, when the box finds no one or has no directory to ask, why no names come up.
    const { directoryNote } = entry;
    message = (
      <span className={styles.callerId} data-testid="call-target-hint">
        {directoryNote ? <span data-testid="directory-note">{directoryNote} </span> : null}
        {callTargetStrings.accepted}
      </span>
    );
  } else if (grouped && parsed.status === 'empty') {
    message = (
      <span className={styles.callerId} data-testid="call-target-hint">
        {groupCallStrings.readyToCall(chips.list.length)}
      </span>
    );
  }
  if (!mixed && parsed.status === 'valid' && idPerson) {
    message = (
      <span className={styles.understood} data-testid="call-target-understood">
        <TargetIcon kind="acs-user" />
        {callTargetStrings.understoodAs('acs-user', idPerson.displayName)}
        <VerifiedMark />
      </span>
    );
  }

  const displayForLabel = grouped ? groupTitle(group.map((p) => p.name)) : entry.targetName;
  const favouriteLabel = existingFavourite ? dialerStrings.removeFavourite : dialerStrings.addFavourite;
  const atFavouriteLimit = !existingFavourite && favourites.length >= FAVOURITES_LIMIT;

  return (
    <div className={styles.root}>
      <Field
        label={{ children: dialerStrings.inputLabel, htmlFor: inputId }}
        validationState={validationState}
        validationMessage={message}
        validationMessageIcon={null}
        size="large"
      >
        <div className={styles.anchor}>
          <PeopleChips chips={chips} onEmptied={() => inputRef.current?.focus()} />
          <Input
            id={inputId}
            input={{ ref: inputRef }}
            size="large"
            value={props.value}
            placeholder={directory.available ? directoryStrings.placeholder : dialerStrings.inputPlaceholder}
            {...entry.comboboxProps}
            onChange={(_, data) => {
              props.onChange(data.value);
              entry.reopenList();
              if (data.value.trim() === '') setShowProblems(false);
            }}
            onBlur={() => setShowProblems(props.value.trim() !== '')}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            data-testid="call-box"
            contentAfter={
              inputPerson || favouriteTarget ? (
                <span className={styles.after}>
                  {inputPerson ? (
                    <ControlTooltip label={groupCallStrings.addToListHint}>
                      <Button
                        appearance="transparent"
                        aria-label={groupCallStrings.addToList}
                        icon={<PersonAddRegular />}
                        onClick={addTypedPerson}
                        data-testid="add-to-call-list"
                      />
                    </ControlTooltip>
                  ) : null}
                  {favouriteTarget ? (
                    <ControlTooltip label={atFavouriteLimit ? dialerStrings.favouriteLimit : favouriteLabel}>
                      <Button
                        appearance="transparent"
                        aria-label={favouriteLabel}
                        aria-pressed={existingFavourite !== undefined}
                        disabled={atFavouriteLimit || favouriteAction.busy || props.history.status !== 'ready'}
                        icon={
                          existingFavourite ? (
                            <StarFilled color={tokens.colorPaletteMarigoldForeground1} />
                          ) : (
                            <StarRegular />
                          )
                        }
                        onClick={() =>
                          favouriteAction.run(() =>
                            existingFavourite
                              ? props.onRemoveFavourite(existingFavourite.id)
                              : props.onAddFavourite(favouriteTarget, entry.targetName),
                          )
                        }
                      />
                    </ControlTooltip>
                  ) : null}
                </span>
              ) : undefined
            }
          />
          {showList ? (
            <Suspense fallback={null}>
              <PeopleSuggestions
                id={listId}
                optionId={optionId}
                people={people}
                highlight={highlight}
                onPick={pickPerson}
              />
            </Suspense>
          ) : null}
        </div>
      </Field>

      {isPhone ? (
        <Text
          className={phoneBlocked ? styles.warning : styles.callerId}
          role={phoneBlocked ? 'alert' : undefined}
          data-testid="caller-id-note"
        >
          {callerId.status === 'loading'
            ? dialerStrings.callerIdUnknown
            : configuredCallerId
              ? dialerStrings.callerIdIs(callTargetDisplay({ kind: 'phone', e164: configuredCallerId }, phoneNumbers))
              : dialerStrings.callerIdMissing}
        </Text>
      ) : null}

      <div className={styles.buttons}>
        <Button
          className={styles.callButton}
          appearance="primary"
          size="large"
          icon={<CallRegular />}
          disabled={!canCall}
          aria-label={target ? dialerStrings.audioCallLabel(displayForLabel) : dialerStrings.audioCall}
          onClick={() => place(false)}
        >
          {placing.busy ? dialerStrings.placing : dialerStrings.audioCall}
        </Button>
        <ControlTooltip label={videoTip}>
          <Button
            className={styles.callButton}
            size="large"
            icon={<VideoRegular />}
            disabled={!canVideo}
            aria-label={target ? dialerStrings.videoCallLabel(displayForLabel) : dialerStrings.videoCall}
            onClick={() => place(true)}
          >
            {dialerStrings.videoCall}
          </Button>
        </ControlTooltip>
      </div>
      {target && agent !== 'connected' && agent !== 'unreachable' && agent !== 'failed' ? (
        <Text className={styles.callerId}>{dialerStrings.notReady}</Text>
      ) : null}
      {placing.error ? (
        <Text role="alert" className={styles.warning}>
          {dialerStrings.callFailed(placing.error)}
        </Text>
      ) : null}
      {favouriteAction.error ? (
        <Text role="alert" className={styles.warning}>
          {favouriteAction.error}
        </Text>
      ) : null}
    </div>
  );
}

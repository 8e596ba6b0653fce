/**
 * Call transfer: the "Transfer" control and its picker (a person from the directory, a phone
 * number or an ACS id, read by the call box's own parser; or a call on hold, a consult transfer),
 * and the notice in the call: the transfer under way, why it failed, or, on the receiving side,
 * "You were transferred to …". Calls that cannot be transferred (group calls, meetings, rooms)
 * keep the control, and it says why instead of offering a picker.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CallTransferRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import type { DirectoryPerson } from '../../../common/backend-contract';
import { type CallView, useCallingActions, useCallingState } from '../../calling/model';
import { callTargetStrings, transferStrings } from '../../strings';
import { EntrySuggestions } from '../dialer/PeopleSuggestions';
import { ControlTooltip } from '../shared/ControlTooltip';
import { useAction } from '../shared/use-action';
import { personTarget, useTargetEntry } from '../shared/use-target-entry';

const useStyles = makeStyles({
  surface: { width: '480px', maxWidth: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  /** The suggestions hang from the input, over what follows, as in the call box. */
  anchor: { position: 'relative', display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground3 },
  understood: { color: tokens.colorPaletteGreenForeground1 },
  held: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  heldRow: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
  },
  heading: { fontWeight: tokens.fontWeightSemibold },
});

/** The control bar's "Transfer", beside Hold: opens the picker, or says why this call cannot be transferred. */
export function TransferControl(props: { call: CallView; className?: string; children?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const live = props.call.status !== 'ended' && props.call.status !== 'disconnecting';
  return (
    <>
      <ControlTooltip label={transferStrings.control}>
        <Button
          appearance="subtle"
          className={props.className}
          icon={<CallTransferRegular />}
          aria-label={transferStrings.control}
          aria-haspopup="dialog"
          disabled={!live}
          onClick={() => setOpen(true)}
          data-testid="transfer-control"
        >
          {props.children}
        </Button>
      </ControlTooltip>
      {/* Mounted only while open (as EndForEveryone): the dialog appears open from its first render. */}
      {open ? <TransferDialog call={props.call} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function TransferDialog(props: { call: CallView; onClose(): void }) {
  const styles = useStyles();
  const { unavailable } = props.call.transfer;
  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? null : props.onClose())}>
      <DialogSurface className={styles.surface} aria-label={transferStrings.title} data-testid="transfer-dialog">
        <DialogBody>
          <DialogTitle>{transferStrings.title}</DialogTitle>
          {unavailable ? (
            <>
              <DialogContent>
                <Text data-testid="transfer-unavailable">{unavailable}</Text>
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={props.onClose}>
                  {transferStrings.close}
                </Button>
              </DialogActions>
            </>
          ) : (
            <TransferPicker call={props.call} onClose={props.onClose} />
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * The call box's way of reading input (use-target-entry.ts: parseCallTarget, the directory's
 * search as you type), as a combobox: the arrows move the highlight, Enter picks the person into
 * the box; Transfer sends the call.
 */
function TransferPicker(props: { call: CallView; onClose(): void }) {
  const styles = useStyles();
  const inputId = useId();
  const actions = useCallingActions();
  const action = useAction();
  const held = useCallingState((state) => state.held).filter((call) => call.status !== 'ended');
  const [value, setValue] = useState('');
  const [picked, setPicked] = useState<DirectoryPerson | null>(null);
  const person = picked && picked.displayName === value ? picked : null;
  // Once a person is picked, the box holds their name: nothing more to read or search.
  const entry = useTargetEntry(person ? '' : value);
  const { parsed } = entry;
  const typedName = !person && parsed.status === 'invalid' && parsed.problem === 'unrecognized';
  const target = person ? personTarget(person) : parsed.status === 'valid' ? parsed.target : null;
  const name = person ? person.displayName : entry.targetName;

  const pick = (chosen: DirectoryPerson) => {
    setPicked(chosen);
    setValue(chosen.displayName);
  };
  const transfer = () => {
    if (!target) return;
    void action.run(async () => {
      await actions.transferCall(target, { title: name });
      props.onClose();
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (entry.onListKey(event) || event.key !== 'Enter') return;
    event.preventDefault();
    if (entry.person) pick(entry.person);
    else transfer();
  };

  const message = target ? (
    <span className={styles.understood} data-testid="transfer-understood">
      {transferStrings.understood(name)}
    </span>
  ) : parsed.status === 'invalid' && parsed.problem !== 'unrecognized' ? (
    callTargetStrings.problems[parsed.problem]
  ) : (
    <span className={styles.hint}>{transferStrings.targetHint}</span>
  );

  return (
    <>
      <DialogContent className={styles.content}>
        <Text>{transferStrings.intro(props.call.title)}</Text>
        <Field
          label={{ children: transferStrings.targetLabel, htmlFor: inputId }}
          validationState={target ? 'success' : parsed.status === 'invalid' && !typedName ? 'error' : 'none'}
          validationMessage={message}
          validationMessageIcon={null}
        >
          <div className={styles.anchor}>
            <Input
              id={inputId}
              value={value}
              placeholder={transferStrings.targetPlaceholder}
              {...entry.comboboxProps}
              autoComplete="off"
              spellCheck={false}
              onChange={(_, data) => {
                setValue(data.value);
                entry.reopenList();
              }}
              onKeyDown={onKeyDown}
              data-testid="transfer-target"
            />
            <EntrySuggestions entry={entry} onPick={pick} />
          </div>
        </Field>
        {held.length > 0 ? (
          <section aria-labelledby={`${inputId}-held`} className={styles.content}>
            <Text id={`${inputId}-held`} className={styles.heading}>
              {transferStrings.heldHeading}
            </Text>
            <Text size={200} className={styles.hint}>
              {transferStrings.heldHint}
            </Text>
            <ul className={styles.held}>
              {held.map((call) => (
                <li key={call.id} className={styles.heldRow}>
                  <Text>{call.title}</Text>
                  <Button
                    aria-label={transferStrings.toHeldCallLabel(call.title)}
                    disabled={action.busy}
                    onClick={() =>
                      void action.run(async () => {
                        await actions.transferToHeldCall(call.id);
                        props.onClose();
                      })
                    }
                  >
                    {transferStrings.toHeldCall}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {action.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{action.error}</MessageBarBody>
          </MessageBar>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{transferStrings.cancel}</Button>
        <Button
          appearance="primary"
          disabled={!target || action.busy}
          aria-label={target ? transferStrings.transferLabel(name) : transferStrings.transfer}
          onClick={transfer}
          data-testid="transfer-submit"
        >
          {transferStrings.transfer}
        </Button>
      </DialogActions>
    </>
  );
}

type Notice = { key: string; intent: 'info' | 'success' | 'error'; text: string };

function noticeOf(call: CallView): Notice | null {
  const { transfer } = call;
  const name = transfer.targetName ?? '';
  switch (transfer.status) {
    case 'transferring':
      return { key: 'transferring', intent: 'info', text: transferStrings.transferring(name) };
    // Until the service ends my part of the call (the ended card then says it too).
    case 'transferred':
      return { key: 'transferred', intent: 'success', text: transferStrings.transferred(name) };
    case 'failed':
      if (transfer.problem) return { key: `failed:${transfer.problem}`, intent: 'error', text: transfer.problem };
      break;
  }
  return transfer.transferredFrom
    ? { key: `arrived:${call.id}`, intent: 'success', text: transferStrings.arrived(call.title) }
    : null;
}

/**
 * The transfer in the call's banners, inside a live region that stays mounted for the whole call,
 * so a screen reader hears it start, fail, or (receiving) that the call is now with someone else.
 */
export function TransferNotice(props: { call: CallView }) {
  const { call } = props;
  const { transfer } = call;
  const [dismissed, setDismissed] = useState<string | null>(null);
  // A new attempt may fail the same way: what was dismissed before shows again.
  if (transfer.status === 'transferring' && dismissed !== null) setDismissed(null);
  const notice = noticeOf(call);
  const shown = notice && notice.key !== dismissed ? notice : null;
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="transfer-live-region">
      {shown ? (
        <MessageBar
          intent={shown.intent}
          layout="singleline"
          data-testid="transfer-notice"
          {...(shown.intent === 'info' ? { icon: <Spinner size="extra-tiny" aria-hidden /> } : {})}
        >
          <MessageBarBody>{shown.text}</MessageBarBody>
          {shown.intent === 'info' ? null : (
            <MessageBarActions>
              <Button size="small" onClick={() => setDismissed(shown.key)}>
                {transferStrings.dismiss}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : null}
    </div>
  );
}

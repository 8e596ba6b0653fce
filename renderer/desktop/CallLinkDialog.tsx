/**
 * The question for one call link: the target as the call box's own parser reads it
 * (renderer/calling/call-target.ts — one parser for typed and linked targets), then Call, Call with
 * video, or Don't call. An unreadable target is explained and cannot be called. A phone link
 * (tel:, callto:) waits for the phone-number library, loaded on demand, before it is shown.
 *
 * The link was chosen by someone else and main brought the window forward for it, so a stray
 * Enter or Space must not dial: "Don't call" has the focus, and the call buttons work only once
 * the dialog has been visible and focused for a second (use-armed-after-attention.ts).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PendingCallLink } from '../../common/ipc/desktop';
import { needsPhoneNumbers, parseCallTarget, targetSupportsVideo } from '../calling/call-target';
import { useCallingActions, useCallingState } from '../calling/model';
import { usePhoneNumbers } from '../calling/use-phone-numbers';
import { callTargetStrings } from '../strings';
import { callLinkStrings } from '../strings/desktop';
import { useArmedAfterAttention } from './use-armed-after-attention';

const useStyles = makeStyles({
  target: {
    display: 'block',
    marginBlock: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    wordBreak: 'break-all',
  },
  stack: { display: 'grid', gap: tokens.spacingVerticalS },
});

export interface CallLinkDialogProps {
  link: PendingCallLink;
  /** How many more links wait behind this one. */
  waiting: number;
  /** The user answered (called, declined or dismissed): show the next link. */
  onDone: () => void;
}

export function CallLinkDialog({ link, waiting, onDone }: CallLinkDialogProps) {
  const styles = useStyles();
  const [failure, setFailure] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const agent = useCallingState((state) => state.agent);
  const inCall = useCallingState((state) => state.call !== null && state.call.status !== 'ended');
  const actions = useCallingActions();
  const dontCall = useRef<HTMLButtonElement>(null);
  // After mount rather than autoFocus: the dialog's focus trap moves focus when it opens.
  useEffect(() => {
    dontCall.current?.focus();
  }, []);

  const phoneNumbers = usePhoneNumbers(needsPhoneNumbers(link.target));
  const parsed = parseCallTarget(link.target, { phoneNumbers });
  const blocker =
    agent === 'signed-out'
      ? callLinkStrings.signInFirst
      : inCall
        ? callLinkStrings.inCall
        : agent !== 'connected'
          ? callLinkStrings.waitingForAcs
          : null;
  // The wait starts once the target the user is asked about is on screen (a phone link is checked first).
  const armed = useArmedAfterAttention(parsed.status === 'valid');

  const place = async (video: boolean) => {
    if (parsed.status !== 'valid' || !armed) return;
    setPlacing(true);
    try {
      await actions.placeCall(parsed.target, { video });
      onDone();
    } catch (error) {
      setFailure(callLinkStrings.failed((error as Error).message));
    } finally {
      setPlacing(false);
    }
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : onDone())}>
      <DialogSurface aria-label={callLinkStrings.title}>
        <DialogBody>
          <DialogTitle>{callLinkStrings.title}</DialogTitle>
          <DialogContent className={styles.stack}>
            <Text>{callLinkStrings.from[link.source]}</Text>
            {parsed.status === 'valid' ? (
              <Text className={styles.target} data-testid="call-link-target">
                {callTargetStrings.understoodAs(parsed.target.kind, parsed.display)}
              </Text>
            ) : parsed.status === 'pending' ? (
              <Text className={styles.target} data-testid="call-link-checking">
                {callTargetStrings.checking}
              </Text>
            ) : (
              <>
                <Text className={styles.target}>{link.target}</Text>
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    {callLinkStrings.cannotCall}{' '}
                    {parsed.status === 'invalid' ? callTargetStrings.problems[parsed.problem] : null}
                  </MessageBarBody>
                </MessageBar>
              </>
            )}
            {parsed.status === 'valid' && blocker ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{blocker}</MessageBarBody>
              </MessageBar>
            ) : null}
            {failure ? (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{failure}</MessageBarBody>
              </MessageBar>
            ) : null}
            {waiting > 0 ? <Text size={200}>{callLinkStrings.more(waiting)}</Text> : null}
          </DialogContent>
          <DialogActions>
            {parsed.status === 'valid' || parsed.status === 'pending' ? (
              // While a phone link is checked the buttons it will have are already there, disabled:
              // a phone call has no video button, so nothing moves when the number is understood.
              <>
                <Button
                  appearance="primary"
                  disabled={parsed.status === 'pending' || blocker !== null || placing || !armed}
                  onClick={() => void place(false)}
                >
                  {callLinkStrings.call}
                </Button>
                {parsed.status === 'valid' && targetSupportsVideo(parsed.target) ? (
                  <Button disabled={blocker !== null || placing || !armed} onClick={() => void place(true)}>
                    {callLinkStrings.callWithVideo}
                  </Button>
                ) : null}
                <Button appearance="secondary" ref={dontCall} onClick={onDone}>
                  {callLinkStrings.cancel}
                </Button>
              </>
            ) : (
              <Button appearance="primary" onClick={onDone}>
                {callLinkStrings.dismiss}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

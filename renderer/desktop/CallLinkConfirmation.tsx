/**
 * Every call link is shown to the user before anything is dialed. Main queued and checked the
 * link's envelope; here the target is read by the call box's own parser (one parser for typed and
 * linked targets), and the user chooses Call, Call with video, or Don't call.
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
import { useCallback, useEffect, useState } from 'react';
import type { PendingCallLink } from '../../common/ipc/desktop';
import { parseCallTarget, targetSupportsVideo } from '../calling/call-target';
import { useCallingActions, useCallingState } from '../calling/model';
import { callTargetStrings } from '../strings';
import type { DesktopBridge } from './desktop-bridge';
import { callLinkStrings } from './desktop-strings';

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

export function CallLinkConfirmation({ desktop }: { desktop: DesktopBridge }) {
  const styles = useStyles();
  const [queue, setQueue] = useState<PendingCallLink[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const agent = useCallingState((state) => state.agent);
  const inCall = useCallingState((state) => state.call !== null && state.call.status !== 'ended');
  const actions = useCallingActions();

  const takeLinks = useCallback(() => {
    desktop.takeCallLinks().then(
      (links) => {
        if (links.length > 0) setQueue((current) => [...current, ...links]);
      },
      () => {},
    );
  }, [desktop]);

  useEffect(() => {
    // Subscribe first, then take what queued up before this window was listening: nothing is lost.
    const unsubscribe = desktop.onCallLinksPending(takeLinks);
    takeLinks();
    return unsubscribe;
  }, [desktop, takeLinks]);

  const link = queue[0];
  if (!link) return null;

  const parsed = parseCallTarget(link.target);
  const next = () => {
    setFailure(null);
    setQueue((current) => current.slice(1));
  };
  const blocker =
    agent === 'signed-out'
      ? callLinkStrings.signInFirst
      : inCall
        ? callLinkStrings.inCall
        : agent !== 'connected'
          ? callLinkStrings.waitingForAcs
          : null;

  const place = async (video: boolean) => {
    if (parsed.status !== 'valid') return;
    setPlacing(true);
    try {
      await actions.startCall(parsed.target, { video });
      next();
    } catch (error) {
      setFailure(callLinkStrings.failed((error as Error).message));
    } finally {
      setPlacing(false);
    }
  };

  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => (data.open ? undefined : next())}>
      <DialogSurface aria-label={callLinkStrings.title}>
        <DialogBody>
          <DialogTitle>{callLinkStrings.title}</DialogTitle>
          <DialogContent className={styles.stack}>
            <Text>{callLinkStrings.from[link.source]}</Text>
            {parsed.status === 'valid' ? (
              <Text className={styles.target} data-testid="call-link-target">
                {callTargetStrings.understoodAs(parsed.target.kind, parsed.display)}
              </Text>
            ) : (
              <>
                <Text className={styles.target}>{link.target}</Text>
                <MessageBar intent="error">
                  <MessageBarBody>
                    {callLinkStrings.cannotCall}{' '}
                    {parsed.status === 'invalid' ? callTargetStrings.problems[parsed.problem] : null}
                  </MessageBarBody>
                </MessageBar>
              </>
            )}
            {parsed.status === 'valid' && blocker ? (
              <MessageBar intent="info">
                <MessageBarBody>{blocker}</MessageBarBody>
              </MessageBar>
            ) : null}
            {failure ? (
              <MessageBar intent="error">
                <MessageBarBody>{failure}</MessageBarBody>
              </MessageBar>
            ) : null}
            {queue.length > 1 ? <Text size={200}>{callLinkStrings.more(queue.length - 1)}</Text> : null}
          </DialogContent>
          <DialogActions>
            {parsed.status === 'valid' ? (
              <>
                <Button appearance="primary" disabled={blocker !== null || placing} onClick={() => void place(false)}>
                  {callLinkStrings.call}
                </Button>
                {targetSupportsVideo(parsed.target) ? (
                  <Button disabled={blocker !== null || placing} onClick={() => void place(true)}>
                    {callLinkStrings.callWithVideo}
                  </Button>
                ) : null}
                <Button appearance="secondary" onClick={next}>
                  {callLinkStrings.cancel}
                </Button>
              </>
            ) : (
              <Button appearance="primary" onClick={next}>
                {callLinkStrings.dismiss}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

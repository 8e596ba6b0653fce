import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useCallingActions, useCallingState } from '../../calling/model';
import { useDirectory } from '../../directory/directory-context';
import { useHistoryClient } from '../../history/history-context';
import { recentFromEndedCall, recordRecent, recordTransferredFrom } from '../../history/record-call';
import { inCallStrings } from '../../strings';
import { AgentBanner } from '../shared/AgentBanner';
import { DeviceNoticeBanner } from '../shared/DeviceNoticeBanner';
import { IncomingCallCard } from '../shared/IncomingCallCard';
import { useCallShortcuts } from '../shared/shortcuts';
import { useAction } from '../shared/use-action';
import { useNamedCall } from '../shared/use-named-call';
import { CallEndedView } from './CallEndedView';
import { CallHeader } from './CallHeader';
import { CaptionsPane, useCaptionsToggle } from './CaptionsPane';
import { ComplianceBanner } from './ComplianceBanner';
import { ControlBar } from './ControlBar';
import { HeldCalls } from './HeldCalls';
import { LobbyNotice } from './Lobby';
import { ParticipantsPanel } from './ParticipantsPanel';
import { TransferNotice } from './Transfer';
import { VideoStage } from './VideoStage';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  banners: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
  },
  body: { flex: 1, display: 'flex', minHeight: 0 },
  incoming: {
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0`,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
});

/**
 * The call: header (who, state, timer), banners (ACS unreachable, reconnecting, diagnostics, a
 * second incoming call), the stage, the people panel and the controls. Ctrl/⌘+Shift+M mutes,
 * +O toggles the camera, +H hangs up. When the call ends it says why, and records it in recents.
 */
export function InCallScreen() {
  const styles = useStyles();
  // Named as the directory knows the people in it; the layer's names are the fallback.
  const call = useNamedCall(useCallingState((state) => state.call));
  const held = useCallingState((state) => state.held);
  const incoming = useCallingState((state) => state.incoming);
  const actions = useCallingActions();
  // Controls are independent: muting and turning the camera on in quick succession both happen.
  const action = useAction({ exclusive: false });
  // Hanging up must never wait behind another control's pending action.
  const hangUp = useAction();
  const [participantsOpen, setParticipantsOpen] = useState(false);
  const captions = useCaptionsToggle(call, (run) => void action.run(run));
  const [endedAt, setEndedAt] = useState<number | null>(null);
  const recorded = useRef<string | null>(null);
  const history = useHistoryClient();
  const directory = useDirectory();

  const ended = call?.status === 'ended';
  useEffect(() => {
    if (call?.status !== 'ended') {
      setEndedAt(null);
      return;
    }
    const at = Date.now();
    setEndedAt(at);
    if (recorded.current !== call.id) {
      recorded.current = call.id;
      recordRecent(history, recentFromEndedCall(call, at, directory));
    }
  }, [call, history, directory]);

  // Transferred: the call I was in until the hand-over never shows as ended (the new call takes
  // its place), but recents keep it as it went; the new call gets its own entry when it ends.
  const transferredFrom = call?.transfer.transferredFrom ?? null;
  useEffect(() => {
    if (transferredFrom) recordTransferredFrom(history, transferredFrom, directory);
  }, [transferredFrom, history, directory]);

  useCallShortcuts(
    call && !ended
      ? {
          toggleMute: () => void action.run(() => actions.setMuted(!call.isMuted)),
          ...(call.target?.kind === 'phone'
            ? {}
            : { toggleCamera: () => void action.run(() => actions.setCameraOn(!call.isCameraOn)) }),
          hangUp: () => void hangUp.run(() => actions.hangUp()),
        }
      : {},
  );

  if (!call) return null;

  if (ended) {
    return (
      <div className={styles.root} data-testid="in-call-screen">
        <CallHeader call={call} />
        {held.length > 0 ? (
          <div className={styles.banners}>
            <HeldCalls
              held={held}
              callIsLive={false}
              onSwitch={(id) => void action.run(() => actions.switchToHeldCall(id))}
            />
          </div>
        ) : null}
        <CallEndedView call={call} endedAt={endedAt ?? Date.now()} />
      </div>
    );
  }

  const ringing = incoming[0];
  return (
    <div className={styles.root} data-testid="in-call-screen">
      <CallHeader call={call} />
      <div className={styles.banners}>
        <ComplianceBanner notice={call.compliance} />
        <AgentBanner />
        <LobbyNotice call={call} onView={() => setParticipantsOpen(true)} />
        <TransferNotice call={call} />
        {call.isScreenSharing ? (
          <MessageBar intent="warning" layout="singleline" data-testid="sharing-bar">
            <MessageBarBody>{inCallStrings.sharingBar}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void action.run(() => actions.setScreenSharing(false))}>
                {inCallStrings.stopSharing}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        <HeldCalls held={held} callIsLive onSwitch={(id) => void action.run(() => actions.switchToHeldCall(id))} />
        {call.status === 'reconnecting' ? (
          <MessageBar intent="warning">
            <MessageBarBody>{inCallStrings.status.reconnecting}</MessageBarBody>
          </MessageBar>
        ) : null}
        {call.status === 'on-hold' ? (
          <MessageBar intent="info" data-testid="on-hold-banner">
            <MessageBarBody>{inCallStrings.onHoldBanner}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void action.run(() => actions.setOnHold(false))}>
                {inCallStrings.resume}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        {call.status === 'remote-hold' ? (
          <MessageBar intent="info">
            <MessageBarBody>{inCallStrings.status['remote-hold']}</MessageBarBody>
          </MessageBar>
        ) : null}
        <DeviceNoticeBanner />
        {call.diagnostics.map((diagnostic) => (
          <MessageBar key={diagnostic.id} intent="warning" data-testid="diagnostic" data-area={diagnostic.area}>
            <MessageBarBody>{diagnostic.message}</MessageBarBody>
          </MessageBar>
        ))}
        {action.error || hangUp.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{inCallStrings.actionFailed(action.error ?? hangUp.error ?? '')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {ringing ? (
        <div className={styles.incoming}>
          <IncomingCallCard key={ringing.id} incoming={ringing} duringCall compact />
        </div>
      ) : null}
      <div className={styles.body}>
        <VideoStage call={call} />
        {participantsOpen ? <ParticipantsPanel call={call} onClose={() => setParticipantsOpen(false)} /> : null}
      </div>
      {captions.open ? <CaptionsPane captions={call.captions} onTurnOff={captions.toggle} /> : null}
      <ControlBar
        call={call}
        participantsOpen={participantsOpen}
        onToggleMute={() => void action.run(() => actions.setMuted(!call.isMuted))}
        onToggleCamera={() => void action.run(() => actions.setCameraOn(!call.isCameraOn))}
        onToggleScreenShare={() => void action.run(() => actions.setScreenSharing(!call.isScreenSharing))}
        onToggleHold={() => void action.run(() => actions.setOnHold(call.status !== 'on-hold'))}
        onToggleHand={() => void action.run(() => actions.setHandRaised(!call.isHandRaised))}
        onTone={(tone) => void actions.sendDtmf(tone).catch(() => {})}
        onToggleParticipants={() => setParticipantsOpen((open) => !open)}
        captionsOpen={captions.open}
        onToggleCaptions={captions.toggle}
        onHangUp={() => void hangUp.run(() => actions.hangUp())}
      />
    </div>
  );
}

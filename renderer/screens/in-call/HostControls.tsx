/**
 * Host controls, each offered only where the call's capabilities allow it (CallView.host):
 * ending the call for everyone (after a confirmation), muting one person or everyone, removing
 * someone. They sit beside the controls they extend: the hang-up button and the people pane.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CallDismissRegular, MicOffRegular, MoreHorizontalRegular, PersonDeleteRegular } from '@fluentui/react-icons';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { type CallView, type Participant, useCallingActions } from '../../calling/model';
import { hostStrings } from '../../strings';
import { useCallButtonStyles } from '../shared/call-button-styles';
import { type ActionRunner, useAction } from '../shared/use-action';

const useStyles = makeStyles({
  error: { margin: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}` },
});

/**
 * "End for everyone" beside Hang up, for a host: a separate, labelled control (a slip of the hand
 * on Hang up only leaves), confirmed in a dialog because it disconnects everyone.
 */
export function EndForEveryone(props: { call: CallView; className?: string; children?: ReactNode }) {
  const buttons = useCallButtonStyles();
  const actions = useCallingActions();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  if (!props.call.host.endForEveryone) return null;
  return (
    <>
      <Button
        appearance="subtle"
        className={props.className}
        icon={<CallDismissRegular />}
        aria-label={hostStrings.endButton}
        disabled={props.call.status === 'disconnecting'}
        onClick={() => setConfirming(true)}
        data-testid="end-for-everyone"
      >
        {props.children}
      </Button>
      {/* Mounted only while asking (as CallLinkDialog): the dialog appears open from its first render. */}
      {confirming ? (
        <Dialog modalType="alert" open onOpenChange={(_, data) => setConfirming(data.open)}>
          <DialogSurface
            aria-label={hostStrings.confirmTitle}
            aria-describedby="end-for-everyone-body"
            data-testid="end-for-everyone-dialog"
          >
            <DialogBody>
              <DialogTitle>{hostStrings.confirmTitle}</DialogTitle>
              <DialogContent id="end-for-everyone-body">
                {hostStrings.confirmBody}
                {action.error ? (
                  <MessageBar intent="error">
                    <MessageBarBody>{hostStrings.failed(action.error)}</MessageBarBody>
                  </MessageBar>
                ) : null}
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setConfirming(false)}>
                  {hostStrings.cancel}
                </Button>
                <Button
                  className={buttons.danger}
                  disabled={action.busy}
                  onClick={() => void action.run(() => actions.endCallForEveryone())}
                >
                  {hostStrings.confirm}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </>
  );
}

const HostActionContext = createContext<ActionRunner | null>(null);

/**
 * One runner for the people pane's host actions, so that a failure (the person left, the role
 * changed) is said in one place, above the list, whichever row's menu it came from.
 */
export function HostActionScope(props: { children: ReactNode }) {
  const styles = useStyles();
  const action = useAction({ exclusive: false });
  return (
    <HostActionContext.Provider value={action}>
      {action.error ? (
        <MessageBar intent="error" className={styles.error} data-testid="host-action-error">
          <MessageBarBody>{hostStrings.failed(action.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.children}
    </HostActionContext.Provider>
  );
}

/** The people pane's host runner (HostActionScope), or one of its own outside the pane. */
export function useHostAction(): ActionRunner {
  const own = useAction({ exclusive: false });
  return useContext(HostActionContext) ?? own;
}

/** "Mute everyone" in the people pane's header, for a host who may mute others. */
export function MuteAllButton(props: { call: CallView }) {
  const actions = useCallingActions();
  const action = useHostAction();
  const { call } = props;
  if (!call.host.muteOthers || call.participants.length === 0) return null;
  return (
    <Button
      size="small"
      icon={<MicOffRegular />}
      disabled={action.busy || call.participants.every((p) => p.isMuted)}
      onClick={() => void action.run(() => actions.muteAllParticipants())}
    >
      {hostStrings.muteAll}
    </Button>
  );
}

/** The "…" menu on a person in the people pane: Mute, Remove from the call. */
export function ParticipantHostMenu(props: { call: CallView; participant: Participant }) {
  const actions = useCallingActions();
  const action = useHostAction();
  const { call, participant } = props;
  if (!call.host.muteOthers && !call.host.removeParticipants) return null;
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          size="small"
          icon={<MoreHorizontalRegular />}
          aria-label={hostStrings.moreFor(participant.displayName)}
          data-testid="participant-host-menu"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {call.host.muteOthers ? (
            <MenuItem
              icon={<MicOffRegular />}
              disabled={participant.isMuted}
              onClick={() => void action.run(() => actions.muteParticipant(participant.id))}
            >
              {participant.isMuted
                ? hostStrings.alreadyMuted(participant.displayName)
                : hostStrings.muteLabel(participant.displayName)}
            </MenuItem>
          ) : null}
          {call.host.removeParticipants ? (
            <MenuItem
              icon={<PersonDeleteRegular />}
              onClick={() => void action.run(() => actions.removeParticipant(participant.id))}
            >
              {hostStrings.removeLabel(participant.displayName)}
            </MenuItem>
          ) : null}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

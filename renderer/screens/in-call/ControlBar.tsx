import {
  Button,
  makeStyles,
  mergeClasses,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import {
  CallEndRegular,
  ClosedCaptionRegular,
  DialpadRegular,
  EmojiRegular,
  HandRightFilled,
  HandRightRegular,
  MicOffRegular,
  MicRegular,
  PauseRegular,
  PlayRegular,
  SettingsRegular,
  ShareScreenStartRegular,
  ShareScreenStopRegular,
  VideoOffRegular,
  VideoRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { CallView, DtmfTone } from '../../calling/model';
import {
  captionStrings,
  hostStrings,
  inCallStrings,
  lobbyStrings,
  reactionStrings,
  transferStrings,
} from '../../strings';
import { ControlTooltip } from '../shared/ControlTooltip';
import { useCallButtonStyles } from '../shared/call-button-styles';
import { DevicePickers } from '../shared/DevicePickers';
import { EffectsPicker } from '../shared/EffectsPicker';
import { ariaShortcut, type CallShortcut } from '../shared/shortcuts';
import { DtmfKeypad } from './DtmfKeypad';
import { EndForEveryone } from './HostControls';
import { PeopleIcon } from './Lobby';
import { ReactionPicker } from './Reactions';
import { TransferControl } from './Transfer';

const useStyles = makeStyles({
  // The bar is its own container: in a narrow window the labels go and the icons stay (their
  // names remain in aria-label and the tooltips), so the controls keep to one row.
  barContainer: { containerType: 'inline-size' },
  bar: {
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  control: {
    minWidth: '64px',
    height: '56px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    '& .fui-Button__icon': { fontSize: '22px', width: '22px', height: '22px', marginRight: 0 },
    '@container (max-width: 860px)': { minWidth: '44px', height: '44px' },
  },
  label: { '@container (max-width: 860px)': { display: 'none' } },
  // The icon turns brand; the label stays neutral (brand text on the selected background read
  // 4.17:1 in the dark theme, under the 4.5:1 small text needs).
  on: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    '& .fui-Button__icon': { color: tokens.colorBrandForeground1 },
  },
  // Muted is a state to notice (others cannot hear you), not a feature switched on: warning colours.
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorStatusWarningForeground1,
    ':hover': { backgroundColor: tokens.colorStatusWarningBackground2, color: tokens.colorStatusWarningForeground1 },
    ':hover:active': {
      backgroundColor: tokens.colorStatusWarningBackground2,
      color: tokens.colorStatusWarningForeground1,
    },
  },
  separator: {
    width: '1px',
    height: '32px',
    backgroundColor: tokens.colorNeutralStroke2,
    margin: `0 ${tokens.spacingHorizontalS}`,
  },
  hangUp: {
    minWidth: '96px',
    '@container (max-width: 860px)': { minWidth: '64px' },
  },
  popover: { padding: tokens.spacingHorizontalL },
  devices: { width: '300px' },
  effects: { marginTop: tokens.spacingVerticalL },
});

export interface ControlBarProps {
  call: CallView;
  participantsOpen: boolean;
  onToggleMute(): void;
  onToggleCamera(): void;
  onToggleScreenShare(): void;
  onToggleHold(): void;
  onToggleHand(): void;
  onTone(tone: DtmfTone): void;
  onToggleParticipants(): void;
  /** The captions pane (CaptionsPane.tsx): open means captions asked for. */
  captionsOpen: boolean;
  onToggleCaptions(): void;
  onHangUp(): void;
}

/**
 * The row of call controls, Teams' order: people, hand, share, devices | camera, mic, hold, keypad |
 * hang up. Only what applies is offered: a phone call has no people pane, hand, screen share or
 * camera (PSTN is audio only, one other person); a hand is raised, and reactions sent, in group
 * calls and meetings.
 */
export function ControlBar(props: ControlBarProps) {
  const styles = useStyles();
  const buttons = useCallButtonStyles();
  // A toolbar answers the arrow keys (ARIA's toolbar pattern); Tab still visits every control.
  const arrowKeys = useArrowNavigationGroup({
    axis: 'horizontal',
    circular: true,
    tabbable: true,
    memorizeCurrent: false,
  });
  const { call } = props;
  const live = call.status === 'connected' || call.status === 'on-hold' || call.status === 'remote-hold';
  const onHold = call.status === 'on-hold';
  const isPhone = call.target?.kind === 'phone';
  const isGroup =
    call.target?.kind === 'group' ||
    call.target?.kind === 'teams-meeting' ||
    call.target?.kind === 'teams-meeting-id' ||
    call.target?.kind === 'room';

  const control = (p: {
    label: string;
    /** The accessible name when it says more than the label (which it must contain). */
    name?: string;
    icon: ReactElement;
    onClick?: () => void;
    on?: boolean;
    warning?: boolean;
    disabled?: boolean;
    shortcut?: CallShortcut;
    testId?: string;
  }) => (
    <ControlTooltip label={p.label} {...(p.shortcut ? { shortcut: p.shortcut } : {})}>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.control, p.on && styles.on, p.warning && styles.warning)}
        icon={p.icon}
        aria-label={p.name ?? p.label}
        aria-keyshortcuts={p.shortcut ? ariaShortcut(p.shortcut) : undefined}
        disabled={p.disabled}
        onClick={p.onClick}
        data-testid={p.testId}
      >
        <span className={styles.label}>{p.label}</span>
      </Button>
    </ControlTooltip>
  );

  return (
    <div className={styles.barContainer}>
      <div className={styles.bar} role="toolbar" aria-label={inCallStrings.controlsLabel} {...arrowKeys}>
        {isPhone
          ? null
          : control({
              label: inCallStrings.participants,
              ...(call.host.manageLobby && call.lobby.length > 0
                ? { name: lobbyStrings.peopleWithLobby(inCallStrings.participants, call.lobby.length) }
                : {}),
              icon: <PeopleIcon call={call} />,
              on: props.participantsOpen,
              onClick: props.onToggleParticipants,
            })}
        {isGroup
          ? control({
              label: call.isHandRaised ? inCallStrings.lowerHand : inCallStrings.raiseHand,
              icon: call.isHandRaised ? <HandRightFilled /> : <HandRightRegular />,
              on: call.isHandRaised,
              disabled: !live,
              onClick: props.onToggleHand,
            })
          : null}
        {call.reactions.offered ? (
          <Popover withArrow positioning="above" trapFocus>
            <PopoverTrigger disableButtonEnhancement>
              {control({
                label: reactionStrings.control,
                icon: <EmojiRegular />,
                disabled: !live,
                testId: 'reactions-control',
              })}
            </PopoverTrigger>
            <PopoverSurface className={styles.popover} aria-label={reactionStrings.pickerLabel}>
              <ReactionPicker call={call} />
            </PopoverSurface>
          </Popover>
        ) : null}
        {isPhone
          ? null
          : control({
              label: call.isScreenSharing ? inCallStrings.stopSharing : inCallStrings.shareScreen,
              icon: call.isScreenSharing ? <ShareScreenStopRegular /> : <ShareScreenStartRegular />,
              on: call.isScreenSharing,
              disabled: !live,
              onClick: props.onToggleScreenShare,
            })}
        {control({
          label: !props.captionsOpen
            ? captionStrings.turnOn
            : call.captions.status === 'unavailable'
              ? captionStrings.close
              : captionStrings.turnOff,
          icon: <ClosedCaptionRegular />,
          on: props.captionsOpen,
          disabled: !live,
          onClick: props.onToggleCaptions,
          testId: 'captions-control',
        })}
        <Popover withArrow positioning="above" trapFocus>
          <PopoverTrigger disableButtonEnhancement>
            {control({ label: inCallStrings.devices, icon: <SettingsRegular /> })}
          </PopoverTrigger>
          <PopoverSurface
            className={mergeClasses(styles.popover, styles.devices)}
            aria-label={inCallStrings.devicesLabel}
          >
            <DevicePickers />
            <EffectsPicker cameraRunning={call.isCameraOn} className={styles.effects} />
          </PopoverSurface>
        </Popover>
        <span className={styles.separator} aria-hidden />
        {isPhone
          ? null
          : control({
              label: call.isCameraOn ? inCallStrings.cameraOff : inCallStrings.cameraOn,
              icon: call.isCameraOn ? <VideoRegular /> : <VideoOffRegular />,
              on: call.isCameraOn,
              shortcut: 'toggleCamera',
              onClick: props.onToggleCamera,
            })}
        {control({
          label: call.isMuted ? inCallStrings.unmute : inCallStrings.mute,
          icon: call.isMuted ? <MicOffRegular /> : <MicRegular />,
          warning: call.isMuted,
          shortcut: 'toggleMute',
          onClick: props.onToggleMute,
        })}
        {control({
          label: onHold ? inCallStrings.resume : inCallStrings.hold,
          icon: onHold ? <PlayRegular /> : <PauseRegular />,
          on: onHold,
          disabled: !live || call.status === 'remote-hold',
          onClick: props.onToggleHold,
        })}
        {isPhone ? (
          <Popover withArrow positioning="above" trapFocus>
            <PopoverTrigger disableButtonEnhancement>
              {control({ label: inCallStrings.keypad, icon: <DialpadRegular />, disabled: !live })}
            </PopoverTrigger>
            <PopoverSurface className={styles.popover} aria-label={inCallStrings.keypadLabel}>
              <DtmfKeypad onTone={props.onTone} />
            </PopoverSurface>
          </Popover>
        ) : null}
        <TransferControl call={call} className={styles.control}>
          <span className={styles.label}>{transferStrings.control}</span>
        </TransferControl>
        <span className={styles.separator} aria-hidden />
        <ControlTooltip label={inCallStrings.hangUp} shortcut="hangUp">
          <Button
            className={mergeClasses(styles.control, styles.hangUp, buttons.danger)}
            icon={<CallEndRegular />}
            aria-label={inCallStrings.hangUp}
            aria-keyshortcuts={ariaShortcut('hangUp')}
            disabled={call.status === 'disconnecting'}
            onClick={props.onHangUp}
          >
            <span className={styles.label}>{inCallStrings.hangUp}</span>
          </Button>
        </ControlTooltip>
        <EndForEveryone call={call} className={styles.control}>
          <span className={styles.label}>{hostStrings.endButton}</span>
        </EndForEveryone>
      </div>
    </div>
  );
}

import { Avatar, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DismissRegular, HandRightFilled, MicOffRegular, MicRegular } from '@fluentui/react-icons';
import { type CallView, useCallingState } from '../../calling/model';
import { useDirectoryPeople } from '../../directory/directory-context';
import { inCallStrings } from '../../strings';
import { VerifiedMark } from '../shared/VerifiedMark';
import { AddPeople } from './AddPeople';
import { HostActionScope, MuteAllButton, ParticipantHostMenu } from './HostControls';
import { LobbyList } from './Lobby';
import { SpotlightBar, SpotlightMarker, SpotlightToggle } from './Spotlight';

const useStyles = makeStyles({
  panel: {
    width: '300px',
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  list: { listStyleType: 'none', margin: 0, padding: `0 ${tokens.spacingHorizontalS}`, overflowY: 'auto' },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  nameLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  state: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  icons: { display: 'flex', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, fontSize: '18px' },
  hand: { color: tokens.colorPaletteMarigoldForeground1 },
});

/** Everyone in the call (me first) with muted, speaking and raised-hand state. */
export function ParticipantsPanel(props: { call: CallView; onClose: () => void }) {
  const styles = useStyles();
  const { call } = props;
  const myName = useCallingState((state) => state.myDisplayName);
  const myId = useCallingState((state) => state.myCommunicationUserId);
  const present = call.participants.filter((p) => p.state !== 'disconnected');
  const verified = useDirectoryPeople(present.map((p) => p.id));
  const rows = [
    {
      id: 'me',
      displayName: myName ? inCallStrings.youNamed(myName) : inCallStrings.you,
      state: 'connected' as const,
      isMuted: call.isMuted,
      isSpeaking: false,
      isHandRaised: call.isHandRaised,
    },
    ...present,
  ];
  return (
    <aside
      className={styles.panel}
      aria-label={inCallStrings.participantsLabel(present.length + 1)}
      data-testid="participants"
    >
      <div className={styles.header}>
        <Text weight="semibold" size={400}>
          {inCallStrings.participantsLabel(present.length + 1)}
        </Text>
        <MuteAllButton call={call} />
        <Button
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label={inCallStrings.hideParticipants}
          onClick={props.onClose}
        />
      </div>
      <AddPeople call={call} />
      <HostActionScope>
        <LobbyList call={call} />
        <SpotlightBar call={call} myId={myId} />
        <ul className={styles.list}>
          {rows.map((p) => {
            const state = [
              inCallStrings.participantState[p.state],
              p.isSpeaking ? inCallStrings.speaking : '',
              p.isHandRaised ? inCallStrings.handRaised : '',
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <li key={p.id} className={styles.row} data-testid="participant" data-speaking={p.isSpeaking || undefined}>
                <Avatar
                  name={p.displayName}
                  size={32}
                  color="colorful"
                  active={p.isSpeaking ? 'active' : 'unset'}
                  activeAppearance="ring"
                />
                <div className={styles.text}>
                  <span className={styles.nameLine}>
                    <Text className={styles.name}>{p.displayName}</Text>
                    {verified.has(p.id) ? <VerifiedMark /> : null}
                  </span>
                  {call.spotlight.spotlightedIds.includes(p.id === 'me' ? (myId ?? '') : p.id) ? (
                    <SpotlightMarker inline />
                  ) : null}
                  {state ? <Text className={styles.state}>{state}</Text> : null}
                </div>
                <span className={styles.icons}>
                  {p.isHandRaised ? (
                    <HandRightFilled className={styles.hand} aria-label={inCallStrings.handRaised} />
                  ) : null}
                  {p.isMuted ? <MicOffRegular aria-label={inCallStrings.muted} /> : <MicRegular aria-hidden />}
                </span>
                {p.id === 'me' ? null : <SpotlightToggle call={call} participantId={p.id} name={p.displayName} />}
                {p.id === 'me' ? null : <ParticipantHostMenu call={call} participant={p} />}
              </li>
            );
          })}
        </ul>
      </HostActionScope>
    </aside>
  );
}

/**
 * A Teams meeting's lobby, for a host who may manage it (CallView.host.manageLobby): who waits,
 * admitted one by one or all at once, or denied; a notice when someone starts waiting; and the
 * count on the People control.
 */
import {
  Avatar,
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, PeopleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { type CallView, useCallingActions } from '../../calling/model';
import { lobbyStrings } from '../../strings';
import { useHostAction } from './HostControls';

const useStyles = makeStyles({
  section: {
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    marginBottom: tokens.spacingVerticalS,
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  name: { flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  icon: { position: 'relative', display: 'inline-flex' },
  badge: { position: 'absolute', top: '-2px', right: '-4px' },
});

/** The lobby at the top of the people pane. */
export function LobbyList(props: { call: CallView }) {
  const styles = useStyles();
  const actions = useCallingActions();
  const action = useHostAction();
  const { lobby, host } = props.call;
  if (!host.manageLobby || lobby.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="lobby-heading" data-testid="lobby">
      <div className={styles.heading}>
        <Text id="lobby-heading" weight="semibold">
          {lobbyStrings.heading(lobby.length)}
        </Text>
        {lobby.length > 1 ? (
          <Button size="small" appearance="primary" onClick={() => void action.run(() => actions.admitAllFromLobby())}>
            {lobbyStrings.admitAll}
          </Button>
        ) : null}
      </div>
      <ul className={styles.list}>
        {lobby.map((person) => (
          <li key={person.id} className={styles.row} data-testid="lobby-person">
            <Avatar name={person.displayName} size={24} color="colorful" />
            <Text className={styles.name}>{person.displayName}</Text>
            <Button
              size="small"
              appearance="subtle"
              aria-label={lobbyStrings.denyLabel(person.displayName)}
              onClick={() => void action.run(() => actions.rejectFromLobby(person.id))}
            >
              {lobbyStrings.deny}
            </Button>
            <Button
              size="small"
              aria-label={lobbyStrings.admitLabel(person.displayName)}
              onClick={() => void action.run(() => actions.admitFromLobby(person.id))}
            >
              {lobbyStrings.admit}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * "Adele Vance is waiting in the lobby", with Admit and View lobby: shown for people who started
 * waiting since the host last dismissed or viewed the notice, inside a live region that stays
 * mounted for the whole call so screen readers announce each arrival.
 */
export function LobbyNotice(props: { call: CallView; onView: () => void }) {
  const actions = useCallingActions();
  const action = useHostAction();
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  const { lobby, host } = props.call;
  const fresh = host.manageLobby ? lobby.filter((person) => !seen.has(person.id)) : [];
  const markSeen = () => setSeen(new Set(lobby.map((person) => person.id)));
  const only = fresh.length === 1 ? fresh[0] : undefined;
  return (
    <div role="status" aria-live="polite" data-testid="lobby-live-region">
      {fresh.length > 0 ? (
        <MessageBar intent="info" icon={<PeopleRegular />} data-testid="lobby-notice">
          <MessageBarBody>{lobbyStrings.waiting(fresh.map((person) => person.displayName))}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                icon={<DismissRegular />}
                aria-label={lobbyStrings.dismiss}
                onClick={markSeen}
              />
            }
          >
            {only ? (
              <Button
                size="small"
                aria-label={lobbyStrings.admitLabel(only.displayName)}
                onClick={() => void action.run(() => actions.admitFromLobby(only.id))}
              >
                {lobbyStrings.admit}
              </Button>
            ) : null}
            <Button
              size="small"
              onClick={() => {
                markSeen();
                props.onView();
              }}
            >
              {lobbyStrings.view}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}

/**
 * The People control's icon, with a dot on it while people wait. The count is in the control's
 * accessible name (a number drawn on the icon would be text missing from that name, WCAG 2.5.3)
 * and in the pane's lobby heading.
 */
export function PeopleIcon(props: { call: CallView }) {
  const styles = useStyles();
  const waiting = props.call.host.manageLobby ? props.call.lobby.length : 0;
  return (
    <span className={styles.icon}>
      <PeopleRegular />
      {waiting > 0 ? (
        <Badge
          className={styles.badge}
          size="extra-small"
          color="danger"
          data-testid="lobby-count"
          data-count={waiting}
        />
      ) : null}
    </span>
  );
}

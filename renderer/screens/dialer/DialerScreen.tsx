import { MessageBar, MessageBarBody, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type CallTarget, useCallingActions, useCallingState } from '../../calling/model';
import { useCallHistory } from '../../history/use-call-history';
import { dialerStrings } from '../../strings';
import { AgentBanner } from '../shared/AgentBanner';
import { CopyableId } from '../shared/CopyableId';
import { Panel } from '../shared/Panel';
import { useAction } from '../shared/use-action';
import { CallBox } from './CallBox';
import { HistoryPanel, type OnCall } from './HistoryPanel';
import { MeetingIdJoin } from './MeetingIdJoin';

const useStyles = makeStyles({
  // Laid out by its own width (a container query), not the window's: the app frame may give
  // the dialer the whole window or one column of it.
  root: { containerType: 'inline-size', minWidth: 0 },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignItems: 'start',
    '@container (min-width: 880px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(300px, 2fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, minHeight: 0 },
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalL },
  myId: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  historyCard: { padding: tokens.spacingHorizontalL, minHeight: '240px' },
});

/** Place a call: the one call box, my own id to share, and recent calls and favourites. */
export function DialerScreen() {
  const styles = useStyles();
  const actions = useCallingActions();
  const myId = useCallingState((state) => state.myCommunicationUserId);
  const { snapshot, client } = useCallHistory();
  const [input, setInput] = useState('');
  const quickCall = useAction();

  const addFavourite = (target: CallTarget, label: string) => client.addFavourite({ target, label });
  // The list's name for the target (a favourite's label, a recent's title) heads the call; a
  // recent call to several people rings them all again, as the call box's list of people does.
  const callFromList: OnCall = (target, video, title, others) =>
    void quickCall.run(() => actions.placeCall(target, { video, title, ...(others.length > 0 ? { others } : {}) }));

  return (
    <div className={styles.root} data-testid="dialer-screen">
      <div className={styles.grid}>
        <div className={styles.column}>
          <AgentBanner />
          <Panel className={styles.card}>
            <Subtitle1 as="h2">{dialerStrings.title}</Subtitle1>
            <CallBox
              value={input}
              onChange={setInput}
              history={snapshot}
              onAddFavourite={addFavourite}
              onRemoveFavourite={(id) => client.removeFavourite(id)}
              onCalled={() => setInput('')}
            />
            {quickCall.error ? (
              <MessageBar intent="error">
                <MessageBarBody>{dialerStrings.callFailed(quickCall.error)}</MessageBarBody>
              </MessageBar>
            ) : null}
            <MeetingIdJoin />
          </Panel>
          {myId ? (
            <Panel className={styles.card}>
              <div className={styles.myId}>
                <Text weight="semibold">{dialerStrings.myId}</Text>
                <Text size={200} className={styles.hint}>
                  {dialerStrings.myIdHint}
                </Text>
                <CopyableId id={myId} />
              </div>
            </Panel>
          ) : null}
        </div>
        <Panel className={styles.historyCard}>
          <HistoryPanel snapshot={snapshot} client={client} onPick={setInput} onCall={callFromList} />
        </Panel>
      </div>
    </div>
  );
}

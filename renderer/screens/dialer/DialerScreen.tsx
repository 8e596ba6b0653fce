import { Card, MessageBar, MessageBarBody, makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { type CallTarget, useCallingActions, useCallingState } from '../../calling/model';
import { useCallHistory } from '../../history/use-call-history';
import { dialerStrings } from '../../strings';
import { AgentBanner } from '../shared/AgentBanner';
import { CopyableId } from '../shared/CopyableId';
import { useAction } from '../shared/use-action';
import { CallBox } from './CallBox';
import { HistoryPanel } from './HistoryPanel';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    height: '100%',
    overflow: 'auto',
    padding: tokens.spacingHorizontalXXL,
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    alignContent: 'start',
    '@media (min-width: 900px)': {
      gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)',
      alignContent: 'stretch',
    },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, minHeight: 0 },
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalL },
  myId: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  historyCard: { padding: tokens.spacingHorizontalL, minHeight: '240px', maxHeight: '100%' },
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
  const callFromList = (target: CallTarget, video: boolean) =>
    void quickCall.run(() => actions.startCall(target, { video }));

  return (
    <div className={styles.root} data-testid="dialer-screen">
      <div className={styles.column}>
        <AgentBanner />
        <Card className={styles.card}>
          <Title2 as="h1">{dialerStrings.title}</Title2>
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
        </Card>
        {myId ? (
          <Card className={styles.card}>
            <div className={styles.myId}>
              <Text weight="semibold">{dialerStrings.myId}</Text>
              <Text size={200} className={styles.hint}>
                {dialerStrings.myIdHint}
              </Text>
              <CopyableId id={myId} label={dialerStrings.copyLabel} />
            </div>
          </Card>
        ) : null}
      </div>
      <Card className={styles.historyCard}>
        <HistoryPanel snapshot={snapshot} client={client} onPick={setInput} onCall={callFromList} />
      </Card>
    </div>
  );
}

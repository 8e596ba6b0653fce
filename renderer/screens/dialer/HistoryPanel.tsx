import { Button, makeStyles, mergeClasses, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import {
  CallInboundRegular,
  CallMissedRegular,
  CallOutboundRegular,
  CallRegular,
  DeleteRegular,
  DismissRegular,
  VideoRegular,
} from '@fluentui/react-icons';
import type { JSX, ReactNode } from 'react';
import type { Favourite, RecentCall } from '../../../common/ipc/history';
import { callTargetDisplay, callTargetToInput, peopleSupportVideo } from '../../calling/call-target';
import { type CallTarget, type PersonTarget, useCallingState } from '../../calling/model';
import type { PhoneNumbers } from '../../calling/phone-numbers';
import { usePhoneNumbers } from '../../calling/use-phone-numbers';
import type { HistoryClient, HistorySnapshot } from '../../history/history-client';
import { useClock } from '../../session/session-context';
import { formatWhen, historyStrings } from '../../strings';
import { ControlTooltip } from '../shared/ControlTooltip';
import { TargetIcon } from '../shared/target-icon';
import { visuallyHidden } from '../shared/visually-hidden';

const useStyles = makeStyles({
  // Read by screen readers, not shown: what pressing the row does.
  visuallyHidden,
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', minHeight: 0, gap: tokens.spacingVerticalXS },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    // The same height with and without the clear button beside the heading: nothing jumps.
    minHeight: '32px',
  },
  heading: { margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, overflowY: 'auto', minHeight: 0 },
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  main: {
    flex: 1,
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
  },
  // A call to several people is called again with its buttons; the call box takes one target
  // when picked, so the row itself is no button. Laid out as the buttons are.
  passive: {
    display: 'flex',
    alignItems: 'center',
    // A button's padding plus its (transparent) border: the text lines up with the other rows'.
    paddingLeft: `calc(${tokens.spacingHorizontalM} + ${tokens.strokeWidthThin})`,
    paddingRight: `calc(${tokens.spacingHorizontalM} + ${tokens.strokeWidthThin})`,
    // A transparent button's text colour, as the other rows.
    color: tokens.colorNeutralForeground2,
  },
  avatar: {
    flexShrink: 0,
    width: '32px',
    height: '32px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontSize: '16px',
    marginRight: tokens.spacingHorizontalS,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  detail: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  },
  missed: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalM },
});

/** Rings `target`, and with it `others` (a call to several people at once: recents only). */
export type OnCall = (target: CallTarget, video: boolean, title: string, others: PersonTarget[]) => void;

/**
 * Favourites, then recent calls, stacked in one card (no tabs: both are in view at once, and the
 * home screen does without a TabList). Pick an entry to fill the call box, or call it straight
 * away. The Favourites section appears once there is a favourite; until then the call box's star
 * is the way in.
 */
export function HistoryPanel(props: {
  snapshot: HistorySnapshot;
  client: HistoryClient;
  onPick: (input: string) => void;
  onCall: OnCall;
}) {
  const styles = useStyles();
  const agent = useCallingState((state) => state.agent);
  const canCall = agent === 'connected';
  const { snapshot, client } = props;
  const favourites = snapshot.status === 'ready' ? snapshot.history.favourites : [];
  // Favourite rows show their number formatted; recents carry their title from when they were
  // recorded, so only a phone favourite needs the phone-number library here.
  const phoneNumbers = usePhoneNumbers(favourites.some((favourite) => favourite.target.kind === 'phone'));

  let recentBody: JSX.Element;
  if (snapshot.status === 'loading') {
    recentBody = <Spinner size="small" />;
  } else if (snapshot.status === 'unavailable') {
    recentBody = <Text className={styles.empty}>{historyStrings.unavailable}</Text>;
  } else if (snapshot.history.recents.length === 0) {
    recentBody = <Text className={styles.empty}>{historyStrings.noRecents}</Text>;
  } else {
    recentBody = (
      <ul className={styles.list} aria-label={historyStrings.recent}>
        {snapshot.history.recents.map((call) => (
          <RecentRow
            key={call.id}
            call={call}
            canCall={canCall}
            onPick={props.onPick}
            onCall={props.onCall}
            onRemove={() => void client.removeRecent(call.id).catch(() => {})}
          />
        ))}
      </ul>
    );
  }

  return (
    <section className={styles.root} aria-label={historyStrings.listsLabel}>
      {favourites.length > 0 ? (
        <div className={styles.section}>
          <div className={styles.header}>
            <Subtitle2 as="h3" className={styles.heading}>
              {historyStrings.favourites}
            </Subtitle2>
          </div>
          <ul className={styles.list} aria-label={historyStrings.favourites}>
            {favourites.map((favourite) => (
              <FavouriteRow
                key={favourite.id}
                favourite={favourite}
                phoneNumbers={phoneNumbers}
                canCall={canCall}
                onPick={props.onPick}
                onCall={props.onCall}
                onRemove={() => void client.removeFavourite(favourite.id).catch(() => {})}
              />
            ))}
          </ul>
        </div>
      ) : null}
      <div className={styles.section}>
        <div className={styles.header}>
          <Subtitle2 as="h3" className={styles.heading}>
            {historyStrings.recentHeading}
          </Subtitle2>
          {snapshot.status === 'ready' && snapshot.history.recents.length > 0 ? (
            <ControlTooltip label={historyStrings.clearRecents}>
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={historyStrings.clearRecents}
                onClick={() => void client.clearRecents().catch(() => {})}
              />
            </ControlTooltip>
          ) : null}
        </div>
        {recentBody}
      </div>
    </section>
  );
}

function RecentRow(props: {
  call: RecentCall;
  canCall: boolean;
  onPick: (input: string) => void;
  onCall: OnCall;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { call } = props;
  const clock = useClock();
  const missed = call.outcome === 'missed' || call.outcome === 'declined';
  const DirectionIcon = missed
    ? CallMissedRegular
    : call.direction === 'incoming'
      ? CallInboundRegular
      : CallOutboundRegular;
  const detail = [
    historyStrings.outcome[call.outcome],
    formatWhen(call.startedAt, clock),
    call.durationSeconds > 0 ? historyStrings.duration(call.durationSeconds) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const others = call.others ?? [];
  const content = (
    <>
      <span className={styles.avatar} aria-hidden>
        <TargetIcon kind={others.length > 0 ? 'group' : call.target.kind} />
      </span>
      <span className={styles.text}>
        <Text className={mergeClasses(styles.title, missed && styles.missed)} weight="semibold">
          {call.title}
        </Text>
        <span className={mergeClasses(styles.detail, missed && styles.missed)}>
          <DirectionIcon aria-label={historyStrings.direction[call.direction]} />
          {detail}
        </span>
      </span>
    </>
  );
  return (
    <li className={styles.row} data-testid="recent-call">
      {others.length > 0 ? (
        <div className={mergeClasses(styles.main, styles.passive)}>{content}</div>
      ) : (
        <PickButton target={call.target} onPick={props.onPick}>
          {content}
        </PickButton>
      )}
      <RowActions
        target={call.target}
        others={others}
        title={call.title}
        canCall={props.canCall}
        onCall={props.onCall}
        removeLabel={historyStrings.remove(call.title)}
        onRemove={props.onRemove}
      />
    </li>
  );
}

function FavouriteRow(props: {
  favourite: Favourite;
  /** Null until loaded: a phone favourite shows its E.164 digits for those few milliseconds. */
  phoneNumbers: PhoneNumbers | null;
  canCall: boolean;
  onPick: (input: string) => void;
  onCall: OnCall;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { favourite } = props;
  const display = callTargetDisplay(favourite.target, props.phoneNumbers);
  return (
    <li className={styles.row}>
      <PickButton target={favourite.target} onPick={props.onPick}>
        <span className={styles.avatar} aria-hidden>
          <TargetIcon kind={favourite.target.kind} />
        </span>
        <span className={styles.text}>
          <Text className={styles.title} weight="semibold">
            {favourite.label}
          </Text>
          {display !== favourite.label ? <span className={styles.detail}>{display}</span> : null}
        </span>
      </PickButton>
      <RowActions
        target={favourite.target}
        others={NO_OTHERS}
        title={favourite.label}
        canCall={props.canCall}
        onCall={props.onCall}
        removeLabel={historyStrings.removeFavourite(favourite.label)}
        onRemove={props.onRemove}
      />
    </li>
  );
}

/** The row's main area: puts the target into the call box ("…: put in the call box" to a screen reader). */
function PickButton(props: { target: CallTarget; onPick: (input: string) => void; children: ReactNode }) {
  const styles = useStyles();
  return (
    <Button
      appearance="transparent"
      className={styles.main}
      onClick={() => props.onPick(callTargetToInput(props.target))}
    >
      {props.children}
      <span className={styles.visuallyHidden}>{historyStrings.useTarget}</span>
    </Button>
  );
}

/** Favourites are one target each. */
const NO_OTHERS: PersonTarget[] = [];

/** Call again (with video where it can be), and remove from the list. */
function RowActions(props: {
  target: CallTarget;
  others: PersonTarget[];
  title: string;
  canCall: boolean;
  onCall: OnCall;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <>
      {peopleSupportVideo(props.target, props.others) ? (
        <ControlTooltip label={historyStrings.videoCallAgain(props.title)}>
          <Button
            appearance="subtle"
            size="small"
            icon={<VideoRegular />}
            disabled={!props.canCall}
            aria-label={historyStrings.videoCallAgain(props.title)}
            onClick={() => props.onCall(props.target, true, props.title, props.others)}
          />
        </ControlTooltip>
      ) : null}
      <ControlTooltip label={historyStrings.callAgain(props.title)}>
        <Button
          appearance="subtle"
          size="small"
          icon={<CallRegular />}
          disabled={!props.canCall}
          aria-label={historyStrings.callAgain(props.title)}
          onClick={() => props.onCall(props.target, false, props.title, props.others)}
        />
      </ControlTooltip>
      <ControlTooltip label={props.removeLabel}>
        <Button
          appearance="subtle"
          size="small"
          icon={<DismissRegular />}
          aria-label={props.removeLabel}
          onClick={props.onRemove}
        />
      </ControlTooltip>
    </>
  );
}

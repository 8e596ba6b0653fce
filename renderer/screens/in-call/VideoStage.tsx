import { Avatar, makeStyles, Text, tokens } from '@fluentui/react-components';
import { type CallView, type Participant, type RemoteVideo, useCallingState } from '../../calling/model';
import { inCallStrings } from '../../strings';
import { LocalPreview } from '../shared/LocalPreview';
import { RemoteTile } from './RemoteTile';
import { gridFor, MAX_TILES } from './video-layout';

const useStyles = makeStyles({
  stage: {
    position: 'relative',
    flex: 1,
    minWidth: 0,
    minHeight: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
  },
  grid: { flex: 1, display: 'grid', gap: tokens.spacingHorizontalS, minWidth: 0, minHeight: 0 },
  strip: {
    width: '220px',
    flexShrink: 0,
    display: 'grid',
    // Fixed rows: with many people the strip scrolls (it is focusable for that) rather than
    // squeezing every tile to a sliver.
    gridAutoRows: '124px',
    gap: tokens.spacingVerticalS,
    overflowY: 'auto',
  },
  alone: {
    flex: 1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    textAlign: 'center',
  },
  aloneTitle: { overflowWrap: 'anywhere', maxWidth: '40ch' },
  status: { color: tokens.colorNeutralForeground3 },
  // Alone on the stage, my camera floats in the corner: there is nothing for it to cover.
  selfFloating: {
    position: 'absolute',
    right: tokens.spacingHorizontalL,
    bottom: tokens.spacingVerticalL,
    width: '200px',
    boxShadow: tokens.shadow16,
    zIndex: 1,
  },
  // With others, it has a slot of its own (a grid cell, or the top of the strip), covering no one.
  selfTile: {
    aspectRatio: 'auto',
    height: '100%',
    minHeight: 0,
    borderRadius: tokens.borderRadiusLarge,
  },
  more: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

function videoFor(participant: Participant, videos: RemoteVideo[], kind: RemoteVideo['kind']): RemoteVideo | null {
  return videos.find((v) => v.participantId === participant.id && v.kind === kind && v.isAvailable) ?? null;
}

/**
 * The stage: one tile per remote participant (video when available, avatar otherwise) in a grid
 * of up to 9; a shared screen takes the stage with the people in a strip beside it. My own camera,
 * while it is on, has its own slot (the last grid tile, the top of the strip) so it covers no one.
 */
export function VideoStage(props: { call: CallView }) {
  const styles = useStyles();
  const { call } = props;
  const cameraOn = call.isCameraOn;
  const hasCamera = useCallingState((state) => state.devices.cameras.length > 0);
  const present = call.participants.filter((p) => p.state !== 'disconnected');
  // People with video first, then the ones speaking: the ones worth seeing get the visible tiles.
  const ordered = [...present].sort(
    (a, b) =>
      Number(videoFor(b, call.remoteVideos, 'video') !== null) -
        Number(videoFor(a, call.remoteVideos, 'video') !== null) || Number(b.isSpeaking) - Number(a.isSpeaking),
  );
  const sharer = present.find((p) => videoFor(p, call.remoteVideos, 'screen-share'));
  const screen = sharer ? videoFor(sharer, call.remoteVideos, 'screen-share') : null;
  const selfOn = cameraOn && hasCamera;
  // In the grid my camera takes one of the tiles (during a share it heads the strip instead).
  const capacity = MAX_TILES - (selfOn && !screen ? 1 : 0);
  const overflow = ordered.length > capacity ? ordered.length - (capacity - 1) : 0;
  const shown = overflow > 0 ? ordered.slice(0, capacity - 1) : ordered;
  const { columns, rows } = gridFor(shown.length + (overflow > 0 ? 1 : 0) + (selfOn && !screen ? 1 : 0));
  const avatarSize = shown.length <= 1 ? 120 : shown.length <= 4 ? 96 : 72;

  const self = selfOn ? <LocalPreview enabled className={styles.selfTile} /> : null;

  if (present.length === 0) {
    return (
      <div className={styles.stage} data-testid="stage">
        <div className={styles.alone}>
          <Avatar name={call.title} size={120} color="colorful" />
          <Text size={600} weight="semibold" className={styles.aloneTitle}>
            {call.title}
          </Text>
          <Text className={styles.status}>
            {call.status === 'connected' ? inCallStrings.noParticipants : inCallStrings.status[call.status]}
          </Text>
        </div>
        {selfOn ? <LocalPreview enabled className={styles.selfFloating} /> : null}
      </div>
    );
  }

  const tiles = shown.map((participant) => (
    <RemoteTile
      key={participant.id}
      participant={participant}
      video={videoFor(participant, call.remoteVideos, 'video')}
      avatarSize={screen ? 48 : avatarSize}
    />
  ));
  const moreTile =
    overflow > 0 ? (
      <div className={styles.more} data-testid="stage-more">
        <Text size={500}>{inCallStrings.moreVideos(overflow)}</Text>
      </div>
    ) : null;

  if (sharer && screen) {
    return (
      <div className={styles.stage} data-testid="stage" data-layout="screen-share">
        <div className={styles.grid} style={{ gridTemplate: 'minmax(0, 1fr) / minmax(0, 1fr)' }}>
          <RemoteTile participant={sharer} video={screen} avatarSize={96} />
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the strip scrolls; a keyboard must reach it to scroll it. */}
        <section className={styles.strip} aria-label={inCallStrings.stripLabel} tabIndex={0}>
          {self}
          {tiles}
          {moreTile}
        </section>
      </div>
    );
  }

  return (
    <div className={styles.stage} data-testid="stage" data-layout={`${columns}x${rows}`}>
      <div
        className={styles.grid}
        style={{ gridTemplate: `repeat(${rows}, minmax(0, 1fr)) / repeat(${columns}, minmax(0, 1fr))` }}
      >
        {tiles}
        {moreTile}
        {self}
      </div>
    </div>
  );
}

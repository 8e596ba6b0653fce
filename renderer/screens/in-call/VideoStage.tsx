import {
  Avatar,
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { GridRegular, PinRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { type CallView, type Participant, type RemoteVideo, useCallingState } from '../../calling/model';
import { inCallStrings } from '../../strings';
import { LocalPreview } from '../shared/LocalPreview';
import { ReactionAnnouncer, ReactionBadge } from './Reactions';
import { RemoteTile } from './RemoteTile';
import { SpotlightMarker } from './Spotlight';
import { usePin, useStageView } from './use-stage-view';
import { gridFor, planStage, type StageView } from './video-layout';

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
    borderRadius: tokens.borderRadiusXLarge,
    zIndex: 1,
  },
  // With others, it has a slot of its own (a grid cell, or the top of the strip), covering no one.
  selfTile: {
    aspectRatio: 'auto',
    height: '100%',
    minHeight: 0,
    borderRadius: tokens.borderRadiusLarge,
  },
  // The self-view's slot: my reaction and spotlight show over it, as on anyone's tile.
  selfSlot: { position: 'relative', minWidth: 0, minHeight: 0 },
  // Camera off: my reaction and spotlight float in the corner where my camera would.
  selfStatus: {
    position: 'absolute',
    right: tokens.spacingHorizontalL,
    bottom: tokens.spacingVerticalL,
    width: '200px',
    height: '112px',
    zIndex: 2,
    pointerEvents: 'none',
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow16,
  },
  selfLabel: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    bottom: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackgroundStatic,
    color: tokens.colorNeutralForegroundStaticInverted,
    fontSize: tokens.fontSizeBase200,
  },
  more: {
    width: '100%',
    height: '100%',
    minHeight: 0,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  moreList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxHeight: '320px',
    overflowY: 'auto',
    minWidth: '240px',
  },
  moreItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  moreName: { flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // The view menu floats in the stage's corner, above the tiles.
  viewMenu: { position: 'absolute', top: tokens.spacingVerticalM, right: tokens.spacingHorizontalM, zIndex: 3 },
});

function videoFor(participant: Participant, videos: RemoteVideo[], kind: RemoteVideo['kind']): RemoteVideo | null {
  return videos.find((v) => v.participantId === participant.id && v.kind === kind && v.isAvailable) ?? null;
}

/** Who spoke last: sticky, so the large tile does not jump back when they pause for breath. */
function useActiveSpeaker(people: Participant[]): string | null {
  const last = useRef<string | null>(null);
  const speaking = people.find((p) => p.isSpeaking);
  if (speaking) last.current = speaking.id;
  return people.some((p) => p.id === last.current) ? last.current : null;
}

/**
 * The stage: one tile per remote participant (video when available, avatar otherwise), arranged
 * as video-layout.ts plans it: a gallery grid of up to 9, or one large tile (a shared screen, the
 * pinned person, or the active speaker in speaker view) with the others in a strip beside it. My
 * own camera, while it is on, has its own slot (a grid tile, the top of the strip): it covers no
 * one. "+N more" opens the list of the people not on the stage, each of whom can be pinned.
 */
export function VideoStage(props: { call: CallView }) {
  const styles = useStyles();
  const { call } = props;
  const [view, setView] = useStageView();
  const [pinnedId, setPinned] = usePin(call.id);
  const hasCamera = useCallingState((state) => state.devices.cameras.length > 0);
  const myId = useCallingState((state) => state.myCommunicationUserId);
  const present = call.participants.filter((p) => p.state !== 'disconnected');
  // People with video first, then the ones speaking: the ones worth seeing get the visible tiles.
  const ordered = [...present].sort(
    (a, b) =>
      Number(videoFor(b, call.remoteVideos, 'video') !== null) -
        Number(videoFor(a, call.remoteVideos, 'video') !== null) || Number(b.isSpeaking) - Number(a.isSpeaking),
  );
  const speakerId = useActiveSpeaker(ordered);
  const sharer = present.find((p) => videoFor(p, call.remoteVideos, 'screen-share'));
  const screen = sharer ? videoFor(sharer, call.remoteVideos, 'screen-share') : null;
  const selfOn = call.isCameraOn && hasCamera;
  const spotlightIds = call.spotlight.spotlightedIds;
  const plan = planStage({
    people: ordered,
    view,
    spotlightIds,
    pinnedId,
    speakerId,
    screenShared: screen !== null,
    selfOn,
  });
  const reactionOf = (participantId: string) =>
    call.reactions.shown.find((r) => !r.fromMe && r.participantId === participantId) ?? null;
  const myReaction = call.reactions.shown.find((r) => r.fromMe) ?? null;
  const meSpotlighted = myId !== null && spotlightIds.includes(myId);
  // My reaction and spotlight: over my self-view, or, with the camera off, in its corner.
  const selfOverlay = (
    <>
      {meSpotlighted ? <SpotlightMarker /> : null}
      <ReactionBadge reaction={myReaction} small />
    </>
  );
  const selfStatus =
    !selfOn && (myReaction || meSpotlighted) ? (
      <div className={styles.selfStatus} data-testid="self-status">
        {selfOverlay}
        <span className={styles.selfLabel}>{inCallStrings.you}</span>
      </div>
    ) : null;

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
        {selfOn ? (
          <div className={styles.selfFloating} data-testid="self-view">
            <LocalPreview enabled />
            {selfOverlay}
          </div>
        ) : null}
        {selfStatus}
        <ReactionAnnouncer call={call} />
      </div>
    );
  }

  const self = selfOn ? (
    <div className={styles.selfSlot} data-testid="self-view">
      <LocalPreview enabled className={styles.selfTile} />
      {selfOverlay}
    </div>
  ) : null;
  const tile = (participant: Participant, avatarSize: 48 | 72 | 96 | 120) => (
    <RemoteTile
      key={participant.id}
      participant={participant}
      video={videoFor(participant, call.remoteVideos, 'video')}
      avatarSize={avatarSize}
      pin={{
        pinned: participant.id === pinnedId,
        onToggle: () => setPinned(participant.id === pinnedId ? null : participant.id),
      }}
      spotlighted={spotlightIds.includes(participant.id)}
      reaction={reactionOf(participant.id)}
    />
  );
  const more =
    plan.overflow.length > 0 ? (
      <MoreTile people={plan.overflow} onPin={(id) => setPinned(id)} className={styles.more} />
    ) : null;
  // Several people: the view is theirs to choose. Alone with one other person there is nothing to arrange.
  const viewMenu = present.length > 1 ? <ViewMenu view={view} onChange={setView} /> : null;

  if (plan.kind === 'focus') {
    const larges = plan.large ? [plan.large, ...plan.alsoLarge] : [];
    const avatarSize = plan.strip.length + plan.overflow.length === 0 && larges.length === 1 ? 120 : 96;
    // Several spotlighted people share the large area as a grid of their own.
    const largeGrid = gridFor(larges.length);
    const spotlit = !screen && larges.some((p) => spotlightIds.includes(p.id));
    return (
      <div
        className={styles.stage}
        data-testid="stage"
        data-layout={screen ? 'screen-share' : spotlit ? 'spotlight' : pinnedId ? 'pinned' : 'speaker'}
      >
        {viewMenu}
        <div
          className={styles.grid}
          style={{
            gridTemplate: `repeat(${largeGrid.rows}, minmax(0, 1fr)) / repeat(${largeGrid.columns}, minmax(0, 1fr))`,
          }}
          data-testid="stage-large"
        >
          {sharer && screen ? (
            <RemoteTile participant={sharer} video={screen} avatarSize={96} />
          ) : (
            larges.map((participant) => tile(participant, avatarSize))
          )}
        </div>
        {plan.strip.length > 0 || self || more ? (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the strip scrolls; a keyboard must reach it to scroll it.
          <section className={styles.strip} aria-label={inCallStrings.stripLabel} tabIndex={0}>
            {self}
            {plan.strip.map((participant) => tile(participant, 48))}
            {more}
          </section>
        ) : null}
        {selfStatus}
        <ReactionAnnouncer call={call} />
      </div>
    );
  }

  const avatarSize = plan.tiles.length <= 1 ? 120 : plan.tiles.length <= 4 ? 96 : 72;
  return (
    <div className={styles.stage} data-testid="stage" data-layout={`${plan.columns}x${plan.rows}`}>
      {viewMenu}
      <div
        className={styles.grid}
        style={{ gridTemplate: `repeat(${plan.rows}, minmax(0, 1fr)) / repeat(${plan.columns}, minmax(0, 1fr))` }}
      >
        {plan.tiles.map((participant) => tile(participant, avatarSize))}
        {more}
        {self}
      </div>
      {selfStatus}
      <ReactionAnnouncer call={call} />
    </div>
  );
}

function ViewMenu(props: { view: StageView; onChange: (view: StageView) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.viewMenu}>
      <Menu
        checkedValues={{ view: [props.view] }}
        onCheckedValueChange={(_, data) => {
          const next = data.checkedItems[0];
          if (next === 'gallery' || next === 'speaker') props.onChange(next);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" icon={<GridRegular />} aria-label={inCallStrings.viewLabel}>
            {inCallStrings.view}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItemRadio name="view" value="gallery">
              {inCallStrings.viewGallery}
            </MenuItemRadio>
            <MenuItemRadio name="view" value="speaker">
              {inCallStrings.viewSpeaker}
            </MenuItemRadio>
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}

/** "+N more": a button that lists the people not on the stage; pinning one brings them onto it. */
function MoreTile(props: { people: Participant[]; onPin: (participantId: string) => void; className: string }) {
  const styles = useStyles();
  const { people } = props;
  return (
    <Popover withArrow trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          className={props.className}
          data-testid="stage-more"
          aria-label={inCallStrings.moreVideosLabel(people.length)}
        >
          <Text size={500}>{inCallStrings.moreVideos(people.length)}</Text>
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label={inCallStrings.moreListLabel}>
        <ul className={styles.moreList} aria-label={inCallStrings.moreListLabel}>
          {people.map((person) => (
            <li key={person.id} className={styles.moreItem}>
              <Avatar name={person.displayName} size={24} color="colorful" />
              <Text className={styles.moreName}>{person.displayName}</Text>
              <Button
                size="small"
                icon={<PinRegular />}
                aria-label={inCallStrings.pin(person.displayName)}
                onClick={() => props.onPin(person.id)}
              >
                {inCallStrings.pinShort}
              </Button>
            </li>
          ))}
        </ul>
      </PopoverSurface>
    </Popover>
  );
}

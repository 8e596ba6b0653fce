/**
 * Spotlight (renderer/calling/spotlight.ts): the "Spotlighted" marker everyone sees on a
 * spotlighted person's tile, and, where the call's capabilities allow, the people pane's controls
 * to spotlight someone, spotlight myself, end one spotlight or all. Failures are said by the
 * pane's host runner (HostControls.tsx), above the list.
 */
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { VideoPersonStarFilled, VideoPersonStarOffRegular, VideoPersonStarRegular } from '@fluentui/react-icons';
import { type CallView, useCallingActions } from '../../calling/model';
import { spotlightStrings } from '../../strings';
import { useHostAction } from './HostControls';

const useStyles = makeStyles({
  marker: {
    position: 'absolute',
    zIndex: 2,
    top: tokens.spacingVerticalS,
    left: tokens.spacingHorizontalS,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    // Opaque, as the name label: it sits over video of any colour.
    backgroundColor: tokens.colorBrandBackgroundStatic,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
  },
  inline: { position: 'static', alignSelf: 'flex-start' },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  note: { color: tokens.colorNeutralForeground2, flexBasis: '100%' },
  markerText: { color: 'inherit' },
});

/** The visible "Spotlighted" marker: on a tile (over its corner), or `inline` in a row. */
export function SpotlightMarker(props: { inline?: boolean }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.marker, props.inline && styles.inline)} data-testid="spotlight-marker">
      <VideoPersonStarFilled aria-hidden />
      <Text size={200} className={styles.markerText}>
        {spotlightStrings.marker}
      </Text>
    </span>
  );
}

/** Spotlight / Stop spotlight for one remote person in the people pane, where allowed. */
export function SpotlightToggle(props: { call: CallView; participantId: string; name: string }) {
  const actions = useCallingActions();
  const action = useHostAction();
  const { spotlight } = props.call;
  const on = spotlight.spotlightedIds.includes(props.participantId);
  if (on ? !spotlight.canRemove : !spotlight.canSpotlight) return null;
  const label = on ? spotlightStrings.stop(props.name) : spotlightStrings.spotlight(props.name);
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={on ? <VideoPersonStarOffRegular /> : <VideoPersonStarRegular />}
      aria-label={label}
      title={label}
      disabled={action.busy}
      onClick={() =>
        void action.run(() =>
          on ? actions.stopSpotlight(props.participantId) : actions.startSpotlight(props.participantId),
        )
      }
      data-testid="spotlight-toggle"
    />
  );
}

/** The people pane's spotlight bar: Spotlight me / Stop spotlighting me, Stop all spotlights. */
export function SpotlightBar(props: { call: CallView; myId: string | null }) {
  const styles = useStyles();
  const actions = useCallingActions();
  const action = useHostAction();
  const { spotlight } = props.call;
  const mine = props.myId !== null && spotlight.spotlightedIds.includes(props.myId);
  const others = spotlight.spotlightedIds.some((id) => id !== props.myId);
  // Ending my own spotlight needs no capability; starting it does.
  const showMe = mine || spotlight.canSpotlight;
  const showStopAll = spotlight.canRemove && others;
  if (!showMe && !showStopAll) return null;
  return (
    <div className={styles.bar} data-testid="spotlight-bar">
      {mine ? <Text className={styles.note}>{spotlightStrings.youAreSpotlighted}</Text> : null}
      {showMe ? (
        <Button
          size="small"
          icon={mine ? <VideoPersonStarOffRegular /> : <VideoPersonStarRegular />}
          onClick={() => void action.run(() => (mine ? actions.stopSpotlight() : actions.startSpotlight()))}
        >
          {mine ? spotlightStrings.stopMine : spotlightStrings.spotlightMe}
        </Button>
      ) : null}
      {showStopAll ? (
        <Button size="small" onClick={() => void action.run(() => actions.stopAllSpotlights())}>
          {spotlightStrings.stopAll}
        </Button>
      ) : null}
    </div>
  );
}

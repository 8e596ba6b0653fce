import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The frame of a device check (the camera and audio page, the pre-join check): a card with a
 * heading and a line of introduction, then the camera's column beside the pickers' column, one
 * above the other when narrow. Laid out by the screen's own width (a container query), not the
 * window's.
 */
export const useDeviceCheckStyles = makeStyles({
  root: { containerType: 'inline-size', minWidth: 0 },
  card: { padding: tokens.spacingHorizontalXL, gap: tokens.spacingVerticalL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground3 },
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXL,
    gridTemplateColumns: 'minmax(0, 1fr)',
    '@container (min-width: 720px)': { gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 2fr)' },
    alignItems: 'start',
  },
});

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { HTMLAttributes } from 'react';

const useStyles = makeStyles({
  // Fluent's Card surface, as our screens use it: colours, corner, shadow and the outline that
  // Windows' contrast themes draw. Fluent's Card itself brings focus management (tabster) and
  // selection that no panel here uses; on the home screen those cost 0.09 MB of heap for as long
  // as the window lives (docs/renderer.md, "Budgets").
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThin})`,
    minWidth: 0,
    // The panel's gap spaces its parts; a heading's own block margins (the browser's 1em or so)
    // would add an empty band above the card's title.
    '& h2': { marginTop: 0, marginBottom: 0 },
    '& h3': { marginTop: 0, marginBottom: 0 },
    '& h4': { marginTop: 0, marginBottom: 0 },
  },
});

/** A raised surface that groups one part of a screen. */
export function Panel({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  const styles = useStyles();
  return <div {...props} className={mergeClasses(styles.panel, className)} />;
}

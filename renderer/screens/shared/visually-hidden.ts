/**
 * A makeStyles rule for text that screen readers read and the eye does not see (a live region's
 * announcement, what pressing a row does). Spread into a component's styles.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

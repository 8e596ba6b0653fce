import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkStarburstFilled } from '@fluentui/react-icons';
import { directoryStrings } from '../../strings';

const useStyles = makeStyles({
  mark: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorBrandForeground1,
    flexShrink: 0,
  },
  icon: { fontSize: '16px' },
  words: { color: tokens.colorNeutralForeground2 },
});

/**
 * The organisation vouches for this name (the company directory knows the id). Never shown for a
 * name the caller chose. `words`: say it in text beside the icon; otherwise the icon carries it as
 * its accessible name and tooltip.
 */
export function VerifiedMark(props: { words?: boolean; className?: string }) {
  const styles = useStyles();
  if (props.words) {
    return (
      <span className={mergeClasses(styles.mark, props.className)} data-testid="verified-name">
        <CheckmarkStarburstFilled className={styles.icon} aria-hidden />
        <Text size={200} className={styles.words}>
          {directoryStrings.verified}
        </Text>
      </span>
    );
  }
  return (
    <span
      className={mergeClasses(styles.mark, props.className)}
      role="img"
      aria-label={directoryStrings.verified}
      title={directoryStrings.verified}
      data-testid="verified-name"
    >
      <CheckmarkStarburstFilled className={styles.icon} aria-hidden />
    </span>
  );
}

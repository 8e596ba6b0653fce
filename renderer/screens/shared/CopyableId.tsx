import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { dialerStrings } from '../../strings';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  button: { flexShrink: 0 },
  id: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
    userSelect: 'all',
  },
});

/** An id the user gives to others: shown whole on hover, selectable, and copied with one click. */
export function CopyableId(props: { id: string; label: string }) {
  const styles = useStyles();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(props.id);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div className={styles.root}>
      <Text className={styles.id} title={props.id} data-testid="copyable-id">
        {props.id}
      </Text>
      <Button
        className={styles.button}
        size="small"
        appearance="subtle"
        icon={copy === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label={props.label}
        onClick={onCopy}
      >
        {copy === 'copied' ? dialerStrings.copied : dialerStrings.copy}
      </Button>
      <span role="status" aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden' }}>
        {copy === 'copied' ? dialerStrings.copied : copy === 'failed' ? dialerStrings.copyFailed : ''}
      </span>
    </div>
  );
}

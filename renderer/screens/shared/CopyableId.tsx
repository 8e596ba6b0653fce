import { Button, makeStyles } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { dialerStrings } from '../../strings';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', minWidth: 0 },
  status: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden' },
});

/**
 * An id the user gives to others, behind one "Copy my call id" action: a 70-character
 * `8:acs:…` string is for the clipboard, not for reading. The id is in the button's tooltip
 * (title) for whoever needs to check it.
 */
export function CopyableId(props: { id: string }) {
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
      <Button
        icon={copy === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        title={props.id}
        onClick={onCopy}
        data-testid="copy-my-id"
      >
        {copy === 'copied' ? dialerStrings.copied : dialerStrings.copy}
      </Button>
      <span role="status" aria-live="polite" className={styles.status}>
        {copy === 'copied' ? dialerStrings.copied : copy === 'failed' ? dialerStrings.copyFailed : ''}
      </span>
    </div>
  );
}

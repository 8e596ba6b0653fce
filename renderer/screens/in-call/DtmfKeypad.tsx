import { Button, makeStyles, Text, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { type KeyboardEvent, useState } from 'react';
import type { DtmfTone } from '../../calling/model';
import { inCallStrings } from '../../strings';

const KEYS: ReadonlyArray<{ key: string; tone: DtmfTone; letters: string }> = [
  { key: '1', tone: 'Num1', letters: '' },
  { key: '2', tone: 'Num2', letters: 'ABC' },
  { key: '3', tone: 'Num3', letters: 'DEF' },
  { key: '4', tone: 'Num4', letters: 'GHI' },
  { key: '5', tone: 'Num5', letters: 'JKL' },
  { key: '6', tone: 'Num6', letters: 'MNO' },
  { key: '7', tone: 'Num7', letters: 'PQRS' },
  { key: '8', tone: 'Num8', letters: 'TUV' },
  { key: '9', tone: 'Num9', letters: 'WXYZ' },
  { key: '*', tone: 'Star', letters: '' },
  { key: '0', tone: 'Num0', letters: '+' },
  { key: '#', tone: 'Pound', letters: '' },
];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    width: '228px',
    border: 'none',
    margin: 0,
    padding: 0,
  },
  readout: {
    minHeight: '28px',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase500,
    textAlign: 'center',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    direction: 'rtl',
  },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: tokens.spacingHorizontalS },
  key: { height: '52px', display: 'flex', flexDirection: 'column', gap: 0, lineHeight: 1.1 },
  digit: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  letters: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, minHeight: '12px' },
});

/** The dial pad for phone menus: click the keys or type digits, *, # while it has focus. */
export function DtmfKeypad(props: { onTone: (tone: DtmfTone) => void }) {
  const styles = useStyles();
  const [sent, setSent] = useState('');
  const arrowKeys = useArrowNavigationGroup({ axis: 'grid', tabbable: true, memorizeCurrent: false });
  const press = (entry: (typeof KEYS)[number]) => {
    props.onTone(entry.tone);
    setSent((previous) => `${previous}${entry.key}`.slice(-32));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const entry = KEYS.find((k) => k.key === event.key);
    if (!entry || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    press(entry);
  };
  return (
    // Typing digits anywhere in the pad sends them, like a phone's keypad.
    <fieldset className={styles.root} aria-label={inCallStrings.keypadLabel} onKeyDown={onKeyDown}>
      <Text className={styles.readout} aria-live="polite" data-testid="dtmf-sent">
        {sent}
      </Text>
      <div className={styles.grid} {...arrowKeys}>
        {KEYS.map((entry) => (
          <Button key={entry.key} className={styles.key} onClick={() => press(entry)}>
            <span className={styles.digit}>{entry.key}</span>
            {/* The space keeps "2 ABC" two words for a screen reader; the column layout hides it. */}
            <span className={styles.letters}>{entry.letters ? ` ${entry.letters}` : ''}</span>
          </Button>
        ))}
      </div>
    </fieldset>
  );
}

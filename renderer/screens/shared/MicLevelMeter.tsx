import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useCallingActions } from '../../calling/model';
import { deviceStrings } from '../../strings';

const SEGMENTS = 20;

const useStyles = makeStyles({
  meter: { display: 'flex', gap: '3px', height: '8px', alignItems: 'stretch' },
  segment: {
    flex: 1,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
    transitionProperty: 'background-color',
    transitionDuration: tokens.durationUltraFast,
  },
});

/**
 * The microphone level, as the segmented bar Teams shows. It updates ~60 times a second, so it
 * writes to the DOM directly instead of re-rendering React; the ARIA value is updated coarsely.
 */
export function MicLevelMeter(props: { active?: boolean }) {
  const active = props.active ?? true;
  const styles = useStyles();
  const actions = useCallingActions();
  const meter = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!active) return;
    let lastAria = -1;
    return actions.watchMicrophoneLevel((level) => {
      const element = meter.current;
      if (!element) return;
      const lit = Math.round(Math.min(1, Math.max(0, level)) * SEGMENTS);
      element.childNodes.forEach((node, index) => {
        (node as HTMLElement).style.backgroundColor = index < lit ? tokens.colorPaletteGreenBackground3 : '';
      });
      const percent = Math.round((lit / SEGMENTS) * 100);
      if (percent !== lastAria) {
        lastAria = percent;
        element.setAttribute('aria-valuenow', String(percent));
      }
    });
  }, [actions, active]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot be drawn as Teams' segmented bar.
    <div
      ref={meter}
      className={styles.meter}
      role="meter"
      aria-label={deviceStrings.micLevel}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
      aria-disabled={!active || undefined}
      data-testid="mic-level"
    >
      {Array.from({ length: SEGMENTS }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed segments of one bar.
        <div key={index} className={styles.segment} />
      ))}
    </div>
  );
}

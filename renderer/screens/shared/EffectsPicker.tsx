import {
  Label,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useCallingActions, useCallingState, type VideoEffectChoice } from '../../calling/model';
import { effectStrings } from '../../strings';
import { useAction } from './use-action';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  background: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

const CHOICES: readonly VideoEffectChoice[] = ['none', 'blur', 'replacement'];

/**
 * Background (none, blur, replace) and noise suppression: on the devices page under the camera
 * preview, and in the call's devices popover. The choice applies at once to whatever camera runs
 * and is remembered; an effect this machine cannot run is explained, not hidden.
 */
export function EffectsPicker(props: { cameraRunning: boolean; className?: string }) {
  const styles = useStyles();
  const effects = useCallingState((state) => state.effects);
  const actions = useCallingActions();
  const change = useAction({ exclusive: false });
  const backgroundId = useId();
  const unsupported = CHOICES.filter(
    (choice): choice is Exclude<VideoEffectChoice, 'none'> =>
      choice !== 'none' && effects.support[choice] === 'unsupported',
  );

  return (
    <div className={mergeClasses(styles.root, props.className)} data-testid="effects-picker">
      {/* One row where it fits (the devices page keeps to the window's height), wrapping in the popover. */}
      <div className={styles.row}>
        <div className={styles.background}>
          <Label id={backgroundId}>{effectStrings.background}</Label>
          <RadioGroup
            layout="horizontal"
            aria-labelledby={backgroundId}
            value={effects.video}
            onChange={(_, data) => void change.run(() => actions.setVideoEffect(data.value as VideoEffectChoice))}
          >
            {CHOICES.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                label={effectStrings.choices[choice]}
                aria-description={effectStrings.choiceHints[choice]}
              />
            ))}
          </RadioGroup>
        </div>
        <Switch
          label={effectStrings.noiseSuppression}
          aria-description={effectStrings.noiseSuppressionHint}
          checked={effects.noiseSuppression}
          onChange={(_, data) => void change.run(() => actions.setNoiseSuppression(data.checked))}
        />
      </div>
      {effects.problem || change.error ? (
        <MessageBar intent="warning" layout="multiline" data-testid="effects-problem">
          <MessageBarBody>{effects.problem ?? change.error}</MessageBarBody>
        </MessageBar>
      ) : unsupported.length > 0 ? (
        <Text size={200} className={styles.hint}>
          {effectStrings.unsupported[unsupported[0] ?? 'blur']}
        </Text>
      ) : effects.video !== 'none' && !props.cameraRunning ? (
        <Text size={200} className={styles.hint}>
          {effectStrings.cameraOff}
        </Text>
      ) : null}
      {effects.noiseSuppression && effects.support.deepNoiseSuppression === 'unsupported' ? (
        <Text size={200} className={styles.hint}>
          {effectStrings.noiseSuppressionBrowser}
        </Text>
      ) : null}
    </div>
  );
}

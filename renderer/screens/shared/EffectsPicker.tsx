import {
  Field,
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
import { useCallingActions, useCallingState, type VideoEffectChoice } from '../../calling/model';
import { effectStrings } from '../../strings';
import { useAction } from './use-action';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
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
  const unsupported = CHOICES.filter(
    (choice): choice is Exclude<VideoEffectChoice, 'none'> =>
      choice !== 'none' && effects.support[choice] === 'unsupported',
  );

  return (
    <div className={mergeClasses(styles.root, props.className)} data-testid="effects-picker">
      <Field label={effectStrings.background}>
        <RadioGroup
          layout="horizontal"
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
      </Field>
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
      <Field
        hint={
          effects.noiseSuppression && effects.support.deepNoiseSuppression === 'unsupported'
            ? effectStrings.noiseSuppressionBrowser
            : effectStrings.noiseSuppressionHint
        }
      >
        <Switch
          label={effectStrings.noiseSuppression}
          checked={effects.noiseSuppression}
          onChange={(_, data) => void change.run(() => actions.setNoiseSuppression(data.checked))}
        />
      </Field>
    </div>
  );
}

import { Field, Label, makeStyles, Slider, Subtitle2, Switch, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useCallingActions, useCallingState } from '../../calling/model';
import { soundStrings } from '../../strings';
import { Panel } from '../shared/Panel';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
  volume: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  slider: { flex: 1, maxWidth: '320px' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Settings → Calling sounds: the ringtone on or off and the volume of every calling sound. */
export function SoundSettings() {
  const styles = useStyles();
  const sounds = useCallingState((state) => state.sounds);
  const actions = useCallingActions();
  const volumeId = useId();
  const percent = Math.round(sounds.volume * 100);

  return (
    <Panel className={styles.card} role="region" aria-label={soundStrings.title} data-testid="sound-settings">
      <Subtitle2 as="h3">{soundStrings.title}</Subtitle2>
      <Field hint={soundStrings.ringtoneHint}>
        <Switch
          label={soundStrings.ringtone}
          checked={sounds.ringtone}
          onChange={(_, data) => actions.setSoundSettings({ ringtone: data.checked })}
        />
      </Field>
      <div>
        <Label htmlFor={volumeId}>{soundStrings.volume}</Label>
        <div className={styles.volume}>
          <Slider
            id={volumeId}
            className={styles.slider}
            min={0}
            max={100}
            value={percent}
            aria-valuetext={soundStrings.volumeValue(percent)}
            onChange={(_, data) => actions.setSoundSettings({ volume: data.value / 100 })}
          />
          <Text aria-hidden>{soundStrings.volumeValue(percent)}</Text>
        </div>
      </div>
      <Text size={200} className={styles.hint}>
        {soundStrings.speakerNote}
      </Text>
    </Panel>
  );
}

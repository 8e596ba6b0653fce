import { Field, Label, makeStyles, Select, Slider, Subtitle2, Switch, Text, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useCallingActions, useCallingState } from '../../calling/model';
import { soundStrings } from '../../strings';
import { Panel } from '../shared/Panel';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
  volume: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  slider: { flex: 1, maxWidth: '320px' },
  hint: { color: tokens.colorNeutralForeground3 },
  select: { minWidth: 0, maxWidth: '320px' },
});

/**
 * Settings → Calling sounds: the ringtone on or off, a second speaker it also rings on (offered
 * only where the OS has more than one output), and the volume of every calling sound.
 */
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
      <SecondRinger />
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

/** "Also ring on": any speaker but the selected one, which rings anyway. */
function SecondRinger() {
  const styles = useStyles();
  const actions = useCallingActions();
  const alsoRingOn = useCallingState((state) => state.sounds.alsoRingOn);
  const speakers = useCallingState((state) => state.devices.speakers);
  const selectedSpeakerId = useCallingState((state) => state.devices.selectedSpeakerId);
  const others = speakers.filter((speaker) => speaker.id !== selectedSpeakerId);
  if (others.length === 0) return null;
  const chosen = others.find((speaker) => speaker.id === alsoRingOn) ?? null;
  // Remembered but unplugged (or now the selected speaker): say so rather than pretend it rings.
  const gone = alsoRingOn !== null && !chosen && alsoRingOn !== selectedSpeakerId;
  return (
    <Field label={soundStrings.alsoRingOn} hint={gone ? soundStrings.alsoRingOnGone : soundStrings.alsoRingOnHint}>
      <Select
        className={styles.select}
        value={chosen?.id ?? ''}
        onChange={(_, data) => actions.setSoundSettings({ alsoRingOn: data.value || null })}
      >
        <option value="">{soundStrings.alsoRingOnNone}</option>
        {others.map((speaker) => (
          <option key={speaker.id} value={speaker.id}>
            {speaker.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

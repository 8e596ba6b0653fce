import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { type MediaDevice, useCallingActions, useCallingState } from '../../calling/model';
import { deviceStrings } from '../../strings';
import { useAction } from './use-action';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // A native <select> is as wide as its longest option: a long device name pushed the card (and,
  // at 800 px, the page) sideways. The picker takes the card's width and cuts the name instead.
  field: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%' },
  selectElement: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

/**
 * Microphone, speaker and camera choice. Lists come live from the layer (plugging a headset in
 * updates them); remembering the choice across restarts is the layer's job.
 */
export function DevicePickers(props: { loading?: boolean }) {
  const styles = useStyles();
  const devices = useCallingState((state) => state.devices);
  const actions = useCallingActions();
  const change = useAction({ exclusive: false });
  return (
    <div className={styles.root}>
      <DeviceSelect
        label={deviceStrings.microphone}
        empty={props.loading ? deviceStrings.lookingShort : deviceStrings.noMicrophone}
        devices={props.loading ? [] : devices.microphones}
        selectedId={devices.selectedMicrophoneId}
        onSelect={(id) => change.run(() => actions.selectMicrophone(id))}
      />
      <DeviceSelect
        label={deviceStrings.speaker}
        empty={props.loading ? deviceStrings.lookingShort : deviceStrings.speakerChoiceUnsupported}
        devices={props.loading ? [] : devices.speakers}
        selectedId={devices.selectedSpeakerId}
        onSelect={(id) => change.run(() => actions.selectSpeaker(id))}
      />
      <DeviceSelect
        label={deviceStrings.camera}
        empty={props.loading ? deviceStrings.lookingShort : deviceStrings.noCamera}
        devices={props.loading ? [] : devices.cameras}
        selectedId={devices.selectedCameraId}
        onSelect={(id) => change.run(() => actions.selectCamera(id))}
      />
      {change.error ? (
        <Field validationState="error" validationMessage={deviceStrings.selectFailed(change.error)}>
          {null}
        </Field>
      ) : null}
    </div>
  );
}

function DeviceSelect(props: {
  label: string;
  empty: string;
  devices: MediaDevice[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const none = props.devices.length === 0;
  return (
    <Field className={styles.field} label={{ children: props.label, htmlFor: id }}>
      <Select
        id={id}
        className={styles.select}
        select={{ className: styles.selectElement }}
        disabled={none}
        value={none ? '' : (props.selectedId ?? props.devices[0]?.id ?? '')}
        onChange={(_, data) => props.onSelect(data.value)}
      >
        {none ? <option value="">{props.empty}</option> : null}
        {props.devices.map((device) => (
          <option key={device.id} value={device.id}>
            {device.isSystemDefault ? deviceStrings.systemDefault(device.name) : device.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

import { Button, makeStyles, Subtitle1, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { MicRegular, Speaker2Regular, VideoRegular } from '@fluentui/react-icons';
import { type ReactElement, useState } from 'react';
import { useCallingActions, useCallingState } from '../../calling/model';
import { deviceStrings } from '../../strings';
import { DeviceNoticeBanner } from '../shared/DeviceNoticeBanner';
import { DevicePermissionNotice } from '../shared/DevicePermission';
import { DevicePickers } from '../shared/DevicePickers';
import { useDeviceCheckStyles } from '../shared/device-check-styles';
import { EffectsPicker } from '../shared/EffectsPicker';
import { LocalPreview } from '../shared/LocalPreview';
import { MicLevelMeter } from '../shared/MicLevelMeter';
import { Panel } from '../shared/Panel';
import { useAction } from '../shared/use-action';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  waiting: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalXXL,
  },
});

/** Starts or stops one device check (the preview, the microphone test); its label says which. */
function CheckToggle(props: {
  icon: ReactElement;
  on: boolean;
  available: boolean;
  onToggle(): void;
  labels: readonly [start: string, stop: string];
}) {
  return (
    <ToggleButton icon={props.icon} checked={props.on} disabled={!props.available} onClick={props.onToggle}>
      {props.on ? props.labels[1] : props.labels[0]}
    </ToggleButton>
  );
}

/**
 * Camera, microphone and speaker check: permission (with per-OS help when it is denied), the
 * camera preview, the three pickers, a live microphone level and a speaker test sound.
 */
export function DeviceSetup() {
  const styles = useStyles();
  const frame = useDeviceCheckStyles();
  const devices = useCallingState((state) => state.devices);
  const actions = useCallingActions();
  const testSound = useAction();
  // The camera and the microphone open only while the user checks them, never just because the
  // home screen is showing: the window lives all day (hidden in the tray too), and a camera light
  // or microphone indicator that stays on would say Switchboard is watching or listening.
  const [previewOn, setPreviewOn] = useState(false);
  const [micTestOn, setMicTestOn] = useState(false);
  const canPreview = devices.ready && devices.videoPermission === 'granted' && devices.cameras.length > 0;
  const canTestMic = devices.ready && devices.audioPermission === 'granted';
  const previewing = previewOn && canPreview;
  const testingMic = micTestOn && canTestMic;

  return (
    <div className={frame.root} data-testid="device-setup">
      <Panel className={frame.card}>
        <header className={frame.header}>
          <Subtitle1 as="h2">{deviceStrings.title}</Subtitle1>
          <Text size={200} className={frame.intro}>
            {deviceStrings.intro}
          </Text>
        </header>

        {/* The layout is the same before and after the SDK answers (≈ 7 s offline): nothing
            jumps when the devices arrive, the controls just come alive. */}
        <DevicePermissionNotice />
        <DeviceNoticeBanner />

        <div className={frame.layout}>
          <div className={styles.section}>
            <LocalPreview enabled={previewing} loading={!devices.ready} />
            <CheckToggle
              icon={<VideoRegular />}
              on={previewing}
              available={canPreview}
              onToggle={() => setPreviewOn(!previewOn)}
              labels={[deviceStrings.previewStart, deviceStrings.previewStop]}
            />
            <EffectsPicker cameraRunning={previewing} />
          </div>
          <div className={styles.column}>
            <DevicePickers loading={!devices.ready} />
            <div className={styles.section}>
              <Text weight="semibold">{deviceStrings.micLevel}</Text>
              <MicLevelMeter active={testingMic} />
              <CheckToggle
                icon={<MicRegular />}
                on={testingMic}
                available={canTestMic}
                onToggle={() => setMicTestOn(!micTestOn)}
                labels={[deviceStrings.micTestStart, deviceStrings.micTestStop]}
              />
              <Text size={200} className={styles.hint}>
                {deviceStrings.micLevelHint}
              </Text>
            </div>
            <div className={styles.section}>
              <Button
                icon={<Speaker2Regular />}
                onClick={() => testSound.run(() => actions.playTestSound())}
                disabled={!devices.ready || testSound.busy}
              >
                {testSound.busy ? deviceStrings.testSoundPlaying : deviceStrings.testSound}
              </Button>
              <Text size={200} className={styles.hint} role={testSound.error ? 'alert' : undefined}>
                {testSound.error ? deviceStrings.testSoundFailed(testSound.error) : deviceStrings.testSoundHint}
              </Text>
            </div>
          </div>
        </div>
      </Panel>
    </div>
  );
}

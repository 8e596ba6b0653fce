/**
 * The pre-join check before a video call or a meeting, like Teams' and CallComposite's "Start a
 * call" page: the camera preview, microphone and camera switches, the device pickers, the
 * background, then "Join now" (or Cancel / Escape back to the page the user was on). What is
 * chosen here is what the call starts with: the layer's `joinFromPreJoin` dials with it.
 */
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle1,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { type KeyboardEvent, useState } from 'react';
import { callKey } from '../../calling/call-target';
import { callTitle } from '../../calling/display-name';
import { type PreJoinRequest, useCallingActions, useCallingState } from '../../calling/model';
import { preJoinStrings } from '../../strings';
import { DevicePermissionNotice } from '../shared/DevicePermission';
import { DevicePickers } from '../shared/DevicePickers';
import { useDeviceCheckStyles } from '../shared/device-check-styles';
import { EffectsPicker } from '../shared/EffectsPicker';
import { LocalPreview } from '../shared/LocalPreview';
import { Panel } from '../shared/Panel';
import { useAction } from '../shared/use-action';

const useStyles = makeStyles({
  title: { overflowWrap: 'anywhere' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // Join now must stay in view without scrolling: the 16:9 preview is as wide as the window's
  // height leaves room for (the rest of the check takes about 400 px), never narrower than 240 px.
  preview: { maxWidth: 'max(240px, calc((100vh - 400px) * 16 / 9))', marginInline: 'auto' },
  // Beside the pickers, not under the preview: at 800×600 the column under the preview wrapped
  // them onto two rows and pushed Join now out of the window.
  switches: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    marginBottom: tokens.spacingVerticalS,
  },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  dontShow: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3, paddingInlineStart: tokens.spacingHorizontalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, marginInlineStart: 'auto' },
});

export function PreJoinScreen() {
  const request = useCallingState((state) => state.preJoin);
  // The route shows this screen only while a call waits on its check.
  // Keyed by the call: a call link (or other people) placed over a waiting check starts a fresh one.
  return request ? <PreJoinCheck key={callKey(request.target, request.others)} request={request} /> : null;
}

function PreJoinCheck({ request }: { request: PreJoinRequest }) {
  const styles = useStyles();
  const frame = useDeviceCheckStyles();
  const actions = useCallingActions();
  const devices = useCallingState((state) => state.devices);
  const join = useAction();
  const [muted, setMuted] = useState(false);
  // The camera starts as the button the user pressed asked: on for "Video call".
  const [cameraOn, setCameraOn] = useState(request.video);
  const [dontShowAgain, setDontShowAgain] = useState(false);
  const cameraUsable = devices.ready && devices.cameras.length > 0 && devices.videoPermission !== 'denied';
  const previewing = cameraOn && cameraUsable && devices.videoPermission === 'granted';
  const name = callTitle(request.title, request.target, []);

  const cancel = () => actions.cancelPreJoin();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    cancel();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere on the check means Cancel, as in a dialog.
    <div className={frame.root} data-testid="pre-join-screen" data-kind={request.kind} onKeyDown={onKeyDown}>
      <Panel className={frame.card}>
        <header className={frame.header}>
          <Subtitle1 as="h2" className={styles.title}>
            {preJoinStrings.title(name)}
          </Subtitle1>
          <Text size={200} className={frame.intro}>
            {preJoinStrings.intro[request.kind]}
          </Text>
        </header>

        <DevicePermissionNotice />

        <div className={frame.layout}>
          <div className={styles.section}>
            <LocalPreview enabled={previewing} loading={!devices.ready} className={styles.preview} />
            <EffectsPicker cameraRunning={previewing} />
          </div>
          <div className={styles.section}>
            <div className={styles.switches}>
              <Switch
                label={preJoinStrings.microphone}
                checked={!muted}
                onChange={(_, data) => setMuted(!data.checked)}
              />
              <Switch
                label={preJoinStrings.camera}
                checked={cameraOn && cameraUsable}
                disabled={!cameraUsable}
                onChange={(_, data) => setCameraOn(data.checked)}
              />
            </div>
            <DevicePickers loading={!devices.ready} />
          </div>
        </div>

        {join.error ? (
          <MessageBar intent="error" layout="multiline" data-testid="pre-join-error">
            <MessageBarBody>{preJoinStrings.joinFailed(join.error)}</MessageBarBody>
          </MessageBar>
        ) : null}

        <div className={styles.footer}>
          <div className={styles.dontShow}>
            <Checkbox
              label={preJoinStrings.dontShowAgain[request.kind]}
              checked={dontShowAgain}
              onChange={(_, data) => setDontShowAgain(data.checked === true)}
            />
            <Text size={200} className={styles.hint}>
              {preJoinStrings.dontShowAgainHint}
            </Text>
          </div>
          <div className={styles.buttons}>
            <Button onClick={cancel}>{preJoinStrings.cancel}</Button>
            <Button
              appearance="primary"
              disabledFocusable={join.busy}
              onClick={() =>
                join.run(() => actions.joinFromPreJoin({ muted, video: cameraOn && cameraUsable, dontShowAgain }))
              }
            >
              {join.busy ? preJoinStrings.joining : preJoinStrings.joinNow}
            </Button>
          </div>
        </div>
      </Panel>
    </div>
  );
}

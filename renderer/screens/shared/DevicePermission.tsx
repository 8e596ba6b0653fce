import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { type DevicesState, useCallingActions, useCallingState } from '../../calling/model';
import { deviceStrings } from '../../strings';
import { detectOperatingSystem } from './platform';
import { useAction } from './use-action';

type Denied = 'both' | 'audio' | 'video' | null;

function deniedWhat(devices: DevicesState): Denied {
  const audio = devices.audioPermission === 'denied';
  const video = devices.videoPermission === 'denied';
  return audio && video ? 'both' : audio ? 'audio' : video ? 'video' : null;
}

/**
 * Asks for the camera and microphone once the SDK's device manager answers, once per mount (like
 * Teams' pre-join screen), and says what is missing: per-OS help when denied, "Allow" when the
 * question is still open. One message per problem: when denied, the refused request's own error
 * repeats the banner and is not shown. Used by the camera and audio page and the pre-join check.
 */
export function DevicePermissionNotice() {
  const devices = useCallingState((state) => state.devices);
  const actions = useCallingActions();
  const permission = useAction();
  const askedOnce = useRef(false);
  const needsPermission = devices.audioPermission === 'unknown' || devices.videoPermission === 'unknown';
  const denied = deniedWhat(devices);
  const ask = () =>
    permission.run(() =>
      actions.requestPermissions({
        audio: devices.audioPermission !== 'granted',
        video: devices.videoPermission !== 'granted',
      }),
    );

  useEffect(() => {
    if (!devices.ready || askedOnce.current || !needsPermission) return;
    askedOnce.current = true;
    void permission.run(() =>
      actions.requestPermissions({
        audio: devices.audioPermission === 'unknown',
        video: devices.videoPermission === 'unknown',
      }),
    );
  }, [devices.ready, needsPermission, devices.audioPermission, devices.videoPermission, actions, permission]);

  return (
    <>
      {denied ? (
        <MessageBar intent="error" layout="multiline" data-testid="permission-denied">
          <MessageBarBody>
            <MessageBarTitle>{deviceStrings.deniedTitle(deviceStrings.deniedWhat[denied])}</MessageBarTitle>
            {deviceStrings.deniedHowTo[detectOperatingSystem()]}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={ask} disabled={permission.busy}>
              {deviceStrings.tryAgain}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : devices.ready && needsPermission && askedOnce.current && !permission.busy ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{deviceStrings.permissionTitle}</MessageBarTitle>
            {deviceStrings.permissionBody}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={ask}>
              {deviceStrings.allow}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {permission.error && !denied ? (
        <MessageBar intent="error">
          <MessageBarBody>{permission.error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

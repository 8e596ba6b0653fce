import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useCallingActions, useCallingState } from '../../calling/model';
import { deviceStrings } from '../../strings';

/** A device change the user should know about (the camera in use was unplugged), until dismissed. */
export function DeviceNoticeBanner() {
  const notice = useCallingState((state) => state.devices.notice);
  const actions = useCallingActions();
  if (!notice) return null;
  return (
    <MessageBar intent="warning" data-testid="device-notice">
      <MessageBarBody>{notice}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => actions.dismissDeviceNotice()}>
          {deviceStrings.dismissNotice}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

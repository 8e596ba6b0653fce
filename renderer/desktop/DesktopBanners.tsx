/**
 * The desktop banners' looks (loaded lazily by desktop-watchers.tsx when there is something to
 * show): "restart to update", and "your system blocks the camera/microphone" with a button to
 * the right OS settings pane.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import type { MediaKind } from '../../common/ipc/desktop';
import { mediaAccessStrings, updateStrings } from '../strings/desktop';

export function UpdateBanner(props: { version: string; refusal: string | null; onRestart: () => void }) {
  return (
    <MessageBar intent={props.refusal ? 'warning' : 'info'} data-testid="update-banner">
      <MessageBarBody>
        {props.refusal ? updateStrings.refused(props.refusal) : updateStrings.ready(props.version)}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={props.onRestart}>
          {updateStrings.restart}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function MediaBlockedBanner(props: { kind: MediaKind; onOpenSettings: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid={`media-blocked-${props.kind}`}>
      <MessageBarBody>
        {mediaAccessStrings.blocked[props.kind]} {mediaAccessStrings.howTo}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onOpenSettings}>{mediaAccessStrings.openSettings[props.kind]}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

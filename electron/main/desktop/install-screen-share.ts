/**
 * Screen sharing: the window's display-media requests go through our picker (decisions:
 * screen-share.ts), or the system picker where macOS has one. Electron glue only.
 */
import { desktopCapturer, type Session, systemPreferences } from 'electron';
import log from 'electron-log/main';
import type { NativeConfirm } from '../window/native-confirm';
import type { DesktopContext, DesktopHandlers } from './desktop-context';
import { screenRecordingAccess } from './media-access';
import { ScreenShareBroker } from './screen-share';

export function installScreenShare(
  context: DesktopContext,
  session: Session,
  isTrustedOrigin: (origin: string) => boolean,
  confirm: NativeConfirm,
): DesktopHandlers<'chooseScreenShareSource'> {
  const broker = new ScreenShareBroker({
    capturer: desktopCapturer,
    isTrustedOrigin,
    screenRecordingAccess: () => screenRecordingAccess({ platform: context.platform, systemPreferences }),
    askRenderer: (request) => {
      if (!context.getMainWindow()) return false;
      context.events.onScreenSharePick(request);
      return true;
    },
    log: (message) => log.warn(message),
    confirm,
  });
  session.setDisplayMediaRequestHandler(
    (request, callback) => void broker.handleRequest(request, (grant) => callback(grant)),
    // macOS 15+: the system picker (Electron skips our handler there); our picker everywhere else.
    { useSystemPicker: true },
  );
  context.onWindow((window) => {
    // A reloaded or crashed renderer will never answer the picker it was shown.
    window.webContents.on('render-process-gone', () => broker.cancelPending());
    window.webContents.on('did-start-loading', () => broker.cancelPending());
  });
  return { chooseScreenShareSource: ({ requestId, sourceId }) => broker.choose(requestId, sourceId) };
}

/**
 * Who the app is, named once. The id is electron-builder.yml's `appId` (a packaging test keeps the
 * two equal): the keychain service name, the Windows AppUserModelID that toast notifications need,
 * and the installer's shortcut id. The origin is where the renderer lives: a privileged `app://`
 * scheme whose host is `localhost`, because the calling SDK runs only on https:, file: or the host
 * `localhost` (docs/renderer.md), and a standard + secure scheme gives a real origin without file://.
 */
export const APP_ID = 'com.switchboard.desktop';

export const APP_SCHEME = 'app';
export const APP_HOST = 'localhost';
/** The only origin whose IPC main accepts and whose permission requests it grants. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

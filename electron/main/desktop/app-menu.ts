/**
 * The application menu: the platform's usual menus plus Help → "Open logs folder". A template of
 * Electron menu options built without Electron, so the structure is testable. Every label is in
 * the language in force, role items included: Electron's own role labels are English on Windows
 * and Linux, so each role item carries our label (Electron keeps the role's behaviour and
 * accelerator). The glue rebuilds the menu when the language changes.
 */
import { say } from '../strings/main-i18n';

export interface AppMenuActions {
  openLogsFolder(): void;
}

/** Mirrors the fields of Electron's `MenuItemConstructorOptions` used here. */
export interface AppMenuItem {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu' | 'normal';
  accelerator?: string;
  click?: () => void;
  submenu?: AppMenuItem[];
}

export function appMenuTemplate(
  options: { platform: string; appName: string; isPackaged: boolean },
  actions: AppMenuActions,
): AppMenuItem[] {
  const mac = options.platform === 'darwin';
  const appName = { appName: options.appName };
  const separator: AppMenuItem = { type: 'separator' };
  const view: AppMenuItem[] = [
    // Reload and developer tools only in development: in a release they only help an attacker who
    // already sits at the keyboard, and a reload drops a call.
    ...(options.isPackaged
      ? []
      : [
          { role: 'reload', label: say('menu.view.reload') },
          { role: 'toggleDevTools', label: say('menu.view.toggleDevTools') },
          separator,
        ]),
    { role: 'resetZoom', label: say('menu.view.actualSize') },
    { role: 'zoomIn', label: say('menu.view.zoomIn') },
    { role: 'zoomOut', label: say('menu.view.zoomOut') },
    separator,
    { role: 'togglefullscreen', label: say('menu.view.toggleFullScreen') },
  ];
  const appMenu: AppMenuItem[] = [
    { role: 'about', label: say('menu.app.about', appName) },
    separator,
    { role: 'services', label: say('menu.app.services') },
    separator,
    { role: 'hide', label: say('menu.app.hide', appName) },
    { role: 'hideOthers', label: say('menu.app.hideOthers') },
    { role: 'unhide', label: say('menu.app.showAll') },
    separator,
    { role: 'quit', label: say('menu.app.quit', appName) },
  ];
  const edit: AppMenuItem[] = [
    { role: 'undo', label: say('menu.edit.undo') },
    { role: 'redo', label: say('menu.edit.redo') },
    separator,
    { role: 'cut', label: say('menu.edit.cut') },
    { role: 'copy', label: say('menu.edit.copy') },
    { role: 'paste', label: say('menu.edit.paste') },
    ...(mac
      ? [
          { role: 'pasteAndMatchStyle', label: say('menu.edit.pasteAndMatchStyle') },
          { role: 'delete', label: say('menu.edit.delete') },
        ]
      : [{ role: 'delete', label: say('menu.edit.delete') }, separator]),
    { role: 'selectAll', label: say('menu.edit.selectAll') },
  ];
  const window: AppMenuItem[] = [
    { role: 'minimize', label: say('menu.window.minimize') },
    { role: 'zoom', label: say('menu.window.zoom') },
    ...(mac
      ? [separator, { role: 'front', label: say('menu.window.bringAllToFront') }]
      : [{ role: 'close', label: say('menu.window.close') }]),
  ];
  return [
    ...(mac ? [{ label: options.appName, role: 'appMenu', submenu: appMenu }] : []),
    {
      label: say('menu.file.title'),
      submenu: [
        mac ? { role: 'close', label: say('menu.file.closeWindow') } : { role: 'quit', label: say('menu.file.quit') },
      ],
    },
    { label: say('menu.edit.title'), role: 'editMenu', submenu: edit },
    { label: say('menu.view.title'), submenu: view },
    { label: say('menu.window.title'), role: 'windowMenu', submenu: window },
    {
      label: say('menu.help.title'),
      role: 'help',
      submenu: [{ label: say('menu.help.openLogsFolder'), click: actions.openLogsFolder }],
    },
  ];
}

/**
 * The application menu: the platform's usual menus plus Help → "Open logs folder". A template of
 * Electron menu options built without Electron, so the structure is testable.
 */

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
  const view: AppMenuItem[] = [
    // Reload and developer tools only in development: in a release they only help an attacker who
    // already sits at the keyboard, and a reload drops a call.
    ...(options.isPackaged ? [] : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' as const }]),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? [{ label: options.appName, role: 'appMenu' }] : []),
    { label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', role: 'editMenu' },
    { label: 'View', submenu: view },
    { label: 'Window', role: 'windowMenu' },
    {
      label: 'Help',
      role: 'help',
      submenu: [{ label: 'Open logs folder', click: actions.openLogsFolder }],
    },
  ];
}

/** The application menu (template: app-menu.ts). Electron glue only. */
import { app, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { appMenuTemplate } from './app-menu';
import type { DesktopContext } from './desktop-context';
import { logDirectory } from './logging';

export function installMenu(context: DesktopContext): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        { platform: context.platform, appName: app.getName(), isPackaged: app.isPackaged },
        { openLogsFolder: () => void shell.openPath(logDirectory(app.getPath('userData'))) },
      ) as MenuItemConstructorOptions[],
    ),
  );
}

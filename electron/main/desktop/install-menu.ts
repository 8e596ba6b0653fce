/** The application menu (template: app-menu.ts), rebuilt when the language changes. Electron glue only. */
import { app, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { onMainLanguageChange } from '../strings/main-i18n';
import { appMenuTemplate } from './app-menu';
import type { DesktopContext } from './desktop-context';
import { logDirectory } from './logging';

export function installMenu(context: DesktopContext): void {
  const build = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(
          { platform: context.platform, appName: app.getName(), isPackaged: app.isPackaged },
          { openLogsFolder: () => void shell.openPath(logDirectory(app.getPath('userData'))) },
        ) as MenuItemConstructorOptions[],
      ),
    );
  onMainLanguageChange(build);
  build();
}

/**
 * Binds the registration helper to Electron: `ipcMain`, our window as the only trusted sender
 * (its webContents, its top frame, on app://localhost), and `webContents.send` for events.
 */
import { type BrowserWindow, ipcMain } from 'electron';
import type { DescriptorTable } from '../../../common/ipc';
import { APP_ORIGIN } from '../app-identity';
import {
  type HandlersFor,
  type IpcMainLike,
  type RegisteredTable,
  type RegisterOptions,
  registerIpcTable,
} from './register';
import { createSenderPolicy } from './sender-policy';

export interface WindowIpc {
  readonly options: RegisterOptions;
  register<T extends DescriptorTable>(table: T, handlers: HandlersFor<T>): RegisteredTable<T>;
}

export function createWindowIpc(getWindow: () => BrowserWindow | null, log: (message: string) => void): WindowIpc {
  const liveWindow = () => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  const options: RegisterOptions = {
    ipc: ipcMain as unknown as IpcMainLike,
    senderPolicy: createSenderPolicy({ webContentsId: () => liveWindow()?.webContents.id, origin: APP_ORIGIN }),
    deliver: (channel, payload) => liveWindow()?.webContents.send(channel, payload),
    log,
  };
  return { options, register: (table, handlers) => registerIpcTable(table, handlers, options) };
}

// Electron glue only: lifecycle and windows. Logic lives in plain modules beside this file.
import { app, BrowserWindow } from 'electron';

app.whenReady().then(() => {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  void window.loadURL('about:blank');
});

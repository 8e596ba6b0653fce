// Runs in the renderer's isolated world; exposes window.switchboard through contextBridge only.
// The bridge is built from the descriptor tables (common/ipc): one function per descriptor, each
// bound to its own `switchboard:` channel. `ipcRenderer` itself never reaches the page.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, bridgeContract } from '../../common/ipc';
import { bridgeShape, buildBridge } from './bridge';

const bridge = buildBridge(bridgeShape(bridgeContract), {
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  send: (channel, payload) => ipcRenderer.send(channel, payload),
  subscribe: (channel, listener) => {
    // The event object (with its `sender`) stays here: the page gets the payload only.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

/**
 * The whole IPC contract. `window.switchboard` has one namespace per descriptor table below;
 * the preload builds exactly these functions, main registers exactly these handlers.
 * A concern that needs IPC adds its own module here (declaring its tables) and one line below.
 */
import type { BridgeOf } from './descriptor';
import { desktopIpc } from './desktop';
import { directoryIpc } from './directory';
import { historyIpc } from './history';
import { configIpc, sessionIpc, tokenIpc } from './session';

export * from './descriptor';
export * from './directory';
export * from './names';
export * from './session';

export const bridgeContract = {
  session: sessionIpc,
  token: tokenIpc,
  config: configIpc,
  history: historyIpc,
  desktop: desktopIpc,
  directory: directoryIpc,
} as const;

export type BridgeContract = typeof bridgeContract;

/** `window.switchboard`, as the renderer sees it. */
export type SwitchboardBridge = { readonly [K in keyof BridgeContract]: BridgeOf<BridgeContract[K]> };

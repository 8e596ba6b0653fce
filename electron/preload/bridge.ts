/**
 * Builds `window.switchboard` from the descriptor tables: one function per descriptor, each bound
 * to its own channel at build time. The page never gets a channel parameter, `ipcRenderer`, or a
 * generic `invoke`. Pure and environment-free (it imports types only), so the production preload
 * and the test bridge harness (test/support/bridge-harness.ts, bundled into a page) run this
 * same code over different transports.
 */
import type { BridgeContract, DescriptorTable, SwitchboardBridge } from '../../common/ipc';
import { IPC_CHANNEL_PREFIX } from '../../common/ipc/names';

/** A descriptor reduced to what the bridge needs: plain data that can cross into a page. */
export interface BridgeEntry {
  readonly kind: 'invoke' | 'send' | 'event';
  readonly channel: string;
  /** invoke only: false when the call takes no argument. */
  readonly takesRequest: boolean;
}
export type BridgeShape = Readonly<Record<string, Readonly<Record<string, BridgeEntry>>>>;

/** How the bridge reaches main: `ipcRenderer` in the preload, a Playwright binding in tests. */
export interface BridgeTransport {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, payload: unknown): void;
  /** Returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function bridgeShape(contract: Readonly<Record<string, DescriptorTable>>): BridgeShape {
  const shape: Record<string, Record<string, BridgeEntry>> = {};
  for (const [namespace, table] of Object.entries(contract)) {
    const entries: Record<string, BridgeEntry> = {};
    for (const [name, descriptor] of Object.entries(table)) {
      entries[name] = {
        kind: descriptor.kind,
        channel: descriptor.channel,
        takesRequest: descriptor.kind !== 'invoke' || descriptor.request !== null,
      };
    }
    shape[namespace] = entries;
  }
  return shape;
}

export function buildBridge(shape: BridgeShape, transport: BridgeTransport): SwitchboardBridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  for (const [namespace, entries] of Object.entries(shape)) {
    const functions: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(entries)) {
      const channel = entry.channel;
      if (!channel.startsWith(IPC_CHANNEL_PREFIX)) throw new Error(`refusing to expose ${channel}`);
      if (entry.kind === 'invoke') {
        // The argument count is fixed per descriptor so that the page cannot smuggle extras.
        functions[name] = entry.takesRequest
          ? (request: unknown) => transport.invoke(channel, request)
          : () => transport.invoke(channel);
      } else if (entry.kind === 'send') {
        functions[name] = (request: unknown) => transport.send(channel, request);
      } else {
        functions[name] = (listener: (payload: unknown) => void) => {
          if (typeof listener !== 'function') throw new TypeError(`${namespace}.${name} needs a listener function`);
          return transport.subscribe(channel, (payload) => listener(payload));
        };
      }
    }
    bridge[namespace] = Object.freeze(functions);
  }
  return Object.freeze(bridge) as unknown as SwitchboardBridge;
}

export type { BridgeContract };

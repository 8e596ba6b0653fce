/**
 * The renderer's handle on `window.switchboard.desktop` (the preload builds it from
 * common/ipc/desktop.ts). Absent outside Switchboard's window — in a plain browser the desktop
 * pieces simply do not render.
 */
import type { BRIDGE_GLOBAL, SwitchboardBridge } from '../../common/ipc';

export type DesktopBridge = SwitchboardBridge['desktop'];

// Types only from common/ipc: a value import would pull every IPC schema (and zod) into the chunk
// that mounts DesktopIntegration. The annotation keeps this name equal to BRIDGE_GLOBAL.
const GLOBAL_NAME: typeof BRIDGE_GLOBAL = 'switchboard';

export function desktopBridgeFromWindow(): DesktopBridge | null {
  const bridge = (globalThis as unknown as Record<string, Partial<SwitchboardBridge> | undefined>)[GLOBAL_NAME];
  return bridge?.desktop ?? null;
}

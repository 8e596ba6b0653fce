/**
 * The renderer's handle on `window.switchboard.desktop` (the preload builds it from
 * common/ipc/desktop.ts). Absent outside Switchboard's window — in a plain browser the desktop
 * pieces simply do not render.
 */
import type { SwitchboardBridge } from '../../common/ipc';
import { BRIDGE_GLOBAL } from '../../common/ipc/names';

export type DesktopBridge = SwitchboardBridge['desktop'];

export function desktopBridgeFromWindow(): DesktopBridge | null {
  const bridge = (globalThis as unknown as Record<string, Partial<SwitchboardBridge> | undefined>)[BRIDGE_GLOBAL];
  return bridge?.desktop ?? null;
}

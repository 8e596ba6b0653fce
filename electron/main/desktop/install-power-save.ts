/** The display stays awake during a call (decisions: power-save.ts). Electron glue only. */
import { powerSaveBlocker } from 'electron';
import type { DesktopContext } from './desktop-context';
import { CallPowerSaveGuard } from './power-save';

export function installPowerSave(context: DesktopContext): void {
  const guard = new CallPowerSaveGuard(powerSaveBlocker);
  context.calls.onChange(() => guard.update(context.calls.isCallActive()));
}

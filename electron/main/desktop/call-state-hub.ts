/**
 * The renderer's latest call-state report, and who wants to know when it changes: tray, alerts,
 * power-save, updates and the quit guard all decide from it. Plain module (no Electron): the
 * desktop glue files subscribe; `desktop/index.ts` feeds it from the `reportCallState` IPC.
 */
import type { DesktopCallState } from '../../../common/ipc/desktop';

export type CallStateListener = (previous: DesktopCallState | null, current: DesktopCallState | null) => void;

export class CallStateHub {
  #current: DesktopCallState | null = null;
  readonly #listeners: CallStateListener[] = [];

  /** null when the renderer has not reported, or has reloaded or crashed since. */
  get current(): DesktopCallState | null {
    return this.#current;
  }

  /** From the renderer's latest report; false when it has not reported or has reloaded. */
  isCallActive(): boolean {
    return this.#current?.callActive ?? false;
  }

  onChange(listener: CallStateListener): void {
    this.#listeners.push(listener);
  }

  apply(next: DesktopCallState | null): void {
    const previous = this.#current;
    this.#current = next;
    for (const listener of this.#listeners) listener(previous, next);
  }
}

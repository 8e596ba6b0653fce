/**
 * Keeps the display awake while a call is active (a video call must not dim into a screensaver)
 * and lets it sleep again when the call ends. Idempotent: the renderer reports state often.
 */

/** The part of Electron's `powerSaveBlocker` used here. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): boolean;
  isStarted(id: number): boolean;
}

export class CallPowerSaveGuard {
  private blockerId: number | null = null;

  constructor(private readonly blocker: PowerSaveBlockerLike) {}

  update(callActive: boolean): void {
    if (callActive && this.blockerId === null) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
    } else if (!callActive && this.blockerId !== null) {
      if (this.blocker.isStarted(this.blockerId)) this.blocker.stop(this.blockerId);
      this.blockerId = null;
    }
  }

  get active(): boolean {
    return this.blockerId !== null;
  }
}

/** A minimal external store for useSyncExternalStore: immutable updates, listeners told after each. */
export class StateStore<S> {
  private readonly listeners = new Set<() => void>();
  constructor(private state: S) {}

  getState = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `update` returns the same object to mean "nothing changed": no listener runs. */
  update(update: (state: S) => S): void {
    const next = update(this.state);
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

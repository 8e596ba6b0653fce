/**
 * A value main owns and pushes (the session, the configuration), mirrored as an external store
 * for useSyncExternalStore: starts at `initial`, asks main once, then follows main's change
 * events. An event that arrives before the answer is newer than it, so the answer is dropped.
 */
import { StateStore } from '../lib/state-store';

export interface MirroredState<S> {
  getState(): S;
  subscribe(listener: () => void): () => void;
}

export interface MainValue<T> {
  get(): Promise<T>;
  onChange(listener: (value: T) => void): () => void;
}

export function mirrorFromMain<T, S>(
  source: MainValue<T>,
  states: { initial: S; from(value: T): S; failed(error: unknown): S },
): MirroredState<S> & { dispose(): void } {
  const store = new StateStore<S>(states.initial);
  let changed = false;
  const unsubscribe = source.onChange((value) => {
    changed = true;
    store.update(() => states.from(value));
  });
  void source.get().then(
    (value) => {
      if (!changed) store.update(() => states.from(value));
    },
    (error: unknown) => {
      if (!changed) store.update(() => states.failed(error));
    },
  );
  return { getState: store.getState, subscribe: store.subscribe, dispose: unsubscribe };
}

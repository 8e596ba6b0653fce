import type { RefreshState, SecretStore } from './secret-store';

/** The fallback when no keychain is usable: the session lasts until the app quits, nothing touches the disk. */
export class MemorySecretStore implements SecretStore {
  readonly persistent = false;
  readonly #entries = new Map<string, RefreshState>();

  async load(backendOrigin: string): Promise<RefreshState | null> {
    return this.#entries.get(backendOrigin) ?? null;
  }

  async save(backendOrigin: string, state: RefreshState): Promise<void> {
    this.#entries.set(backendOrigin, state);
  }

  async clear(backendOrigin: string): Promise<void> {
    this.#entries.delete(backendOrigin);
  }
}

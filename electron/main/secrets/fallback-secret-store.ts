/**
 * A keychain that never blocks or breaks the app. Every call to the real store has a deadline;
 * the first failure or timeout (no Secret Service, locked keyring, access denied, a hung D-Bus
 * call) switches this run to memory for good, carrying over what the run already holds, and the
 * session is reported as not remembered. docs/architecture.md, Budgets: "a keychain call never blocks start-up".
 */
import { MemorySecretStore } from './memory-secret-store';
import type { RefreshState, SecretStore } from './secret-store';

export interface FallbackSecretStoreOptions {
  /** Each keychain call must settle within this, or the keychain counts as unavailable. */
  readonly timeoutMs?: number;
  readonly log?: (message: string) => void;
  /** Told once, when the run switches to memory. */
  readonly onUnavailable?: (reason: string) => void;
}

export class FallbackSecretStore implements SecretStore {
  readonly #memory = new MemorySecretStore();
  #primary: SecretStore | null;
  /** keytar still loading: opened (under the deadline) on first use. */
  #pending: Promise<SecretStore> | null = null;
  #unavailableReason: string | null = null;
  readonly #timeoutMs: number;
  readonly #log: (message: string) => void;
  readonly #onUnavailable: (reason: string) => void;

  /** `primary` may be a promise (keytar is loaded lazily) or null when there is no keychain at all. */
  constructor(primary: SecretStore | Promise<SecretStore> | null, options: FallbackSecretStoreOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 3000;
    this.#log = options.log ?? (() => {});
    this.#onUnavailable = options.onUnavailable ?? (() => {});
    this.#primary = null;
    if (primary === null) this.#fallBack('no keychain is available');
    else if (primary instanceof Promise) this.#pending = primary;
    else this.#primary = primary;
  }

  get persistent(): boolean {
    return this.#unavailableReason === null;
  }

  /** Why the keychain is not used this run, or null while it is. Safe to show: no secrets. */
  get unavailableReason(): string | null {
    return this.#unavailableReason;
  }

  async load(backendOrigin: string): Promise<RefreshState | null> {
    const primary = await this.#primaryStore();
    if (primary) {
      try {
        return await this.#withDeadline(primary.load(backendOrigin), 'reading');
      } catch (error) {
        this.#fallBack(describe(error));
      }
    }
    return this.#memory.load(backendOrigin);
  }

  async save(backendOrigin: string, state: RefreshState): Promise<void> {
    // Memory always holds the latest state, so a keychain that dies mid-run loses nothing.
    await this.#memory.save(backendOrigin, state);
    const primary = await this.#primaryStore();
    if (!primary) return;
    try {
      await this.#withDeadline(primary.save(backendOrigin, state), 'writing');
    } catch (error) {
      this.#fallBack(describe(error));
    }
  }

  async clear(backendOrigin: string): Promise<void> {
    await this.#memory.clear(backendOrigin);
    const primary = await this.#primaryStore();
    if (!primary) return;
    try {
      await this.#withDeadline(primary.clear(backendOrigin), 'deleting');
    } catch (error) {
      this.#fallBack(describe(error));
    }
  }

  async #primaryStore(): Promise<SecretStore | null> {
    if (this.#pending) {
      const pending = this.#pending;
      this.#pending = null;
      try {
        this.#primary = await this.#withDeadline(pending, 'opening');
      } catch (error) {
        this.#fallBack(describe(error));
      }
    }
    return this.#unavailableReason === null ? this.#primary : null;
  }

  #fallBack(reason: string): void {
    if (this.#unavailableReason !== null) return;
    this.#unavailableReason = reason;
    this.#primary = null;
    this.#log(`keychain unavailable, keeping the session in memory for this run: ${reason}`);
    this.#onUnavailable(reason);
  }

  #withDeadline<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the keychain did not answer within ${this.#timeoutMs} ms while ${what}`)),
        this.#timeoutMs,
      );
      timer.unref?.();
    });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  }
}

/** keytar's errors carry libsecret/D-Bus text (never the stored value); keep the first line. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) || 'the keychain failed';
}

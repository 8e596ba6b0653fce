/**
 * The OS keychain through keytar (libsecret on Linux, Keychain on macOS, Credential Manager on
 * Windows): service = the app id, account = the backend origin, password = the refresh state JSON.
 * Only get/set/deletePassword are used: `findCredentials` crashes on a locked keyring.
 */
import { parseStoredRefreshState, type RefreshState, type SecretStore } from './secret-store';

/** The three keytar calls used, so that tests can provide a keychain that hangs or fails. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export class KeytarSecretStore implements SecretStore {
  readonly persistent = true;

  constructor(
    private readonly keytar: KeytarLike,
    private readonly service: string,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async load(backendOrigin: string): Promise<RefreshState | null> {
    const raw = await this.keytar.getPassword(this.service, backendOrigin);
    if (raw === null) return null;
    const parsed = parseStoredRefreshState(raw, backendOrigin);
    if (parsed.ok) return parsed.state;
    // Corrupt or foreign: it can never sign anyone in, and keeping it would fail every start.
    this.log(`keychain entry for ${backendOrigin} discarded: ${parsed.why}`);
    await this.keytar.deletePassword(this.service, backendOrigin);
    return null;
  }

  async save(backendOrigin: string, state: RefreshState): Promise<void> {
    await this.keytar.setPassword(this.service, backendOrigin, JSON.stringify(state));
  }

  async clear(backendOrigin: string): Promise<void> {
    await this.keytar.deletePassword(this.service, backendOrigin);
  }
}

/**
 * Loads keytar lazily: a missing or unbuildable native module is "no keychain" (a rejected promise
 * the fallback store turns into memory-only), not a crash at start-up. In the main bundle
 * (CommonJS) `require` finds keytar beside it (node_modules, unpacked from asar) with Node's own
 * resolver: an `import()` there goes through the ES module loader, which under vitest did not reach
 * the keychain at all. Run as an ES module (the source under test), `import()` is the only way.
 */
export async function loadKeytar(): Promise<KeytarLike> {
  const module = (typeof require === 'function' ? require('keytar') : await import('keytar')) as {
    default?: KeytarLike;
  } & KeytarLike;
  return module.default ?? module;
}

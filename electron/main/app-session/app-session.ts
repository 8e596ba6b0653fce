/**
 * Ties configuration to the token broker: one broker per configured backend. Pointing the app at
 * another backend signs out of the old one first (docs/token-path.md, reason `backend-changed`). Also reads
 * the backend's discovery document, which says whether tokens are offline-development ones and
 * which caller id phone calls show.
 *
 * A server without a discovery document (404) is asked, without side effects, whether it is the
 * token server of Microsoft's ACS calling samples; if so, sign-in and renewal go through that
 * protocol (`backend/acs-sample-client.ts`), and "Test connection" says what that means.
 *
 * A backend that signs people in through their organisation (`oidc` in discovery) gets the
 * sign-in of `sign-in/oidc-sign-in.ts` (system browser, PKCE, loopback redirect); the IdP's access
 * token goes to `POST /v1/sessions` and is then dropped.
 */

import type { SignInMode } from '../../../common/backend-contract';
import { type BackendUrl, parseBackendUrl } from '../../../common/backend-url';
import type {
  BackendProtocol,
  ConfigTestResult,
  ConfigUpdate,
  SessionEndReason,
  SessionState,
} from '../../../common/ipc';
import { AcsSampleClient } from '../backend-client/acs-sample-client';
import { BackendClient, type BackendClientOptions } from '../backend-client/backend-client';
import { BackendError } from '../backend-client/backend-errors';
import type { AppConfigStore, ConfigUpdateOutcome } from '../config/app-config';
import type { SecretStore } from '../secrets/secret-store';
import { type OidcSettings, signInWithOidc } from '../sign-in/oidc-sign-in';
import { backendUrlWords, sessionWords } from '../strings/session';
import { TokenBroker, type TokenBrokerOptions } from '../token/token-broker';

export interface AppSessionOptions {
  readonly config: AppConfigStore;
  readonly store: SecretStore;
  readonly clientOptions?: BackendClientOptions;
  readonly brokerOptions?: Pick<TokenBrokerOptions, 'refreshMarginMs' | 'signOutTimeoutMs' | 'now'>;
  readonly log?: (message: string) => void;
  /** Opens a URL in the system browser (`shell.openExternal`): organisation sign-in and sign-out. */
  readonly openExternal?: (url: string) => Promise<void>;
  /** The organisation sign-in's time limit (default 5 minutes). */
  readonly oidcTimeoutMs?: number;
}

/** What the company directory needs of the configured backend (electron/main/directory/). */
export interface DirectoryBackend {
  readonly client: Pick<BackendClient, 'searchPeople' | 'findPerson'>;
  readonly broker: Pick<TokenBroker, 'getDirectoryAccess' | 'dropDirectoryAccess' | 'directoryOffered'>;
  readonly signInModes: readonly SignInMode[] | null;
}

/** What a 403 from `POST /v1/sessions` means: the organisation does not let this account in. */
/** In the language in force when it is said. */
export const accountNotAllowedMessage = (): string => sessionWords.accountNotAllowed();

const noBackend = (): SessionState => ({ status: 'signed-out', message: sessionWords.noBackend() });

export class AppSession {
  readonly config: AppConfigStore;
  readonly #store: SecretStore;
  readonly #options: AppSessionOptions;
  readonly #log: (message: string) => void;
  readonly #listeners = new Set<(state: SessionState) => void>();
  #broker: TokenBroker | null = null;
  #client: BackendClient | null = null;
  #sampleClient: AcsSampleClient | null = null;
  /** What the current backend speaks; null until its discovery document (or the sample probe) answered. */
  #protocol: BackendProtocol | null = null;
  #discovery: Promise<void> | null = null;
  #unsubscribe: () => void = () => {};
  #offlineDevelopment = false;
  /** Sign-in modes the current backend announced; null until its discovery document is read. */
  #signInModes: readonly SignInMode[] | null = null;
  /** Why the previous backend's session ended, shown until the new backend has a session. */
  #carriedEndReason: SessionEndReason | null = null;
  /** The organisation sign-in the current backend announced (`oidc`), if any. */
  #oidc: OidcSettings | null = null;
  /** The IdP's sign-out page, learnt from its metadata during the last organisation sign-in. */
  #endSessionUrl: string | null = null;
  /** Cancels the organisation sign-in waiting on the browser. */
  #pendingSignIn: AbortController | null = null;

  constructor(options: AppSessionOptions) {
    this.config = options.config;
    this.#store = options.store;
    this.#options = options;
    this.#log = options.log ?? (() => {});
  }

  /** The broker for the configured backend, or null when no backend is configured. */
  get broker(): TokenBroker | null {
    return this.#broker;
  }

  get state(): SessionState {
    return this.#withDiscovery(this.#broker?.state ?? noBackend());
  }

  /**
   * The configured backend as the company directory uses it: its client (same deadlines, retries
   * and sentences), the broker that holds the directory bearer, and the sign-in modes its discovery
   * document announced (null until read). Null when no backend is configured.
   */
  get directoryBackend(): DirectoryBackend | null {
    const client = this.#client;
    const broker = this.#broker;
    if (!client || !broker) return null;
    return { client, broker, signInModes: this.#protocol === 'acs-sample' ? null : this.#signInModes };
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Start-up: builds the broker for the configured backend and restores its session from the
   * keychain. Call it before creating the window: the first refresh then runs while the page loads.
   */
  async start(): Promise<SessionState> {
    this.#switchTo(this.config.backend);
    return this.#broker ? this.#broker.restore() : this.state;
  }

  async signIn(displayName?: string): Promise<SessionState> {
    const broker = this.#broker;
    if (!broker) throw new BackendError('rejected', sessionWords.noBackend());
    // Normally read at start-up already; if that failed (offline then), try again now. A backend
    // whose discovery document cannot be read is still tried: sign-in itself will say what is wrong.
    await this.#discovered();
    // Say so before asking the backend, rather than relaying its 401.
    if (this.#protocol === 'acs-sample') return broker.signIn(displayName ?? '', undefined, undefined, 'acs-sample');
    if (this.#oidc) return this.#signInWithOrganisation(broker, this.#oidc);
    if (this.#signInModes && !this.#signInModes.includes('open')) {
      throw new BackendError('sign-in-rejected', sessionWords.unsupportedSignIn(broker.backendUrl, this.#signInModes));
    }
    if (displayName === undefined) throw new BackendError('rejected', sessionWords.enterName());
    return broker.signIn(displayName);
  }

  /** Cancels an organisation sign-in that waits on the browser (no-op otherwise). */
  cancelSignIn(): void {
    this.#pendingSignIn?.abort();
  }

  /**
   * Opens the organisation's own sign-out page (`end_session_endpoint`) in the browser: signing out
   * of Switchboard ends only Switchboard's session. Answers false when the IdP has none.
   */
  async endOrganisationSession(): Promise<boolean> {
    if (!this.#endSessionUrl || !this.#options.openExternal) return false;
    await this.#options.openExternal(this.#endSessionUrl);
    return true;
  }

  async #signInWithOrganisation(broker: TokenBroker, oidc: OidcSettings): Promise<SessionState> {
    const openExternal = this.#options.openExternal;
    if (!openExternal) throw new BackendError('rejected', sessionWords.noBrowser());
    this.#pendingSignIn?.abort();
    const controller = new AbortController();
    this.#pendingSignIn = controller;
    try {
      const result = await signInWithOidc({
        ...oidc,
        openExternal,
        signal: controller.signal,
        ...(this.#options.oidcTimeoutMs ? { timeoutMs: this.#options.oidcTimeoutMs } : {}),
      });
      this.#endSessionUrl = result.endSessionUrl;
      // The name comes from the organisation's token; the body's is ignored by the backend.
      return await broker.signIn('', result.accessToken, controller.signal);
    } catch (error) {
      if (error instanceof BackendError && error.status === 403) {
        throw new BackendError('sign-in-rejected', accountNotAllowedMessage(), 403, error.backendCode);
      }
      throw error;
    } finally {
      if (this.#pendingSignIn === controller) this.#pendingSignIn = null;
    }
  }

  async signOut(): Promise<SessionState> {
    return this.#broker ? this.#withDiscovery(await this.#broker.signOut('signed-out')) : this.state;
  }

  async getToken(signal?: AbortSignal): Promise<{ token: string; expiresOn: string }> {
    const broker = this.#broker;
    if (!broker) throw new BackendError('rejected', sessionWords.noBackend());
    return broker.getToken(signal);
  }

  async updateConfig(update: ConfigUpdate): Promise<ConfigUpdateOutcome> {
    const previous = this.config.backendUrl;
    const outcome = await this.config.update(update);
    if (outcome.ok && outcome.backendChanged) {
      // The old backend's session must not outlive the switch: sign out of it (best effort), then start over.
      if (this.#broker && previous !== null && this.#broker.state.status === 'signed-in') {
        await this.#broker.signOut('backend-changed');
        this.#carriedEndReason = 'backend-changed';
      }
      this.#switchTo(this.config.backend);
      await this.#broker?.restore();
    }
    return outcome;
  }

  /**
   * "Test connection": reads the discovery document of a backend that is not (yet) the configured
   * one; without one (404), checks for an ACS sample token server (no identity is created).
   */
  async testBackend(backendUrl: string, signal?: AbortSignal): Promise<ConfigTestResult> {
    // Typed by the user and not (yet) configured: parsed here, the one time it enters main.
    const parsed = parseBackendUrl(backendUrl);
    if (!parsed.ok) return { ok: false, code: 'invalid', message: backendUrlWords.problem(parsed.problem) };
    const options = { ...this.#options.clientOptions, overallTimeoutMs: 10_000 };
    const client = new BackendClient(parsed, options);
    try {
      const discovery = await client.discover(signal);
      return {
        ok: true,
        backendUrl: client.baseUrl,
        signIn: discovery.signIn,
        alternateCallerId: discovery.pstn?.alternateCallerId ?? null,
        unauthenticated: discovery.signIn.includes('open'),
        protocol: 'switchboard',
      };
    } catch (error) {
      if (!(error instanceof BackendError)) throw error;
      if (error.status === 404 && (await isAcsSampleServer(new AcsSampleClient(parsed, options), signal))) {
        return {
          ok: true,
          backendUrl: client.baseUrl,
          signIn: ['open'],
          alternateCallerId: null,
          unauthenticated: true,
          protocol: 'acs-sample',
          notice: sessionWords.acsSampleNotice(),
        };
      }
      return { ok: false, code: error.code, message: error.message };
    }
  }

  #switchTo(backendUrl: BackendUrl | null): void {
    this.#unsubscribe();
    this.#broker = null;
    this.#client = null;
    this.#sampleClient = null;
    this.#protocol = null;
    this.#offlineDevelopment = false;
    this.#signInModes = null;
    this.#oidc = null;
    this.#endSessionUrl = null;
    this.#pendingSignIn?.abort();
    this.config.setDiscoveredCallerId(null);
    if (backendUrl === null) {
      this.#emit(noBackend());
      return;
    }
    const client = new BackendClient(backendUrl, this.#options.clientOptions);
    const sampleClient = new AcsSampleClient(backendUrl, this.#options.clientOptions);
    const broker = new TokenBroker({
      backend: client,
      acsSample: sampleClient,
      store: this.#store,
      offlineDevelopment: () => this.#offlineDevelopment,
      log: this.#log,
      ...this.#options.brokerOptions,
    });
    this.#broker = broker;
    this.#unsubscribe = broker.onChange((state) => this.#emit(state));
    this.#client = client;
    this.#sampleClient = sampleClient;
    this.#discovery = null;
    void this.#discovered();
  }

  /** The one discovery read for the current backend: shared while in flight, repeated after a failure. */
  #discovered(): Promise<void> {
    const client = this.#client;
    const sampleClient = this.#sampleClient;
    const broker = this.#broker;
    if (!client || !sampleClient || !broker) return Promise.resolve();
    this.#discovery ??= this.#discover(client, sampleClient, broker).then((ok) => {
      if (!ok && this.#client === client) this.#discovery = null;
    });
    return this.#discovery;
  }

  async #discover(client: BackendClient, sampleClient: AcsSampleClient, broker: TokenBroker): Promise<boolean> {
    try {
      const discovery = await client.discover();
      if (this.#broker !== broker) return true;
      this.#protocol = 'switchboard';
      this.#offlineDevelopment = discovery.development?.offlineAcs === true;
      this.#signInModes = discovery.signIn;
      // Organisation sign-in when the backend offers it (open mode remains for development).
      this.#oidc = discovery.signIn.includes('oidc') && discovery.oidc ? discovery.oidc : null;
      if (broker.state.status === 'signed-out') this.#emit(broker.state);
      this.config.setDiscoveredCallerId(discovery.pstn?.alternateCallerId ?? null);
      if (broker.state.status === 'signed-in') this.#emit(broker.state);
      return true;
    } catch (error) {
      if (error instanceof BackendError && error.status === 404 && (await isAcsSampleServer(sampleClient))) {
        if (this.#broker === broker) this.#protocol = 'acs-sample';
        return true;
      }
      // Not fatal: sign-in and tokens work without it; the caller id falls back to the user's.
      this.#log(`discovery failed: ${(error as Error).message}`);
      return false;
    }
  }

  #emit(state: SessionState): void {
    // A session on the new backend retires the previous one's end reason. Cleared here, where the
    // broker's states arrive, so that reading `state` stays a plain read.
    if (state.status === 'signed-in') this.#carriedEndReason = null;
    const patched = this.#withDiscovery(state);
    for (const listener of [...this.#listeners]) listener(patched);
  }

  /** The discovery document may arrive after the broker reported signed-in. No side effects: `state` calls it. */
  #withDiscovery(state: SessionState): SessionState {
    if (state.status === 'signed-in') return { ...state, offlineDevelopment: this.#offlineDevelopment };
    if (state.status !== 'signed-out') return state;
    const organisation = this.#oidc
      ? { organisation: { issuerHost: new URL(this.#oidc.issuer).host, canEndSession: this.#endSessionUrl !== null } }
      : {};
    // Right after a switch, "you changed the backend" is the news; the new broker's own note can wait.
    if (this.#carriedEndReason && state.reason !== 'revoked') {
      return { status: 'signed-out', reason: this.#carriedEndReason, ...organisation };
    }
    return { ...state, ...organisation };
  }
}

/** The sample probe where any failure (network, 5xx) just means "not known to be one". */
async function isAcsSampleServer(client: AcsSampleClient, signal?: AbortSignal): Promise<boolean> {
  try {
    return await client.isSampleServer(signal);
  } catch {
    return false;
  }
}

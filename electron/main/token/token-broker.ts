/**
 * The main process's hold on one backend session (docs/token-path.md, Flow): the refresh state in the keychain,
 * the current ACS token in memory, and the one request that renews it.
 *
 * - `getToken` answers from memory while more than the refresh margin is left; otherwise every
 *   caller shares one request (single flight). A caller's AbortSignal ends only its own wait: the
 *   shared request carries on for the others and its token is cached for the next caller.
 * - The rotated refresh token is written to the store before the new ACS token is handed out,
 *   so a crash between the two never leaves the keychain holding a spent token.
 * - 401 from the backend ends the session: the store entry is cleared and listeners hear why.
 *   Any other failure leaves the refresh state untouched: a valid session is never thrown away
 *   because the network or the backend had a bad moment.
 * - Sign-out clears local state even when the backend cannot be told.
 * - The company directory's bearer (`getDirectoryAccess`) comes with the same answers and is held
 *   beside the ACS token, in memory only; a fresh one is one more ride on the shared refresh.
 *
 * What is said to the backend goes through a `SessionProtocol` adapter (session-protocol.ts):
 * the Switchboard contract, or an ACS sample token server. The stored refresh state's `kind`
 * picks the adapter again at restore.
 */
import type { BackendProtocol, SessionEndReason, SessionState } from '../../../common/ipc';
import { abortError, BackendError, SessionEndedError } from '../backend-client/backend-errors';
import type { RefreshState, SecretStore } from '../secrets/secret-store';
import { sessionWords } from '../strings/session';
import { acceptAccessToken, type HeldToken } from './access-token';
import { type HeldDirectoryAccess, holdDirectoryAccess, isDirectoryAccessFresh } from './directory-access';
import {
  type AcsSampleBackend,
  acsSampleProtocol,
  RenewalFailedWithState,
  type SessionBackend,
  type SessionGrant,
  type SessionProtocol,
  switchboardProtocol,
} from './session-protocol';

export type { AcsSampleBackend, SessionBackend } from './session-protocol';

/**
 * Adapters with the kind check erased: the broker only ever pairs a state with the adapter whose
 * `stateKind` it carries (`#protocolFor`).
 */
type AnyProtocol = SessionProtocol<RefreshState>;

export interface TokenBrokerOptions {
  /** The Switchboard v1 contract at the backend URL (also supplies `baseUrl` and `origin`). */
  readonly backend: SessionBackend;
  /** The same server spoken to as an ACS sample token server; without it such sessions are unknown here. */
  readonly acsSample?: AcsSampleBackend;
  readonly store: SecretStore;
  /**
   * Renew when less than this is left. Above the SDK's own 10-minute "expiring soon" window, so
   * that the credential's proactive refresh always gets a new token rather than the same one.
   */
  readonly refreshMarginMs?: number;
  /** How long sign-out waits for the backend before clearing local state anyway. */
  readonly signOutTimeoutMs?: number;
  /** True when the backend's discovery document says its tokens come from the offline ACS stand-in. */
  readonly offlineDevelopment?: () => boolean;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

export const DEFAULT_REFRESH_MARGIN_MS = 11 * 60_000;

/**
 * Shown in the renderer when a session cannot be restored; the same words as its keychain banner.
 * In the language in force when it is said.
 */
export const keychainUnavailableMessage = (): string => sessionWords.keychainUnavailable();

/** Thrown by `getToken` when there is no session to get a token for. */
export class SignedOutError extends BackendError {
  override readonly name = 'SignedOutError';
  constructor() {
    super('session-ended', sessionWords.signedOut());
  }
}

interface LiveSession {
  refresh: RefreshState;
  readonly protocol: AnyProtocol;
  /** Bumped on every sign-in/sign-out so that a late answer for an old session is ignored. */
  readonly generation: number;
}

export class TokenBroker {
  readonly #backend: SessionBackend;
  readonly #protocols: readonly AnyProtocol[];
  readonly #store: SecretStore;
  readonly #marginMs: number;
  readonly #signOutTimeoutMs: number;
  readonly #now: () => number;
  readonly #log: (message: string) => void;
  readonly #offlineDevelopment: () => boolean;
  readonly #listeners = new Set<(state: SessionState) => void>();

  #state: SessionState = { status: 'signed-out' };
  #session: LiveSession | null = null;
  #generation = 0;
  #token: HeldToken | null = null;
  /** The directory bearer of the latest answer; memory only (never the store, the log or the page). */
  #directory: HeldDirectoryAccess | null = null;
  /** Whether this session's answers carry a directory bearer; null until one answered. */
  #directoryOffered: boolean | null = null;
  #inflight: Promise<HeldToken> | null = null;
  /** Store writes and deletes, one after another, in the order they were decided. */
  #storeQueue: Promise<unknown> = Promise.resolve();

  constructor(options: TokenBrokerOptions) {
    this.#backend = options.backend;
    const protocols = [switchboardProtocol(options.backend)] as unknown as AnyProtocol[];
    if (options.acsSample) {
      protocols.push(acsSampleProtocol(options.acsSample, options.backend.baseUrl) as unknown as AnyProtocol);
    }
    this.#protocols = protocols;
    this.#store = options.store;
    this.#marginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.#signOutTimeoutMs = options.signOutTimeoutMs ?? 5000;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => {});
    this.#offlineDevelopment = options.offlineDevelopment ?? (() => false);
  }

  get backendUrl(): string {
    return this.#backend.baseUrl;
  }

  get state(): SessionState {
    return this.#state;
  }

  /**
   * Whether the current session's answers carry a directory bearer: null when no answer has come
   * since sign-in or restore (the first refresh may still be on its way).
   */
  get directoryOffered(): boolean | null {
    return this.#directoryOffered;
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Start-up: reads the keychain and, if a session is there, reports signed-in at once and starts
   * the first refresh without waiting for anyone to ask (it runs while the window loads).
   */
  async restore(): Promise<SessionState> {
    if (this.#session) return this.#state;
    const generation = this.#generation;
    this.#setState({ status: 'restoring' });
    let stored: RefreshState | null = null;
    try {
      stored = await this.#store.load(this.#backend.origin);
    } catch (error) {
      this.#log(`restore: the keychain could not be read: ${(error as Error).message}`);
    }
    if (generation !== this.#generation) return this.#state; // signed in or out meanwhile
    const protocol = stored ? this.#protocolFor(stored) : null;
    if (!stored || !protocol || stored.backendUrl !== this.#backend.baseUrl) {
      // Without a keychain nothing could have been remembered: say so, so the UI can explain.
      this.#setState(
        this.#store.persistent
          ? { status: 'signed-out' }
          : { status: 'signed-out', reason: 'keychain-unavailable', message: keychainUnavailableMessage() },
      );
      return this.#state;
    }
    this.#session = { refresh: stored, protocol, generation: ++this.#generation };
    this.#setSignedIn();
    this.getToken().catch((error: unknown) => {
      // A 401 has already ended the session (and told the listeners); anything else is retried on demand.
      this.#log(`restore: first refresh failed: ${(error as Error).name}`);
    });
    return this.#state;
  }

  /** Signs in over `protocol` (what the backend was found to speak; the Switchboard contract by default). */
  async signIn(
    displayName: string,
    proof?: string,
    signal?: AbortSignal,
    protocol: BackendProtocol = 'switchboard',
  ): Promise<SessionState> {
    const adapter = this.#protocols.find((candidate) => candidate.name === protocol);
    if (!adapter) throw new BackendError('rejected', sessionWords.unknownServerKind(protocol));
    const grant = await adapter.signIn(displayName, proof, signal);
    const token = acceptAccessToken(grant.accessToken, this.#backend.origin, this.#now());
    const refresh = grant.refresh;
    this.#inflight = null;
    this.#session = { refresh, protocol: adapter, generation: ++this.#generation };
    this.#directory = null;
    this.#directoryOffered = null;
    // In the store before success is reported (docs/token-path.md, Flow: sign-in).
    await this.#enqueueStore(() => this.#store.save(this.#backend.origin, refresh));
    this.#token = token;
    this.#holdDirectory(grant);
    this.#setSignedIn();
    return this.#state;
  }

  async getToken(signal?: AbortSignal): Promise<{ token: string; expiresOn: string }> {
    if (signal?.aborted) throw abortError(signal.reason);
    const session = this.#session;
    if (!session) throw new SignedOutError();
    const held = this.#token;
    if (held && held.expiresAtMs - this.#now() > Math.min(this.#marginMs, held.lifetimeMs / 2)) {
      return { token: held.token, expiresOn: held.expiresOn };
    }
    const fresh = await waitFor(this.#sharedRefresh(session), signal);
    return { token: fresh.token, expiresOn: fresh.expiresOn };
  }

  /**
   * The company directory's bearer, or null when this session's answers carry none (`open` mode,
   * an ACS sample server, a backend without the directory). When the held one is missing or close
   * to expiry, every caller rides the one shared refresh (the same flight as `getToken`): at most
   * one refresh per call, and the answer's bearer is handed out even if the clocks disagree.
   */
  async getDirectoryAccess(signal?: AbortSignal): Promise<string | null> {
    if (signal?.aborted) throw abortError(signal.reason);
    const session = this.#session;
    if (!session) throw new SignedOutError();
    if (session.protocol.name !== 'switchboard') return null;
    const held = this.#directory;
    if (held && isDirectoryAccessFresh(held, this.#now())) return held.token;
    if (this.#directoryOffered === false) return null;
    await waitFor(this.#sharedRefresh(session), signal);
    if (this.#session !== session) throw new SignedOutError();
    return this.#directory?.token ?? null;
  }

  /**
   * The backend refused `token` (401) while the session is live: forget it, so that the next
   * `getDirectoryAccess` refreshes. A newer bearer that arrived meanwhile is kept.
   */
  dropDirectoryAccess(token: string): void {
    if (this.#directory?.token === token) this.#directory = null;
  }

  /** Ends the session here whatever the backend says: the local state must not outlive the user's wish. */
  async signOut(reason: SessionEndReason = 'signed-out'): Promise<SessionState> {
    const session = this.#session;
    if (!session) {
      this.#setState({ status: 'signed-out', reason });
      return this.#state;
    }
    this.#endLocally(reason, undefined);
    const cleared = this.#enqueueStore(() => this.#store.clear(this.#backend.origin));
    try {
      await session.protocol.end(session.refresh, AbortSignal.timeout(this.#signOutTimeoutMs));
    } catch (error) {
      this.#log(`sign-out: the backend was not told (${(error as Error).name}); local state cleared anyway`);
    }
    await cleared;
    return this.#state;
  }

  async #refresh(session: LiveSession): Promise<HeldToken> {
    let grant: Awaited<ReturnType<AnyProtocol['refresh']>>;
    try {
      grant = await session.protocol.refresh(session.refresh);
    } catch (error) {
      if (error instanceof SessionEndedError && this.#session === session) {
        this.#endLocally('revoked', error.message);
        await this.#enqueueStore(() => this.#store.clear(this.#backend.origin));
      }
      if (error instanceof RenewalFailedWithState) {
        if (this.#session === session) {
          const changed = error.refresh;
          session.refresh = changed;
          await this.#enqueueStore(() =>
            this.#session === session ? this.#store.save(this.#backend.origin, changed) : Promise.resolve(),
          );
        }
        throw error.failure;
      }
      throw error;
    }
    if (this.#session !== session) throw new SignedOutError();
    const rotated = grant.refresh;
    if (rotated !== session.refresh) {
      session.refresh = rotated;
      // Rotation first: even if the token below is unusable, the backend has moved on to this refresh token.
      await this.#enqueueStore(() =>
        this.#session === session ? this.#store.save(this.#backend.origin, rotated) : Promise.resolve(),
      );
      if (this.#session !== session) throw new SignedOutError();
    }
    const token = acceptAccessToken(grant.accessToken, this.#backend.origin, this.#now());
    this.#token = token;
    this.#holdDirectory(grant);
    if (this.#state.status === 'signed-in' && this.#state.remembered !== this.#store.persistent) this.#setSignedIn();
    return token;
  }

  /** The one refresh in flight for `session`, started if none is. */
  #sharedRefresh(session: LiveSession): Promise<HeldToken> {
    if (!this.#inflight) {
      const flight = this.#refresh(session);
      this.#inflight = flight;
      // Cleared when settled, whoever is still waiting; a late rejection is handled by its waiters.
      flight.then(
        () => this.#clearFlight(flight),
        () => this.#clearFlight(flight),
      );
    }
    return this.#inflight;
  }

  #holdDirectory(grant: SessionGrant): void {
    this.#directoryOffered = grant.directory !== undefined;
    this.#directory = grant.directory ? holdDirectoryAccess(grant.directory, this.#now()) : null;
  }

  #protocolFor(state: RefreshState): AnyProtocol | null {
    return this.#protocols.find((candidate) => candidate.stateKind === state.kind) ?? null;
  }

  #clearFlight(flight: Promise<HeldToken>): void {
    if (this.#inflight === flight) this.#inflight = null;
  }

  #endLocally(reason: SessionEndReason, message: string | undefined): void {
    this.#session = null;
    this.#generation++;
    this.#token = null;
    this.#directory = null;
    this.#directoryOffered = null;
    this.#inflight = null;
    this.#setState(
      message === undefined ? { status: 'signed-out', reason } : { status: 'signed-out', reason, message },
    );
  }

  #setSignedIn(): void {
    const session = this.#session;
    if (!session) return;
    const refresh = session.refresh;
    this.#setState({
      status: 'signed-in',
      user: { communicationUserId: refresh.communicationUserId, displayName: refresh.displayName },
      backendUrl: this.#backend.baseUrl,
      remembered: this.#store.persistent,
      offlineDevelopment: this.#offlineDevelopment(),
      protocol: session.protocol.name,
    });
  }

  #setState(state: SessionState): void {
    this.#state = state;
    for (const listener of [...this.#listeners]) {
      try {
        listener(state);
      } catch (error) {
        this.#log(`session listener failed: ${(error as Error).message}`);
      }
    }
  }

  /** Runs store work after everything queued before it; a failure is reported to its caller only. */
  #enqueueStore(work: () => Promise<void>): Promise<void> {
    const next = this.#storeQueue.then(work);
    this.#storeQueue = next.catch(() => {});
    return next;
  }
}

/** Waits for the shared flight, or rejects with AbortError when this caller's signal fires. */
function waitFor<T>(flight: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return flight;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    flight.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

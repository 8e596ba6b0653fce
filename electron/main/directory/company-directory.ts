/**
 * The company directory as main offers it to the window: availability, search and resolve over
 * the configured backend's `/v1/people` routes, with the session's directory bearer (held by the
 * token broker, in memory) that never leaves main. A 401 with a live session means the bearer is
 * stale: one refresh, one retry. Resolved ids are cached (person-cache.ts) for the current user
 * of the current backend only: any other session state empties the cache.
 */
import type { DirectoryPerson, PeoplePage } from '../../../common/backend-contract';
import type { DirectoryAvailability, DirectorySearchRequest, SessionState } from '../../../common/ipc';
import type { AppSession, DirectoryBackend } from '../app-session/app-session';
import { BackendError, DirectoryAccessRefusedError } from '../backend-client/backend-errors';
import { directoryWords } from '../strings/session';
import { type DirectoryOffer, directoryAvailability } from './availability';
import { PersonCache, type PersonCacheOptions } from './person-cache';

/** What the directory needs of `AppSession`. */
export type DirectorySession = Pick<AppSession, 'state' | 'onChange' | 'directoryBackend'>;

export type CompanyDirectoryOptions = Pick<PersonCacheOptions, 'maxEntries' | 'ttlMs' | 'now'>;

export class CompanyDirectory {
  readonly #session: DirectorySession;
  readonly #people: PersonCache;
  /** Whose answers the cache holds: backend URL and user id of a signed-in session. */
  #cacheOwner: string | null = null;

  constructor(session: DirectorySession, options: CompanyDirectoryOptions = {}) {
    this.#session = session;
    this.#people = new PersonCache({
      ...options,
      lookUp: (id, signal) => this.#withBearer((backend, bearer) => backend.client.findPerson(bearer, id, signal)),
    });
    this.#cacheOwner = ownerOf(session.state);
    session.onChange((state) => this.#sessionChanged(state));
  }

  /** How many resolved ids are held (for tests of the bound and of sign-out). */
  get cachedPeople(): number {
    return this.#people.size;
  }

  async availability(): Promise<DirectoryAvailability> {
    const facts = (offer: (offered: boolean | null) => DirectoryOffer) => {
      const backend = this.#session.directoryBackend;
      return {
        session: this.#session.state,
        signInModes: backend?.signInModes ?? null,
        offer: offer(backend?.broker.directoryOffered ?? null),
      };
    };
    const known = directoryAvailability(facts((offered) => offered ?? 'not-yet'));
    if (known !== 'ask-the-backend') return known;
    // Only an answer of the session can tell (after a restore, one is on its way): ride that refresh.
    await this.#session.directoryBackend?.broker.getDirectoryAccess().catch(() => null);
    const settled = directoryAvailability(facts((offered) => offered ?? 'unreachable'));
    // With an answer (or none reachable) the facts decide; asking again would not tell more.
    return settled === 'ask-the-backend' ? { available: false, reason: 'not-offered' } : settled;
  }

  search(request: DirectorySearchRequest): Promise<PeoplePage> {
    return this.#withBearer((backend, bearer) => backend.client.searchPeople(bearer, request));
  }

  async resolve(communicationUserId: string): Promise<DirectoryPerson | null> {
    const owner = this.#cacheOwner;
    try {
      return await this.#people.resolve(communicationUserId);
    } catch (error) {
      // Cleared meanwhile (signed out, another user): the lookup was abandoned with the session.
      if (this.#cacheOwner !== owner) throw signedOut();
      throw error;
    }
  }

  /**
   * Runs `call` with the session's directory bearer; when the backend refuses a bearer the broker
   * still held, drops it and runs `call` once more with the one a refresh brings.
   */
  async #withBearer<T>(call: (backend: DirectoryBackend, bearer: string) => Promise<T>): Promise<T> {
    const backend = this.#session.directoryBackend;
    if (!backend || this.#session.state.status !== 'signed-in') {
      throw signedOut();
    }
    const bearer = await backend.broker.getDirectoryAccess();
    if (bearer === null) throw new BackendError('rejected', directoryWords.notOffered());
    try {
      return await call(backend, bearer);
    } catch (error) {
      if (!(error instanceof DirectoryAccessRefusedError)) throw error;
      backend.broker.dropDirectoryAccess(bearer);
      const fresh = await backend.broker.getDirectoryAccess();
      if (fresh === null) throw new BackendError('rejected', directoryWords.notOffered());
      return call(backend, fresh);
    }
  }

  #sessionChanged(state: SessionState): void {
    const owner = ownerOf(state);
    if (owner === this.#cacheOwner) return;
    this.#cacheOwner = owner;
    this.#people.clear();
  }
}

function signedOut(): BackendError {
  return new BackendError('session-ended', directoryWords.signedOut());
}

function ownerOf(state: SessionState): string | null {
  return state.status === 'signed-in' ? `${state.backendUrl} ${state.user.communicationUserId}` : null;
}

/**
 * The company directory as the renderer sees it (common/ipc/directory.ts): whether this session
 * has one, people searched by name or email, and ACS ids resolved to the person behind them.
 * Main holds the directory's bearer; only people cross the bridge.
 *
 * Availability is re-read whenever main pushes a new session (a sign-in may change the backend or
 * its sign-in mode); resolved people are kept for the session, so a caller, a participant tile and
 * the recents entry written after the call ask main once between them.
 */

import type { DirectoryPerson } from '../../common/backend-contract';
import { sanitizeRemoteName } from '../../common/display-text';
import type { DirectoryAvailability } from '../../common/ipc/directory';
import type { RendererBridge } from '../bridge';
import { StateStore } from '../lib/state-store';

/** What the call box knows about the directory: `checking` until main has answered for this session. */
export type DirectoryState = DirectoryAvailability | { available: false; reason: 'checking' };

export type DirectorySearchAnswer =
  | { ok: true; people: DirectoryPerson[]; nextCursor: string | null }
  | { ok: false; message: string };

export interface DirectoryClient {
  getState(): DirectoryState;
  subscribe(listener: () => void): () => void;
  /** People whose name or email starts with `query`; never throws (a failure is an answer). */
  search(query: string, cursor?: string): Promise<DirectorySearchAnswer>;
  /**
   * The person behind an ACS id, or null when the id is nobody of this organisation, there is no
   * directory, or main could not say (a failure is not remembered: the next ask tries again).
   */
  resolve(rawId: string): Promise<DirectoryPerson | null>;
  /** What `resolve` already knows for this session: undefined when it has not been asked (or is still asking). */
  peek(rawId: string): DirectoryPerson | null | undefined;
  dispose(): void;
}

/**
 * Only ACS-family identities (`8:…`) can be people of the directory: phone numbers (`4:+1…`, `+1…`)
 * and anything else never cost a round trip.
 */
export function isDirectoryId(rawId: string): boolean {
  return /^8:[a-z-]+:/i.test(rawId);
}

/**
 * Names come from the organisation's identity provider, so they are verified, but they are still
 * text from outside: they are cleaned as every shown name is (common/display-text.ts).
 */
function cleaned(person: DirectoryPerson): DirectoryPerson {
  return { ...person, displayName: sanitizeRemoteName(person.displayName) };
}

export function createDirectoryClient(bridge: Pick<RendererBridge, 'directory' | 'session'>): DirectoryClient {
  const state = new StateStore<DirectoryState>({ available: false, reason: 'checking' });
  /** Answers for this session. A promise while asking, so concurrent asks share one round trip. */
  let known = new Map<string, DirectoryPerson | null>();
  let pending = new Map<string, Promise<DirectoryPerson | null>>();
  /** Bumped per session: an answer that arrives for an earlier session is dropped. */
  let generation = 0;

  const reread = () => {
    generation += 1;
    const asked = generation;
    known = new Map();
    pending = new Map();
    state.update(() => ({ available: false, reason: 'checking' }));
    bridge.directory.availability().then(
      (availability) => {
        if (asked === generation) state.update(() => availability);
      },
      // A main without the directory's handlers (an older build) cannot offer one.
      () => {
        if (asked === generation) state.update(() => ({ available: false, reason: 'not-offered' }));
      },
    );
  };
  reread();
  const unsubscribe = bridge.session.onChange(reread);

  const remember = (rawId: string, person: DirectoryPerson | null) => {
    known.set(rawId, person);
  };

  return {
    getState: state.getState,
    subscribe: state.subscribe,
    async search(query, cursor) {
      const asked = generation;
      try {
        const result = await bridge.directory.search({ query, ...(cursor ? { cursor } : {}) });
        if (!result.ok) return { ok: false, message: result.message };
        const people = result.people.map(cleaned);
        // A person found is a person resolved: calling them shows their name at once.
        if (asked === generation) for (const person of people) remember(person.communicationUserId, person);
        return { ok: true, people, nextCursor: result.nextCursor };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    resolve(rawId) {
      const already = known.get(rawId);
      if (already !== undefined) return Promise.resolve(already);
      if (!isDirectoryId(rawId) || !state.getState().available) return Promise.resolve(null);
      const asking = pending.get(rawId);
      if (asking) return asking;
      const asked = generation;
      const answer = bridge.directory.resolve({ communicationUserId: rawId }).then(
        (result) => {
          if (!result.ok) return null;
          const person = result.person ? cleaned(result.person) : null;
          if (asked === generation) remember(rawId, person);
          return person;
        },
        () => null,
      );
      const settled = answer.finally(() => {
        if (asked === generation) pending.delete(rawId);
      });
      pending.set(rawId, settled);
      return settled;
    },
    peek: (rawId) => known.get(rawId),
    dispose: unsubscribe,
  };
}

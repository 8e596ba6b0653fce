/**
 * The few things the token broker needs from a backend, whatever protocol it speaks: start a
 * session, renew its token, end it. Everything else (single flight, margin, abort, store order,
 * 401 handling, restore) lives once, in the broker. Each adapter owns one refresh-state `kind`.
 */
import type { BackendAccessToken, DirectoryAccess } from '../../../common/backend-contract';
import type { BackendProtocol } from '../../../common/ipc';
import { type AcsSampleClient, AcsSampleServerVanished } from '../backend-client/acs-sample-client';
import type { BackendClient } from '../backend-client/backend-client';
import { type BackendError, SessionEndedError } from '../backend-client/backend-errors';
import type { AcsSampleRefreshState, RefreshState, SwitchboardRefreshState } from '../secrets/secret-store';
import { sampleServerWords } from '../strings/session';

/** What a sign-in or a renewal yields: the (possibly rotated) refresh state and an ACS token. */
export interface SessionGrant<S extends RefreshState = RefreshState> {
  /** The very object that was passed in when nothing changed (the broker then skips the store write). */
  readonly refresh: S;
  readonly accessToken: BackendAccessToken;
  /**
   * The company directory's bearer, when the answer carried one (`oidc` sessions of a backend that
   * offers the directory). Held in memory by the broker only: never stored, never sent to the page.
   */
  readonly directory?: DirectoryAccess;
}

export interface SessionProtocol<S extends RefreshState = RefreshState> {
  readonly name: BackendProtocol;
  /** The refresh-state kind this adapter writes and reads. */
  readonly stateKind: S['kind'];
  signIn(displayName: string, proof: string | undefined, signal?: AbortSignal): Promise<SessionGrant<S>>;
  /** Throws `SessionEndedError` when the server says the session is over (401). */
  refresh(state: S, signal?: AbortSignal): Promise<SessionGrant<S>>;
  /** Tells the server the session is over, where there is anything to tell. */
  end(state: S, signal: AbortSignal): Promise<void>;
}

/**
 * A renewal failed, and the refresh state changed all the same (a failure counted): the broker
 * stores `refresh`, then reports `failure`.
 */
export class RenewalFailedWithState extends Error {
  override readonly name = 'RenewalFailedWithState';
  constructor(
    readonly failure: BackendError,
    readonly refresh: RefreshState,
  ) {
    super(failure.message);
  }
}

/** After this many renewals in a row that the sample server vanished right after, renewing stops. */
export const MAX_VANISHED_RENEWALS = 2;

/** The Switchboard v1 calls (BackendClient in the app; a test or bench may wrap one to count calls). */
export type SessionBackend = Pick<BackendClient, 'baseUrl' | 'origin' | 'createSession' | 'refresh' | 'deleteSession'>;

/** The ACS sample token server calls. */
export type AcsSampleBackend = Pick<AcsSampleClient, 'createIdentity' | 'refresh'>;

/** docs/backend.md, "Refresh-token rotation": a session with a rotating refresh token, revoked on sign-out. */
export function switchboardProtocol(backend: SessionBackend): SessionProtocol<SwitchboardRefreshState> {
  return {
    name: 'switchboard',
    stateKind: 'switchboard-refresh-state/1',
    async signIn(displayName, proof, signal) {
      const answer = await backend.createSession(displayName, proof, signal);
      return {
        accessToken: answer.accessToken,
        ...(answer.directory ? { directory: answer.directory } : {}),
        refresh: {
          kind: 'switchboard-refresh-state/1',
          backendUrl: backend.baseUrl,
          communicationUserId: answer.user.communicationUserId,
          displayName: answer.user.displayName,
          refreshToken: answer.session.refreshToken,
        },
      };
    },
    async refresh(state, signal) {
      const answer = await backend.refresh(state.refreshToken, signal);
      return {
        accessToken: answer.accessToken,
        ...(answer.directory ? { directory: answer.directory } : {}),
        refresh: {
          ...state,
          communicationUserId: answer.user.communicationUserId,
          displayName: answer.user.displayName,
          refreshToken: answer.session.refreshToken,
        },
      };
    },
    end: (state, signal) => backend.deleteSession(state.refreshToken, signal),
  };
}

/**
 * An ACS sample token server: sign-in creates an identity; its id renews the token. The server
 * keeps no session, so there is nothing to revoke: ending one only forgets it here.
 */
export function acsSampleProtocol(
  backend: AcsSampleBackend,
  backendUrl: string,
): SessionProtocol<AcsSampleRefreshState> {
  return {
    name: 'acs-sample',
    stateKind: 'acs-sample-refresh-state/1',
    async signIn(displayName, _proof, signal) {
      const answer = await backend.createIdentity(signal);
      return {
        accessToken: { token: answer.token, expiresOn: answer.expiresOn },
        refresh: {
          kind: 'acs-sample-refresh-state/1',
          backendUrl,
          communicationUserId: answer.user.communicationUserId,
          displayName,
        },
      };
    },
    async refresh(state, signal) {
      let answer: Awaited<ReturnType<AcsSampleBackend['refresh']>>;
      try {
        answer = await backend.refresh(state.communicationUserId, signal);
      } catch (error) {
        if (!(error instanceof AcsSampleServerVanished)) throw error;
        // Microsoft's hero sample exits when ACS refuses this identity; renewing at every launch
        // would crash it every time. The second time in a row, stop and say so.
        const vanished = (state.vanishedAfterRenewal ?? 0) + 1;
        if (vanished >= MAX_VANISHED_RENEWALS) {
          throw new SessionEndedError(sampleServerWords.cannotRenew(new URL(backendUrl).origin, vanished));
        }
        throw new RenewalFailedWithState(error, { ...state, vanishedAfterRenewal: vanished });
      }
      const accessToken = { token: answer.token, expiresOn: answer.expiresOn };
      if (!state.vanishedAfterRenewal) return { accessToken, refresh: state };
      const { vanishedAfterRenewal: _cleared, ...healthy } = state;
      return { accessToken, refresh: healthy };
    },
    end: async () => {},
  };
}

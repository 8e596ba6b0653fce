/**
 * The main-process side of `window.switchboard.session`, `.token` and `.config`: handlers over
 * `AppSession`, registered through the shared `registerIpcTable` (sender and payload checked
 * there). Failures the user can act on come back as `{ok:false, code, message}` results.
 */
import { configIpc, type ResultError, sessionIpc, tokenIpc } from '../../../common/ipc';
import { BackendError, isAbortError } from '../backend-client/backend-errors';
import { bindIpc, type HandlersFor, type IpcBinding } from '../ipc/register';
import { OidcSignInError } from '../sign-in/sign-in-errors';
import { sessionWords } from '../strings/session';
import type { AppSession } from './app-session';

export interface SessionIpcHandlers {
  readonly session: HandlersFor<typeof sessionIpc>;
  readonly token: HandlersFor<typeof tokenIpc>;
  readonly config: HandlersFor<typeof configIpc>;
}

/** Pending `token.get` calls by request id, so that `token.abort` can end the caller's wait. */
type PendingTokenRequests = Map<string, AbortController>;

export function createSessionIpcHandlers(app: AppSession): SessionIpcHandlers {
  const pending: PendingTokenRequests = new Map();
  return {
    session: {
      get: () => app.state,
      signIn: async ({ displayName }) => {
        try {
          return { ok: true, session: await app.signIn(displayName) };
        } catch (error) {
          return asResultError(error);
        }
      },
      signOut: () => app.signOut(),
      cancelSignIn: () => app.cancelSignIn(),
      endOrganisationSession: () => app.endOrganisationSession(),
    },
    token: {
      get: async ({ requestId }) => {
        if (pending.has(requestId))
          return { ok: false, code: 'duplicate-request', message: sessionWords.tokenRequestRunning() };
        const controller = new AbortController();
        pending.set(requestId, controller);
        try {
          return { ok: true, accessToken: await app.getToken(controller.signal) };
        } catch (error) {
          if (isAbortError(error)) return { ok: false, code: 'aborted', message: sessionWords.tokenRequestCancelled() };
          return asResultError(error);
        } finally {
          pending.delete(requestId);
        }
      },
      abort: ({ requestId }) => {
        pending.get(requestId)?.abort();
      },
    },
    config: {
      get: () => app.config.snapshot(),
      set: async (update) => {
        const outcome = await app.updateConfig(update);
        return outcome.ok
          ? { ok: true, config: outcome.config }
          : { ok: false, code: outcome.code, message: outcome.message };
      },
      test: ({ backendUrl }) => app.testBackend(backendUrl),
    },
  };
}

/**
 * The three tables, in the shape main.ts registers every concern in; session and configuration
 * changes are pushed to the window.
 */
export function sessionIpcBindings(app: AppSession): IpcBinding[] {
  const handlers = createSessionIpcHandlers(app);
  return [
    bindIpc(sessionIpc, handlers.session, (emit) => app.onChange((state) => emit.onChange(state))),
    bindIpc(tokenIpc, handlers.token),
    bindIpc(configIpc, handlers.config, (emit) => app.config.onChange((snapshot) => emit.onChange(snapshot))),
  ];
}

/** Our errors carry user-facing, secret-free messages; anything else becomes a generic sentence. */
export function asResultError(error: unknown): ResultError {
  if (error instanceof BackendError || error instanceof OidcSignInError) {
    return { ok: false, code: error.code, message: error.message };
  }
  throw error;
}

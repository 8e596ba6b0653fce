/**
 * The sentences main sends the renderer in words: settings refusals, sign-in and session errors,
 * what went wrong talking to the backend, the sample token server and the company directory. Each
 * is built when the error happens, in the language in force then. They never carry a secret: the
 * callers pass origins, hosts, codes and scrubbed text only.
 */
import type { BackendUrlProblem } from '../../../common/backend-url';
import { type MainKey, say, sayForLog } from './main-i18n';

export const settingsWords = {
  backendLocked: (source: 'commandLine' | 'environment' | 'administrator', variable: string) =>
    say(`settings.backendLocked.${source}`, { variable }),
  backendNotChanged: (current: string) => say('settings.backendNotChanged', { current }),
  callerIdInvalid: (example: string) => say('settings.callerIdInvalid', { example }),
  notSaved: (file: string) => say('settings.notSaved', { file }),
};

/**
 * What is wrong with a backend address (`parseBackendUrl`'s problem): the sentence named by its
 * code, its values as the sentence's variables. `problem` for a refusal the renderer shows, in the
 * language in force; `forLog` for a log line, in English.
 */
export const backendUrlWords = {
  problem: (problem: BackendUrlProblem) => say(`settings.backendUrlProblem.${problem.code}`, { ...problem }),
  forLog: (problem: BackendUrlProblem) => sayForLog(`settings.backendUrlProblem.${problem.code}`, { ...problem }),
};

export const sessionWords = {
  noBackend: () => say('session.noBackend'),
  accountNotAllowed: () => say('session.accountNotAllowed'),
  unsupportedSignIn: (backend: string, modes: readonly string[]) =>
    say('session.unsupportedSignIn', { backend, modes: modes.join(', ') }),
  enterName: () => say('session.enterName'),
  noBrowser: () => say('session.noBrowser'),
  signedOut: () => say('session.signedOut'),
  unknownServerKind: (protocol: string) => say('session.unknownServerKind', { protocol }),
  keychainUnavailable: () => say('session.keychainUnavailable'),
  tokenRequestRunning: () => say('session.tokenRequestRunning'),
  tokenRequestCancelled: () => say('session.tokenRequestCancelled'),
  /** What "Test connection" tells the user about an ACS sample token server. */
  acsSampleNotice: () => say('session.acsSampleNotice'),
};

export const signInWords = {
  timedOut: (minutes: number) => say('signIn.timedOut', { count: minutes }),
  cancelled: () => say('signIn.cancelled'),
  /** `field`: the IdP metadata's name for the address (`authorization_endpoint`, …). */
  unsafeAddress: (field: string) => say('signIn.unsafeAddress', { field }),
  declined: (description: string | null) =>
    description ? say('signIn.declinedBecause', { description }) : say('signIn.declined'),
  refused: (host: string, code: string, description: string | null) =>
    description ? say('signIn.refusedBecause', { host, code, description }) : say('signIn.refused', { host, code }),
  clockSkew: () => say('signIn.clockSkew'),
  failedCheck: (host: string) => say('signIn.failedCheck', { host }),
  unreachable: (host: string) => say('signIn.unreachable', { host }),
  /** The loopback redirect's answers, read in the browser. */
  browserPage: {
    done: () => say('signIn.browserPage.done'),
    notARedirect: () => say('signIn.browserPage.notARedirect'),
    notFound: () => say('signIn.browserPage.notFound'),
    wrongLink: () => say('signIn.browserPage.wrongLink'),
  },
};

/** What main was doing with the backend when it failed; said inside the error's sentence. */
export type BackendActivity =
  | 'discovery'
  | 'signIn'
  | 'renewal'
  | 'signOut'
  | 'directorySearch'
  | 'directoryLookup'
  | 'sampleProbe';

/** What the backend address should point to, named in "check the address" advice. */
export type BackendServerKind = 'switchboard' | 'switchboardOrSample';

/** How the backend's answer broke the contract, said inside `badResponse`. */
export type BackendProblem =
  | { readonly kind: 'redirectWithoutAddress' | 'tooManyRedirects' | 'notAnAcsToken' }
  | { readonly kind: 'tooLarge'; readonly kilobytes: number; readonly activity: BackendActivity }
  | { readonly kind: 'notJson'; readonly activity: BackendActivity }
  | { readonly kind: 'unexpectedFields'; readonly fields: readonly string[]; readonly activity: BackendActivity };

/** Session-ended reasons the backend names (its error codes), said in the sentence. */
const SESSION_END_KEYS: Record<string, MainKey> = {
  session_revoked: 'backend.sessionEnded.revoked',
  session_expired: 'backend.sessionEnded.expired',
  refresh_token_reused: 'backend.sessionEnded.reused',
};

const activity = (what: BackendActivity) => say(`backend.activity.${what}`);
const duration = (ms: number) => say('backend.seconds', { count: Math.ceil(ms / 1000) });
/** A backend on this computer (development) is not a network problem: different advice. */
const where = (local: boolean) => (local ? 'local' : 'network');

export const backendWords = {
  activity,
  duration,
  connectTimedOut: (origin: string, ms: number, what: BackendActivity) =>
    say('backend.connectTimedOut', { origin, duration: duration(ms), activity: activity(what) }),
  busy: (origin: string, waitMs: number | null) =>
    waitMs ? say('backend.busyWait', { origin, duration: duration(waitMs) }) : say('backend.busy', { origin }),
  serverError: (origin: string, what: BackendActivity, status: number) =>
    say('backend.serverError', { origin, activity: activity(what), status }),
  sessionEnded: (origin: string, backendCode: string | undefined) =>
    say((backendCode && SESSION_END_KEYS[backendCode]) || 'backend.sessionEnded.plain', { origin }),
  directoryRefused: (origin: string, what: BackendActivity) =>
    say('backend.directoryRefused', { origin, activity: activity(what) }),
  signInRefused: (origin: string, reason: string) =>
    reason ? say('backend.signInRefusedBecause', { origin, reason }) : say('backend.signInRefused', { origin }),
  refused: (origin: string, what: BackendActivity, status: number, reason: string) =>
    reason
      ? say('backend.refusedBecause', { origin, activity: activity(what), status, reason })
      : say('backend.refused', { origin, activity: activity(what), status }),
  redirected: (origin: string, target: string) => say('backend.redirected', { origin, target }),
  badResponse: (origin: string, problem: BackendProblem, serverKind: BackendServerKind) =>
    say('backend.badResponse', {
      origin,
      problem: problemWords(problem),
      serverKind: say(`backend.serverKind.${serverKind}`),
    }),
  tokenExpired: (origin: string) => say('backend.tokenExpired', { origin }),
  unreachable: (origin: string, what: BackendActivity, local: boolean) =>
    say(`backend.unreachable.${where(local)}`, { origin, activity: activity(what) }),
  timedOut: (origin: string, what: BackendActivity, ms: number, local: boolean) =>
    say(`backend.timedOut.${where(local)}`, { origin, activity: activity(what), duration: duration(ms) }),
};

function problemWords(problem: BackendProblem): string {
  switch (problem.kind) {
    case 'tooLarge':
      return say('backend.problem.tooLarge', { kilobytes: problem.kilobytes, activity: activity(problem.activity) });
    case 'notJson':
      return say('backend.problem.notJson', { activity: activity(problem.activity) });
    case 'unexpectedFields':
      return say('backend.problem.unexpectedFields', {
        fields: problem.fields.join(', '),
        activity: activity(problem.activity),
      });
    default:
      return say(`backend.problem.${problem.kind}`);
  }
}

export const sampleServerWords = {
  exited: (origin: string) => say('sampleServer.exited', { origin }),
  otherIdentity: (origin: string) => say('sampleServer.otherIdentity', { origin }),
  cannotRenew: (origin: string, times: number) => say('sampleServer.cannotRenew', { origin, count: times }),
};

export const historyWords = {
  favouritesFull: (limit: number) => say('history.favouritesFull', { count: limit }),
};

export const ipcWords = {
  /** A handler failed unexpectedly: the renderer gets this, the detail goes to the log. */
  failed: (channel: string) => say('ipc.failed', { channel }),
};

export const directoryWords = {
  notOffered: () => say('directory.notOffered'),
  signedOut: () => say('directory.signedOut'),
};

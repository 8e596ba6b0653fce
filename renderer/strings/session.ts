/**
 * Words for the app frame, sign-in and settings, and the calling layer's own messages (agent
 * status, call end reasons, diagnostics), in locales/<language>/session.json (docs/i18n.md).
 */
import type { BackendUrlProblem, BackendUrlProblemCode } from '../../common/backend-url';
import { joinList, words } from './i18n';
import type Session from './locales/en/session.json';

export const appStrings = words<(typeof Session)['app']>()('session', 'app', (t) => ({
  screenFailed: (detail: string) => t('screenFailed', { detail }),
}));

export const agentStrings = words<(typeof Session)['agent']>()('session', 'agent', (t) => ({
  failed: (detail: string) => t('failed', { detail }),
  tokenFailed: (detail: string) => t('tokenFailed', { detail }),
  sdkFailed: (detail: string) => t('sdkFailed', { detail }),
}));

/** The backend's sign-in modes (common/backend-contract.ts) as a person would say them. */
const signInModeWords = words<(typeof Session)['signInModes']>()('session', 'signInModes');

export const signInStrings = words<(typeof Session)['signIn']>()('session', 'signIn', (t) => ({
  backendUrlLocked: (source: string) => t('backendUrlLocked', { source }),
  /** What "Test connection" found, the sign-in modes in words ("open" is the backend's jargon). */
  testFound: (modes: readonly string[]) => {
    const named = modes.map((mode) =>
      Object.hasOwn(signInModeWords, mode) ? String(Reflect.get(signInModeWords, mode)) : mode,
    );
    return named.length > 0 ? t('testFoundModes', { modes: named.join('; ') }) : t('testFoundNone');
  },
  testCallerId: (callerId: string) => t('testCallerId', { callerId }),
  organisationIntro: (issuerHost: string) => t('organisationIntro', { issuerHost }),
  endOrganisationSession: (issuerHost: string) => t('endOrganisationSession', { issuerHost }),
}));

/**
 * A compile-time check that English has a sentence for every problem code: a code added in
 * common/backend-url.ts without one does not compile.
 */
type EveryCodeSaid<Sentences extends Record<BackendUrlProblemCode, string>> = Sentences;
export type BackendUrlProblemSentences = EveryCodeSaid<(typeof Session)['backendUrlProblem']>;

const backendUrlProblemWords = words<BackendUrlProblemSentences>()('session', 'backendUrlProblem', (t) => ({
  of: (problem: BackendUrlProblem) => t(problem.code, { ...problem }),
}));

/**
 * What is wrong with a backend address (`parseBackendUrl`'s problem), in the UI language: the
 * sentence named by its code, its values as the sentence's variables. A function, not a facade
 * object, because it takes the problem whole (the locale test calls facade functions with samples).
 */
export function backendUrlProblemText(problem: BackendUrlProblem): string {
  return backendUrlProblemWords.of(problem);
}

export const configSourceWords = words<(typeof Session)['configSourceWords']>()('session', 'configSourceWords');

export const settingsStrings = words<(typeof Session)['settings']>()('session', 'settings', (t) => ({
  signedInAs: (name: string) => t('signedInAs', { name }),
  callerIdFromBackend: (value: string) => t('callerIdFromBackend', { value }),
}));

/** Settings → Language: each language is named in itself, in every language. */
export const languageStrings = words<(typeof Session)['language']>()('session', 'language', (t) => ({
  /** "Use the system language (Nederlands)". */
  system: (language: string) => t('system', { language }),
  saveFailed: (detail: string) => t('saveFailed', { detail }),
}));

/** Call end reasons (`callEndReason` code/subCode) in words; see renderer/calling/end-reasons.ts. */
export const endReasonStrings = words<(typeof Session)['endReason']>()('session', 'endReason', (t) => ({
  unknown: (code: number, subCode: number) => t('unknown', { code, subCode }),
}));

/** User-facing diagnostics as banners (Features.UserFacingDiagnostics). */
export const diagnosticStrings = words<(typeof Session)['diagnostic']>()('session', 'diagnostic');

/** Words the calling layer throws for actions it must refuse. */
export const callActionStrings = words<(typeof Session)['callAction']>()('session', 'callAction', (t) => ({
  lobbyAdmitFailed: (count: number) => t('lobbyAdmitFailed', { count }),
}));

/** Call headers and names for people and calls that have no name of their own. */
export const callTitleStrings = words<(typeof Session)['callTitle']>()('session', 'callTitle', (t) => ({
  /** An ACS user who set no display name: the end of their id, enough to tell two apart. */
  unnamedPerson: (idEnd: string) => t('unnamedPerson', { idEnd }),
  /** A group call titled from who is in it: "Adele Vance and Lee Gu", "Adele Vance, Lee Gu and 3 others". */
  people: (names: string[], others: number) =>
    others > 0 ? t('peopleAndOthers', { names: names.join(', '), count: others }) : joinList(names),
}));

import {
  type BackendUrl,
  type BackendUrlProblem,
  type BackendUrlProblemCode,
  parseBackendUrl,
} from '../../common/backend-url';

/** A test's own backend address, parsed as main parses one before any client is built. */
export function backendUrl(text: string): BackendUrl {
  const parsed = parseBackendUrl(text);
  if (!parsed.ok) throw new Error(`not a backend URL (${parsed.problem.code}): ${text}`);
  return parsed;
}

/**
 * One problem of each code, with the English sentence both processes give it today. Keyed by code,
 * so a code added to common/backend-url.ts without a sample here does not compile.
 */
export const BACKEND_URL_PROBLEMS: {
  readonly [Code in BackendUrlProblemCode]: {
    readonly problem: Extract<BackendUrlProblem, { code: Code }>;
    readonly english: string;
  };
} = {
  empty: {
    problem: { code: 'empty' },
    english: 'Enter the address of your Switchboard backend, for example https://calls.example.com.',
  },
  'not-a-url': {
    problem: { code: 'not-a-url', input: 'calls.example.com' },
    english:
      '"calls.example.com" is not a web address. Enter a full address that starts with https://, for example https://calls.example.com.',
  },
  'not-https': {
    problem: { code: 'not-https', protocol: 'ftp:' },
    english: 'The backend address must start with https:// (got ftp://).',
  },
  'http-not-loopback': {
    problem: { code: 'http-not-loopback', address: 'calls.example.com/switchboard' },
    english:
      'Plain http:// is only allowed for a backend on this computer (localhost). Use https://calls.example.com/switchboard instead.',
  },
  credentials: {
    problem: { code: 'credentials' },
    english: 'Remove the user name and password from the backend address: Switchboard signs in separately.',
  },
  'query-or-hash': {
    problem: { code: 'query-or-hash' },
    english: 'Remove the "?…" or "#…" part from the backend address.',
  },
};

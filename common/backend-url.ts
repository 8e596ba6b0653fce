/**
 * Backend URL validation, shared by the main process (which enforces it) and the renderer
 * (which shows the same problem inline while the user types). Pure logic: no DOM, no Node, and
 * no words: a refusal is a problem code with its values, which each process puts into words in
 * its own language (the renderer's `backendUrlProblemText`, main's `backendUrlWords`).
 */

/**
 * Why an address is not a backend address. Values are what the sentence needs, never a secret:
 * `input` is only given when it did not parse (so it has no user name or password part).
 */
export type BackendUrlProblem =
  /** Nothing typed. */
  | { readonly code: 'empty' }
  /** Not an absolute URL; `input` is the trimmed text. */
  | { readonly code: 'not-a-url'; readonly input: string }
  /** A scheme other than https/http; `protocol` as URL gives it (`ftp:`). */
  | { readonly code: 'not-https'; readonly protocol: string }
  /** Plain http off loopback; `address` is host and path, to be said after `https://`. */
  | { readonly code: 'http-not-loopback'; readonly address: string }
  /** A user name or password in the URL. */
  | { readonly code: 'credentials' }
  /** A `?query` or `#fragment`. */
  | { readonly code: 'query-or-hash' };

export type BackendUrlProblemCode = BackendUrlProblem['code'];

export type BackendUrlResult =
  | { readonly ok: true; readonly url: string; readonly origin: string }
  | { readonly ok: false; readonly problem: BackendUrlProblem };

/** A backend URL that passed `parseBackendUrl`: what main's backend clients are built from. */
export type BackendUrl = Extract<BackendUrlResult, { ok: true }>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Loopback is the only place plain http is acceptable: traffic there never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Parses and normalises a backend URL: https only (http only on loopback, for development),
 * no credentials in the URL, no query or fragment; the result has no trailing slash so that
 * `${url}/v1/token` is always well formed.
 */
export function parseBackendUrl(input: string): BackendUrlResult {
  const trimmed = input.trim();
  if (trimmed === '') return refuse({ code: 'empty' });
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse({ code: 'not-a-url', input: trimmed });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse({ code: 'not-https', protocol: url.protocol });
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return refuse({ code: 'http-not-loopback', address: `${url.host}${url.pathname === '/' ? '' : url.pathname}` });
  }
  if (url.username !== '' || url.password !== '') return refuse({ code: 'credentials' });
  if (url.search !== '' || url.hash !== '') return refuse({ code: 'query-or-hash' });
  const path = url.pathname.replace(/\/+$/, '');
  const normalised = `${url.protocol}//${url.host}${path}`;
  return { ok: true, url: normalised, origin: url.origin };
}

function refuse(problem: BackendUrlProblem): BackendUrlResult {
  return { ok: false, problem };
}

/**
 * Backend URL validation, shared by the main process (which enforces it) and the renderer
 * (which shows the same message inline while the user types). Pure logic: no DOM, no Node.
 */

export type BackendUrlResult =
  | { readonly ok: true; readonly url: string; readonly origin: string }
  | { readonly ok: false; readonly reason: string };

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
  if (trimmed === '') {
    return {
      ok: false,
      reason: 'Enter the address of your Switchboard backend, for example https://calls.example.com.',
    };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      reason: `"${trimmed}" is not a web address. Enter a full address that starts with https://, for example https://calls.example.com.`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `The backend address must start with https:// (got ${url.protocol}//).` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      reason: `Plain http:// is only allowed for a backend on this computer (localhost). Use https://${url.host}${url.pathname === '/' ? '' : url.pathname} instead.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason: 'Remove the user name and password from the backend address: Switchboard signs in separately.',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'Remove the "?…" or "#…" part from the backend address.' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  const normalised = `${url.protocol}//${url.host}${path}`;
  return { ok: true, url: normalised, origin: url.origin };
}

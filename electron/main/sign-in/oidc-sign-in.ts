/**
 * Company sign-in for a native app, by the book (RFC 8252): Authorization Code with PKCE (S256),
 * `state` and `nonce`, in the system browser, with the redirect to a loopback listener on an
 * ephemeral port (loopback-redirect.ts). The OAuth itself is `openid-client`'s: discovery, the
 * authorization URL, the code exchange and the ID token checks (signature, issuer, audience,
 * nonce, timestamps).
 *
 * What comes out is the IdP's access token for the backend API, for `POST /v1/sessions`, and
 * nothing is kept: IdP tokens never reach the keychain or the disk (the backend session is the
 * only long-lived credential). The flow ends after 5 minutes, or when the caller aborts.
 */
import * as client from 'openid-client';
import { isLoopbackHost } from '../../../common/backend-url';
import { signInWords } from '../strings/session';
import { listenForRedirect } from './loopback-redirect';
import { OidcSignInError, sanitiseIdpDescription } from './sign-in-errors';

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
const IDP_REQUEST_TIMEOUT_S = 15;

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export interface OidcSignInOptions extends OidcSettings {
  /** Opens the URL in the system browser (`shell.openExternal`). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Cancel. */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export interface OidcSignInResult {
  /** For `POST /v1/sessions` only; never stored. */
  readonly accessToken: string;
  /** Where "also sign out of your organisation" sends the browser, if the IdP has one. */
  readonly endSessionUrl: string | null;
}

export async function signInWithOidc(options: OidcSignInOptions): Promise<OidcSignInResult> {
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new OidcSignInError('timed-out', signInWords.timedOut(SIGN_IN_TIMEOUT_MS / 60_000))),
    timeoutMs,
  );
  const onCancel = () => controller.abort(new OidcSignInError('cancelled', signInWords.cancelled()));
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    const config = await discoverIdp(options, controller.signal);
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const redirect = await listenForRedirect(state, controller.signal);
    try {
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: redirect.redirectUri,
        scope: options.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      // Cancelled (or timed out) while the IdP's metadata was on its way: open nothing.
      if (controller.signal.aborted) throw controller.signal.reason;
      await options.openExternal(browserSafe(authorizationUrl, 'authorization_endpoint'));
      const callback = await redirect.received;
      const accessToken = await redeemCode(
        config,
        callback,
        { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce },
        controller.signal,
      );
      return { accessToken, endSessionUrl: endSessionUrl(config, options.clientId) };
    } finally {
      redirect.close();
    }
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof OidcSignInError)
      throw controller.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** The IdP's metadata (`/.well-known/openid-configuration`), through openid-client. */
export async function discoverIdp(settings: OidcSettings, signal: AbortSignal): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain http only for an IdP on this computer (development and tests), as for backend URLs.
  const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
  try {
    return await client.discovery(issuer, settings.clientId, undefined, client.None(), {
      timeout: IDP_REQUEST_TIMEOUT_S,
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw asSignInError(error, issuer.host);
  }
}

/**
 * The code exchange and every check on its answer (state, PKCE at the IdP, ID token signature,
 * issuer, audience, nonce, timestamps); answers the access token only: the ID token and any
 * refresh token are dropped here. Failures become `OidcSignInError`s.
 */
export async function redeemCode(
  config: client.Configuration,
  callback: URL,
  checks: client.AuthorizationCodeGrantChecks & { expectedNonce: string },
  signal: AbortSignal,
): Promise<string> {
  try {
    const tokens = await client.authorizationCodeGrant(config, callback, { ...checks, idTokenExpected: true });
    if (signal.aborted) throw signal.reason;
    return tokens.access_token;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw asSignInError(error, new URL(config.serverMetadata().issuer).host);
  }
}

function endSessionUrl(config: client.Configuration, clientId: string): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  try {
    return browserSafe(client.buildEndSessionUrl(config, { client_id: clientId }), 'end_session_endpoint');
  } catch {
    return null;
  }
}

/**
 * What goes to `shell.openExternal` comes from the IdP's metadata, which the backend's discovery
 * document pointed at: only https (or http on loopback) is opened, never `file:`, a custom
 * scheme or anything else the OS would hand to another program.
 */
export function browserSafe(url: URL, what: string): string {
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!allowed) {
    throw new OidcSignInError('rejected', signInWords.unsafeAddress(what));
  }
  return url.href;
}

/** openid-client's and oauth4webapi's failures, in words; none of them quotes a token. */
export function asSignInError(error: unknown, idpHost: string): OidcSignInError {
  if (error instanceof OidcSignInError) return error;
  if (error instanceof client.AuthorizationResponseError || error instanceof client.ResponseBodyError) {
    const description = sanitiseIdpDescription(error.error_description);
    if (error.error === 'access_denied') {
      return new OidcSignInError('idp-error', signInWords.declined(description));
    }
    return new OidcSignInError('idp-error', signInWords.refused(idpHost, safeCode(error.error), description));
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') {
    return new OidcSignInError('clock-skew', signInWords.clockSkew());
  }
  if (typeof code === 'string' && code.startsWith('OAUTH_')) {
    return new OidcSignInError('rejected', signInWords.failedCheck(idpHost));
  }
  return new OidcSignInError('idp-unreachable', signInWords.unreachable(idpHost));
}

function safeCode(code: unknown): string {
  return typeof code === 'string' && /^[a-z_]{1,64}$/.test(code) ? code : 'error';
}

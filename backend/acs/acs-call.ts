/**
 * What every ACS call shares, whichever client makes it (the lean access-key client,
 * hmac-identity-gateway.ts, or the SDK for managed identity, identity-gateway.ts): the bound on
 * its time, and why it failed in terms the HTTP layer maps to a status (503/502 + Retry-After).
 * Both clients turn ACS's answers into failures through `acsFailureFromAnswer`, so the same ACS
 * answer maps the same way whichever made the call. A failure carries ACS's status, Retry-After
 * and error code only: never a key, a token or a body.
 */

/** The scopes of every token the backend asks ACS for: calling only. */
export const ACS_SCOPES = ['voip'] as const;

export type AcsFailureKind =
  | 'throttled' // ACS answered 429 or 503
  | 'unavailable' // timeout, network error, other 5xx
  | 'credentials-rejected' // 401/403: the backend's key or identity is wrong
  | 'identity-gone' // 404: the ACS user no longer exists
  | 'rejected'; // another 4xx: a bug or a misconfiguration (e.g. token lifetime)

export class AcsFailure extends Error {
  constructor(
    readonly kind: AcsFailureKind,
    /** ACS's status, when it answered. */
    readonly acsStatus: number | undefined,
    /** ACS's `Retry-After` in seconds, when it sent one. */
    readonly retryAfterSeconds: number | undefined,
    /** ACS's error code (e.g. `Denied`), never a secret. */
    readonly acsCode: string | undefined,
  ) {
    super(`ACS identity call failed: ${kind}${acsStatus ? ` (HTTP ${acsStatus}${acsCode ? ` ${acsCode}` : ''})` : ''}`);
    this.name = 'AcsFailure';
  }
}

/**
 * An ACS answer that was not the success the call expects. `retryAfter` is the raw header;
 * `code` is `error.code` from ACS's `{"error":{"code","message"}}` body, kept only when it looks
 * like a code (letters), so nothing else from the body can travel on.
 */
export function acsFailureFromAnswer(status: number, retryAfter: string | null | undefined, code: unknown): AcsFailure {
  const retryAfterNumber = retryAfter === null || retryAfter === undefined ? Number.NaN : Number(retryAfter);
  const retryAfterSeconds =
    Number.isFinite(retryAfterNumber) && retryAfterNumber >= 0 ? Math.ceil(retryAfterNumber) : undefined;
  const acsCode = typeof code === 'string' && /^[A-Za-z]{1,64}$/.test(code) ? code : undefined;
  if (status === 429 || status === 503) return new AcsFailure('throttled', status, retryAfterSeconds, acsCode);
  if (status === 401 || status === 403) return new AcsFailure('credentials-rejected', status, undefined, acsCode);
  if (status === 404) return new AcsFailure('identity-gone', status, undefined, acsCode);
  if (status >= 500) return new AcsFailure('unavailable', status, retryAfterSeconds, acsCode);
  return new AcsFailure('rejected', status, undefined, acsCode);
}

/** Timeouts, DNS, TLS and connection failures, and answers no ACS would give: ACS could not be reached. */
export const acsUnreachable = (): AcsFailure => new AcsFailure('unavailable', undefined, undefined, undefined);

/**
 * Runs one ACS call under an abort signal that fires after `timeoutMs`, and turns whatever it
 * throws into an `AcsFailure` with `toFailure`.
 *
 * A timer cleared as soon as the call settles, not `AbortSignal.timeout`: that one keeps its
 * signal and timer (and the client's listeners on it) alive for the whole timeout after the call
 * has answered, so every call's signal outlived two scavenges and was promoted to the old
 * generation, a fifth of what the 10 000-sign-in burst promoted (heap profile, docs/backend.md).
 */
export async function boundedAcsCall<T>(
  timeoutMs: number,
  work: (abortSignal: AbortSignal) => Promise<T>,
  toFailure: (error: unknown) => AcsFailure,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('ACS call timed out', 'TimeoutError')), timeoutMs);
  try {
    return await work(controller.signal);
  } catch (error) {
    throw toFailure(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connections to ACS are kept alive and reused. A server may close an idle one just as we send on
 * it; the request then fails at once, before ACS saw it (Node's documentation recommends one
 * retry for exactly this). With no other retries, that surfaced as a 502 to the app
 * (bench/backend-scale.bench.ts met it within a few thousand refreshes under load). One immediate
 * retry on a fresh connection, only for this error and only while the call's time is not up.
 */
export async function retryOnceIfConnectionClosed<T>(
  send: () => Promise<T>,
  isClosedConnection: (error: unknown) => boolean,
  signal: { readonly aborted: boolean } | undefined,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isClosedConnection(error) || signal?.aborted) throw error;
    return send();
  }
}

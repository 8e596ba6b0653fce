/**
 * Secrets never reach the log file: every value electron-log writes passes through here first.
 * Redacts by key name (token, secret, password, authorization, access key, connection string,
 * signature, cookie), by shape (JWTs, Bearer/HMAC credentials, `accesskey=` in connection strings,
 * `token=` in query strings), and long high-entropy strings such as Switchboard's refresh tokens.
 */

export const REDACTED = '[redacted]';

const SECRET_KEY =
  /token|secret|password|passwd|authorization|accesskey|access_key|connectionstring|signature|cookie|credential|apikey|api_key/i;

const TEXT_RULES: Array<[RegExp, string]> = [
  // JWTs (ACS access tokens, OIDC tokens): header.payload.signature, base64url.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // Authorization header values.
  [/\b(Bearer|Basic|HMAC-SHA256)\s+[^\s"',]+/gi, `$1 ${REDACTED}`],
  [/(Signature=)[^\s&"',;]+/gi, `$1${REDACTED}`],
  // Connection strings: endpoint=…;accesskey=…
  [/(accesskey=)[^;\s"']+/gi, `$1${REDACTED}`],
  // key=value and "key": "value" pairs whose key names a secret.
  [
    /((?:refresh_?token|access_?token|id_?token|token|secret|password|client_secret|api_?key)["']?\s*[:=]\s*["']?)[^"'\s&,;}]+/gi,
    `$1${REDACTED}`,
  ],
];

/** Base64/base64url runs this long with mixed case and digits are keys or tokens, not words or ids. */
const OPAQUE_RUN = /[A-Za-z0-9+/_-]{40,}={0,2}/g;

function looksOpaque(run: string): boolean {
  return /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
}

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of TEXT_RULES) result = result.replace(pattern, replacement);
  return result.replace(OPAQUE_RUN, (run) => (looksOpaque(run) ? REDACTED : run));
}

/** A redacted copy of any loggable value: strings, errors, arrays and plain objects (cycle-safe). */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack ? redactText(value.stack) : undefined;
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  if (value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) && item !== null && item !== undefined ? REDACTED : redactValue(item, seen);
  }
  return copy;
}

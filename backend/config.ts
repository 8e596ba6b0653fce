/**
 * Every setting of the backend, read from the environment once at start-up. One table declares
 * each setting's name, help text and parser, so that `--help` and validation cannot disagree.
 * A bad value stops start-up with one line that names the setting and says what to fix, and
 * never echoes a secret back.
 */

import { isIP } from 'node:net';
import { E164PhoneNumberSchema, type SignInMode } from '../common/backend-contract';
import { isLoopbackHost } from '../common/backend-url';
import { BACKEND_NODE_OPTIONS } from './node-options';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface BackendConfig {
  readonly host: string;
  readonly port: number;
  readonly acs:
    | { readonly kind: 'access-key'; readonly connectionString: string; readonly endpoint: string }
    | { readonly kind: 'managed-identity'; readonly endpoint: string };
  readonly tokenLifetimeMinutes: number;
  readonly acsTimeoutMs: number;
  readonly signInMode: SignInMode;
  readonly alternateCallerId: string | null;
  readonly database:
    | { readonly kind: 'sqlite'; readonly path: string }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly sessionIdleDays: number;
  /** A session ends this long after sign-in, however often it refreshes. */
  readonly sessionMaxDays: number;
  readonly rateLimitPerIp: number;
  readonly rateLimitPerSession: number;
  /** Company-directory requests per minute for one session (searches as people type). */
  readonly rateLimitDirectoryPerSession: number;
  /** Proxy hops, or the proxies' addresses, whose X-Forwarded-For is believed; `false` for none. */
  readonly trustProxy: false | number | readonly string[];
  readonly logLevel: LogLevel;
  readonly development: boolean;
  /** Set in `oidc` mode (null in `open` mode). */
  readonly oidc: OidcConfig | null;
  /** `open` mode beyond loopback or behind a proxy: refused unless this is set. */
  readonly allowOpenSignInOnNetwork: boolean;
}

/** `SIGN_IN_MODE=oidc`: who issues the tokens `POST /v1/sessions` accepts, and what they must say. */
export interface OidcConfig {
  /** Compared exactly with `iss` (Entra ID v2.0: `https://login.microsoftonline.com/<tenant id>/v2.0`). */
  readonly issuer: string;
  /** What `aud` must contain: the backend API's identifier (Entra ID: `api://<app id>` or the app id). */
  readonly audience: string;
  /** The desktop's public client, advertised in discovery. */
  readonly clientId: string;
  /** Advertised in discovery: what the desktop asks the IdP for. */
  readonly scopes: readonly string[];
  /** Each must hold: a string claim equal to `value`, or an array claim containing it. */
  readonly requiredClaims: readonly RequiredClaim[];
}

export interface RequiredClaim {
  readonly claim: string;
  readonly value: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

interface Setting {
  readonly name: string;
  readonly help: string;
  readonly default?: string;
}

/** The settings, in the order `--help` lists them. */
export const SETTINGS: readonly Setting[] = [
  {
    name: 'ACS_CONNECTION_STRING',
    help: 'Access-key mode: the ACS resource connection string (endpoint=https://…;accesskey=…). Exactly one of this and ACS_ENDPOINT.',
  },
  {
    name: 'ACS_ENDPOINT',
    help: 'Managed-identity mode: the ACS resource endpoint (https://<name>.communication.azure.com). The credential comes from DefaultAzureCredential (App Service managed identity, AZURE_CLIENT_ID for a user-assigned one, az login locally).',
  },
  {
    name: 'ACS_TOKEN_LIFETIME_MINUTES',
    help: 'Lifetime of the ACS user tokens the backend issues, 60–1440.',
    default: '60',
  },
  { name: 'ACS_TIMEOUT_MS', help: 'Upper bound for one ACS call, 100–60000 ms.', default: '10000' },
  {
    name: 'SIGN_IN_MODE',
    help: 'How users sign in: "oidc" (a bearer token from your organisation\'s OpenID Connect provider, e.g. Entra ID) or "open" (anyone who reaches the backend; development only).',
    default: 'open',
  },
  {
    name: 'OIDC_ISSUER',
    help: 'oidc mode: the issuer, exactly as in its tokens\' "iss" (Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0). https; plain http only on loopback.',
  },
  {
    name: 'OIDC_AUDIENCE',
    help: 'oidc mode: what the tokens\' "aud" must contain, the backend API\'s identifier (Entra ID: api://<app id>).',
  },
  { name: 'OIDC_CLIENT_ID', help: "oidc mode: the desktop app's public client id, advertised in discovery." },
  {
    name: 'OIDC_SCOPES',
    help: 'oidc mode: space-separated scopes the desktop asks for. Default: "openid profile email <OIDC_AUDIENCE>/.default" (an access token for the API, as Entra ID names it).',
  },
  {
    name: 'OIDC_REQUIRED_CLAIMS',
    help: 'oidc mode: comma-separated claim=value; a string claim must equal the value, an array claim (groups) must contain it. Example: tid=<tenant id>,groups=<group id>.',
  },
  {
    name: 'ALLOW_OPEN_SIGN_IN_ON_NETWORK',
    help: '"true" lets SIGN_IN_MODE=open listen beyond loopback or behind a proxy (TRUST_PROXY): anyone who reaches it gets ACS tokens.',
    default: 'false',
  },
  {
    name: 'PSTN_ALTERNATE_CALLER_ID',
    help: 'E.164 number (e.g. +14255550123) the app shows as caller id on phone calls; an ACS number you own.',
  },
  {
    name: 'DATABASE_URL',
    help: 'PostgreSQL connection URL (postgres://…) to keep sessions in PostgreSQL; several instances can share it.',
  },
  {
    name: 'SQLITE_PATH',
    help: 'SQLite file for sessions when DATABASE_URL is not set (created with its folder).',
    default: 'data/switchboard.sqlite',
  },
  { name: 'SESSION_IDLE_DAYS', help: 'A session ends after this many days without a refresh, 1–365.', default: '30' },
  {
    name: 'SESSION_MAX_DAYS',
    help: 'A session ends this many days after sign-in however often it refreshes, 1–3650.',
    default: '90',
  },
  { name: 'RATE_LIMIT_PER_IP', help: 'Requests per minute from one client address.', default: '120' },
  { name: 'RATE_LIMIT_PER_SESSION', help: 'Token and sign-out requests per minute for one session.', default: '30' },
  {
    name: 'RATE_LIMIT_DIRECTORY_PER_SESSION',
    help: 'Company-directory requests (people searches and look-ups) per minute for one session.',
    default: '120',
  },
  { name: 'HOST', help: 'Address to listen on (0.0.0.0 in a container).', default: '127.0.0.1' },
  { name: 'PORT', help: 'Port to listen on.', default: '8787' },
  {
    name: 'TRUST_PROXY',
    help: 'Whose X-Forwarded-For to believe: a hop count (1 behind App Service) or the proxies\' addresses (10.0.0.5,10.1.0.0/16); "false" for none. Never all: a client could then pick its own address.',
    default: 'false',
  },
  { name: 'LOG_LEVEL', help: 'fatal, error, warn, info, debug, trace or silent.', default: 'info' },
  {
    name: 'SWITCHBOARD_DEVELOPMENT',
    help: '"true" allows a plain-http ACS endpoint (local stand-ins only). Never in production.',
    default: 'false',
  },
];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function settingsHelp(): string {
  const width = Math.max(...SETTINGS.map((s) => s.name.length));
  const lines = SETTINGS.map(
    (s) => `  ${s.name.padEnd(width)}  ${s.help}${s.default === undefined ? '' : ` Default: ${s.default}.`}`,
  );
  return [
    'Switchboard reference backend: sessions and ACS user tokens for the desktop app.',
    '',
    'Usage: npm run backend [-- --help]',
    `Deployed: node ${BACKEND_NODE_OPTIONS.join(' ')} main.mjs (the bundle; see docs/backend.md)`,
    'Settings come from environment variables:',
    '',
    ...lines,
    '',
    'Details: docs/backend.md',
  ].join('\n');
}

/**
 * `open` sign-in hands an ACS identity to anyone who can reach the backend: fine on loopback,
 * dangerous anywhere else, and behind a proxy (which forwards the network's requests to loopback).
 * Start-up refuses it unless ALLOW_OPEN_SIGN_IN_ON_NETWORK=true, and then warns loudly.
 */
export function isOpenSignInExposed(config: Pick<BackendConfig, 'signInMode' | 'host' | 'trustProxy'>): boolean {
  return config.signInMode === 'open' && (!listensOnLoopback(config.host) || config.trustProxy !== false);
}

/** Whether HOST keeps the backend on this computer (127.0.0.0/8, ::1, localhost). */
export function listensOnLoopback(configuredHost: string): boolean {
  const host = configuredHost.replace(/^\[|\]$/g, '');
  return isLoopbackHost(host) || host === 'localhost' || host === '::1';
}

function parseOidc(value: (name: string) => string | undefined): OidcConfig {
  const required = (name: string, what: string): string => {
    const raw = value(name);
    if (raw === undefined) throw new ConfigError(`SIGN_IN_MODE=oidc needs ${name}: ${what}; see --help.`);
    return raw;
  };
  const issuer = required('OIDC_ISSUER', "the issuer URL exactly as in its tokens' iss");
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(
      `OIDC_ISSUER is not a URL: expected https://… exactly as the tokens' "iss" (Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0).`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ConfigError('OIDC_ISSUER must start with https:// (plain http:// only for an issuer on loopback).');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError('OIDC_ISSUER must be a bare issuer URL: no user name, password, "?…" or "#…".');
  }
  const audience = required('OIDC_AUDIENCE', "what the tokens' aud must contain (the API's identifier)");
  const clientId = required('OIDC_CLIENT_ID', "the desktop app's public client id");
  const scopes = (value('OIDC_SCOPES') ?? `openid profile email ${audience}/.default`).split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) {
    throw new ConfigError('OIDC_SCOPES must include "openid" (the desktop signs in with OpenID Connect).');
  }
  return { issuer, audience, clientId, scopes, requiredClaims: parseRequiredClaims(value('OIDC_REQUIRED_CLAIMS')) };
}

function parseRequiredClaims(raw: string | undefined): RequiredClaim[] {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const separator = part.indexOf('=');
      const claim = part.slice(0, separator).trim();
      const value = part.slice(separator + 1).trim();
      if (separator <= 0 || claim === '' || value === '') {
        throw new ConfigError(
          `OIDC_REQUIRED_CLAIMS must be comma-separated claim=value pairs such as tid=<tenant id>,groups=<group id>; "${part}" is not one.`,
        );
      }
      return { claim, value };
    });
}

/** Parses the environment; throws `ConfigError` with one line that says what to fix. */
export function parseConfig(env: Environment): BackendConfig {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    if (raw) return raw;
    return SETTINGS.find((s) => s.name === name)?.default;
  };
  const development = parseBoolean('SWITCHBOARD_DEVELOPMENT', value('SWITCHBOARD_DEVELOPMENT'));

  const connectionString = value('ACS_CONNECTION_STRING');
  const endpoint = value('ACS_ENDPOINT');
  if (connectionString && endpoint) {
    throw new ConfigError(
      'Set either ACS_CONNECTION_STRING (access key) or ACS_ENDPOINT (managed identity), not both.',
    );
  }
  if (!connectionString && !endpoint) {
    throw new ConfigError(
      'Set ACS_CONNECTION_STRING (access key) or ACS_ENDPOINT (managed identity) to reach Azure Communication Services; see --help.',
    );
  }
  const acs = connectionString
    ? parseConnectionString(connectionString, development)
    : { kind: 'managed-identity' as const, endpoint: parseEndpoint('ACS_ENDPOINT', endpoint ?? '', development) };

  const signInMode = value('SIGN_IN_MODE');
  if (signInMode !== 'open' && signInMode !== 'oidc') {
    throw new ConfigError(`SIGN_IN_MODE must be "oidc" or "open", not "${signInMode}".`);
  }
  const oidc = signInMode === 'oidc' ? parseOidc(value) : null;

  const callerId = value('PSTN_ALTERNATE_CALLER_ID');
  if (callerId !== undefined && !E164PhoneNumberSchema.safeParse(callerId).success) {
    throw new ConfigError(
      `PSTN_ALTERNATE_CALLER_ID must be an E.164 number such as +14255550123 (a plus, then digits only), not "${callerId}".`,
    );
  }

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL starting with postgres:// or postgresql://.');
  }

  const host = value('HOST') ?? '127.0.0.1';
  const trustProxy = parseTrustProxy(value('TRUST_PROXY'));
  const allowOpenSignInOnNetwork = parseBoolean(
    'ALLOW_OPEN_SIGN_IN_ON_NETWORK',
    value('ALLOW_OPEN_SIGN_IN_ON_NETWORK'),
  );
  if (isOpenSignInExposed({ signInMode, host, trustProxy }) && !allowOpenSignInOnNetwork) {
    throw new ConfigError(
      `SIGN_IN_MODE=open gives ACS tokens to anyone who reaches the backend, so it listens on loopback only (HOST=${host}${trustProxy === false ? '' : ', TRUST_PROXY set'}): use SIGN_IN_MODE=oidc, or set ALLOW_OPEN_SIGN_IN_ON_NETWORK=true on a trusted network.`,
    );
  }

  return {
    host,
    port: parseInteger('PORT', value('PORT'), 0, 65535),
    acs,
    tokenLifetimeMinutes: parseInteger('ACS_TOKEN_LIFETIME_MINUTES', value('ACS_TOKEN_LIFETIME_MINUTES'), 60, 1440),
    acsTimeoutMs: parseInteger('ACS_TIMEOUT_MS', value('ACS_TIMEOUT_MS'), 100, 60_000),
    signInMode,
    alternateCallerId: callerId ?? null,
    database: databaseUrl
      ? { kind: 'postgres', url: databaseUrl }
      : { kind: 'sqlite', path: value('SQLITE_PATH') ?? 'data/switchboard.sqlite' },
    sessionIdleDays: parseInteger('SESSION_IDLE_DAYS', value('SESSION_IDLE_DAYS'), 1, 365),
    sessionMaxDays: parseInteger('SESSION_MAX_DAYS', value('SESSION_MAX_DAYS'), 1, 3650),
    rateLimitPerIp: parseInteger('RATE_LIMIT_PER_IP', value('RATE_LIMIT_PER_IP'), 1, 1_000_000),
    rateLimitPerSession: parseInteger('RATE_LIMIT_PER_SESSION', value('RATE_LIMIT_PER_SESSION'), 1, 1_000_000),
    rateLimitDirectoryPerSession: parseInteger(
      'RATE_LIMIT_DIRECTORY_PER_SESSION',
      value('RATE_LIMIT_DIRECTORY_PER_SESSION'),
      1,
      1_000_000,
    ),
    trustProxy,
    logLevel: parseLogLevel(value('LOG_LEVEL')),
    development,
    oidc,
    allowOpenSignInOnNetwork,
  };
}

/**
 * `endpoint=https://…;accesskey=<base64>`, keys in any order and case. The messages name the
 * part that is wrong and never repeat the string (it holds the key).
 */
function parseConnectionString(
  connectionString: string,
  development: boolean,
): { kind: 'access-key'; connectionString: string; endpoint: string } {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    if (part.trim() === '') continue;
    const separator = part.indexOf('=');
    if (separator <= 0) {
      throw new ConfigError(
        'ACS_CONNECTION_STRING is malformed: expected "endpoint=https://<resource>.communication.azure.com/;accesskey=<key>" (copy it from the ACS resource\'s Keys page in the Azure portal).',
      );
    }
    parts.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
  }
  const endpoint = parts.get('endpoint');
  const accessKey = parts.get('accesskey');
  if (!endpoint || !accessKey) {
    throw new ConfigError(
      `ACS_CONNECTION_STRING is malformed: the ${endpoint ? 'accesskey' : 'endpoint'} part is missing (expected "endpoint=https://<resource>.communication.azure.com/;accesskey=<key>").`,
    );
  }
  const parsedEndpoint = parseEndpoint('the endpoint in ACS_CONNECTION_STRING', endpoint, development);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(accessKey) || Buffer.from(accessKey, 'base64').length < 16) {
    throw new ConfigError(
      'ACS_CONNECTION_STRING is malformed: the accesskey part is not a base64 key (copy the whole connection string from the Azure portal).',
    );
  }
  // The SDK's own parser is stricter about order: hand it the canonical form.
  return {
    kind: 'access-key',
    connectionString: `endpoint=${parsedEndpoint};accesskey=${accessKey}`,
    endpoint: parsedEndpoint,
  };
}

function parseEndpoint(what: string, raw: string, development: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${what} is not a URL: expected https://<resource>.communication.azure.com/.`);
  }
  if (url.protocol === 'http:' && !development) {
    throw new ConfigError(
      `${what} uses plain http://; ACS needs https:// (plain http is only for local stand-ins with SWITCHBOARD_DEVELOPMENT=true).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${what} must start with https://.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`${what} must be a bare https://<resource>.communication.azure.com/ address.`);
  }
  return `${url.protocol}//${url.host}/`;
}

function parseInteger(name: string, raw: string | undefined, min: number, max: number): number {
  const parsed = Number(raw);
  if (raw === undefined || !/^\d+$/.test(raw) || parsed < min || parsed > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw ?? ''}".`);
  }
  return parsed;
}

function parseBoolean(name: string, raw: string | undefined): boolean {
  if (raw === 'true' || raw === '1') return true;
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be "true" or "false", not "${raw}".`);
}

/**
 * "true" (believe every X-Forwarded-For entry) is refused: the client writes the leftmost entries
 * itself, so it could pick a new address per request and dodge the per-IP limit.
 */
function parseTrustProxy(raw: string | undefined): false | number | readonly string[] {
  if (raw === undefined || raw === 'false') return false;
  if (/^\d+$/.test(raw) && Number(raw) <= 10) return Number(raw);
  const addresses = raw.split(',').map((part) => part.trim());
  if (raw !== 'true' && addresses.every(isAddressOrRange)) return addresses;
  throw new ConfigError(
    `TRUST_PROXY must be a hop count from 0 to 10 or the proxies' addresses (e.g. 10.0.0.5,10.1.0.0/16), not "${raw}"${raw === 'true' ? ': trusting every hop lets a client choose its own address' : ''}.`,
  );
}

function isAddressOrRange(value: string): boolean {
  const [address = '', bits, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseLogLevel(raw: string | undefined): LogLevel {
  const level = (raw ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(level))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${raw}".`);
  return level;
}

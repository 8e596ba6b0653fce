import { describe, expect, test } from 'vitest';
import { ConfigError, isOpenSignInExposed, parseConfig, SETTINGS, settingsHelp } from '../../../backend/config';

const KEY = Buffer.alloc(32, 3).toString('base64');
const ACCESS_KEY_MODE = { ACS_CONNECTION_STRING: `endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}` };

function refusal(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error('the configuration was accepted');
}

describe('parseConfig', () => {
  test('access-key mode with defaults', () => {
    const config = parseConfig(ACCESS_KEY_MODE);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      acs: { kind: 'access-key', endpoint: 'https://contoso.communication.azure.com/' },
      tokenLifetimeMinutes: 60,
      signInMode: 'open',
      alternateCallerId: null,
      database: { kind: 'sqlite', path: 'data/switchboard.sqlite' },
      trustProxy: false,
      development: false,
    });
  });

  test('keys in any order and case are accepted and normalised for the SDK', () => {
    const config = parseConfig({
      ACS_CONNECTION_STRING: `AccessKey=${KEY};Endpoint=https://contoso.communication.azure.com`,
    });
    expect(config.acs).toEqual({
      kind: 'access-key',
      endpoint: 'https://contoso.communication.azure.com/',
      connectionString: `endpoint=https://contoso.communication.azure.com/;accesskey=${KEY}`,
    });
  });

  test('managed-identity mode, PostgreSQL, caller id and proxy hops', () => {
    const config = parseConfig({
      ACS_ENDPOINT: 'https://contoso.communication.azure.com',
      DATABASE_URL: 'postgres://user:pw@db.example.com/switchboard',
      PSTN_ALTERNATE_CALLER_ID: '+14255550123',
      TRUST_PROXY: '1',
      ALLOW_OPEN_SIGN_IN_ON_NETWORK: 'true',
      ACS_TOKEN_LIFETIME_MINUTES: '1440',
    });
    expect(config).toMatchObject({
      acs: { kind: 'managed-identity', endpoint: 'https://contoso.communication.azure.com/' },
      database: { kind: 'postgres' },
      alternateCallerId: '+14255550123',
      trustProxy: 1,
      tokenLifetimeMinutes: 1440,
    });
  });

  test.each([
    ['neither mode', {}, /ACS_CONNECTION_STRING .* or ACS_ENDPOINT/],
    ['both modes', { ...ACCESS_KEY_MODE, ACS_ENDPOINT: 'https://contoso.communication.azure.com' }, /not both/],
    [
      'no accesskey',
      { ACS_CONNECTION_STRING: 'endpoint=https://contoso.communication.azure.com/' },
      /accesskey part is missing/,
    ],
    ['no endpoint', { ACS_CONNECTION_STRING: `accesskey=${KEY}` }, /endpoint part is missing/],
    [
      'a key that is not base64',
      { ACS_CONNECTION_STRING: 'endpoint=https://contoso.communication.azure.com/;accesskey=s3cr3t!' },
      /not a base64 key/,
    ],
    ['no key=value at all', { ACS_CONNECTION_STRING: 'hello' }, /malformed/],
    ['an http endpoint', { ACS_ENDPOINT: 'http://contoso.communication.azure.com' }, /plain http/],
    [
      'an http endpoint in the connection string',
      { ACS_CONNECTION_STRING: `endpoint=http://localhost:1/;accesskey=${KEY}` },
      /plain http/,
    ],
    [
      'a lifetime of 59',
      { ...ACCESS_KEY_MODE, ACS_TOKEN_LIFETIME_MINUTES: '59' },
      /ACS_TOKEN_LIFETIME_MINUTES .* 60 to 1440/,
    ],
    ['a lifetime of 1441', { ...ACCESS_KEY_MODE, ACS_TOKEN_LIFETIME_MINUTES: '1441' }, /60 to 1440/],
    ['a lifetime of "1h"', { ...ACCESS_KEY_MODE, ACS_TOKEN_LIFETIME_MINUTES: '1h' }, /whole number/],
    ['a caller id with spaces', { ...ACCESS_KEY_MODE, PSTN_ALTERNATE_CALLER_ID: '+1 425 555 0123' }, /E\.164/],
    ['a MySQL database', { ...ACCESS_KEY_MODE, DATABASE_URL: 'mysql://x' }, /postgres:\/\//],
    ['an unknown sign-in mode', { ...ACCESS_KEY_MODE, SIGN_IN_MODE: 'saml' }, /SIGN_IN_MODE/],
    ['a port out of range', { ...ACCESS_KEY_MODE, PORT: '70000' }, /PORT/],
    ['an unknown log level', { ...ACCESS_KEY_MODE, LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %s with one line that names what to fix', (_name, env, expected) => {
    expect(refusal(env)).toMatch(expected);
  });

  test('plain http to ACS is allowed only in development (local stand-ins)', () => {
    const config = parseConfig({ ACS_ENDPOINT: 'http://localhost:9999', SWITCHBOARD_DEVELOPMENT: 'true' });
    expect(config.acs.endpoint).toBe('http://localhost:9999/');
  });

  test('no refusal repeats the access key or the database password', () => {
    const secretKey = 'VGhpc0lzQVNlY3JldEtleVRoYXRNdXN0TmV2ZXJMZWFr';
    for (const env of [
      { ACS_CONNECTION_STRING: `endpoint=http://x/;accesskey=${secretKey}` },
      { ACS_CONNECTION_STRING: `endpoint=notaurl;accesskey=${secretKey}` },
      { ACS_CONNECTION_STRING: `accesskey=${secretKey}` },
      { ACS_CONNECTION_STRING: `endpoint=https://x/;accesskey=${secretKey}`, DATABASE_URL: 'mysql://u:hunter2@h/db' },
      { ACS_CONNECTION_STRING: `endpoint=https://x/;accesskey=${secretKey}`, ACS_ENDPOINT: 'https://x/' },
    ]) {
      const message = refusal(env);
      expect(message).not.toContain(secretKey);
      expect(message).not.toContain('hunter2');
    }
  });

  test('--help lists every setting with its default', () => {
    const help = settingsHelp();
    for (const setting of SETTINGS) {
      expect(help).toContain(setting.name);
      if (setting.default !== undefined) expect(help).toContain(`Default: ${setting.default}.`);
    }
  });

  test('open sign-in is "exposed" when listening beyond loopback or behind a proxy', () => {
    const exposed = (
      signInMode: 'open' | 'oidc',
      host: string,
      trustProxy: false | number | readonly string[] = false,
    ) => isOpenSignInExposed({ signInMode, host, trustProxy });
    expect(exposed('open', '127.0.0.1')).toBe(false);
    expect(exposed('open', 'localhost')).toBe(false);
    expect(exposed('open', '::1')).toBe(false);
    expect(exposed('open', '0.0.0.0')).toBe(true);
    expect(exposed('open', '::')).toBe(true);
    expect(exposed('open', '10.0.0.4')).toBe(true);
    expect(exposed('open', '127.0.0.1', 1)).toBe(true);
    expect(exposed('open', '127.0.0.1', ['10.0.0.5'])).toBe(true);
    expect(exposed('oidc', '0.0.0.0', 1)).toBe(false);
  });

  test('open sign-in beyond loopback or behind a proxy stops start-up unless explicitly allowed', () => {
    expect(refusal({ ...ACCESS_KEY_MODE, HOST: '0.0.0.0' })).toMatch(
      /SIGN_IN_MODE=open .*loopback only \(HOST=0\.0\.0\.0\).*ALLOW_OPEN_SIGN_IN_ON_NETWORK=true/,
    );
    expect(refusal({ ...ACCESS_KEY_MODE, TRUST_PROXY: '1' })).toMatch(/TRUST_PROXY set/);
    expect(parseConfig({ ...ACCESS_KEY_MODE, HOST: '0.0.0.0', ALLOW_OPEN_SIGN_IN_ON_NETWORK: 'true' }).host).toBe(
      '0.0.0.0',
    );
  });
});

describe('oidc settings', () => {
  const OIDC = {
    ...ACCESS_KEY_MODE,
    SIGN_IN_MODE: 'oidc',
    OIDC_ISSUER: 'https://login.microsoftonline.com/72f988bf-0000-0000-0000-000000000000/v2.0',
    OIDC_AUDIENCE: 'api://5e1f0000-0000-0000-0000-000000000001',
    OIDC_CLIENT_ID: '0a1b0000-0000-0000-0000-000000000002',
  };

  test('defaults: scopes ask for an access token for the audience; no required claims; any host', () => {
    const config = parseConfig({ ...OIDC, HOST: '0.0.0.0', TRUST_PROXY: '1' });
    expect(config.signInMode).toBe('oidc');
    expect(config.oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      audience: OIDC.OIDC_AUDIENCE,
      clientId: OIDC.OIDC_CLIENT_ID,
      scopes: ['openid', 'profile', 'email', `${OIDC.OIDC_AUDIENCE}/.default`],
      requiredClaims: [],
    });
  });

  test('scopes and required claims are parsed', () => {
    const config = parseConfig({
      ...OIDC,
      OIDC_SCOPES: 'openid  profile api://x/access_as_user',
      OIDC_REQUIRED_CLAIMS: 'tid=72f988bf, groups = g-1 ',
    });
    expect(config.oidc?.scopes).toEqual(['openid', 'profile', 'api://x/access_as_user']);
    expect(config.oidc?.requiredClaims).toEqual([
      { claim: 'tid', value: '72f988bf' },
      { claim: 'groups', value: 'g-1' },
    ]);
  });

  test.each([
    [{ OIDC_ISSUER: undefined }, /needs OIDC_ISSUER/],
    [{ OIDC_AUDIENCE: undefined }, /needs OIDC_AUDIENCE/],
    [{ OIDC_CLIENT_ID: undefined }, /needs OIDC_CLIENT_ID/],
    [{ OIDC_ISSUER: 'login.microsoftonline.com' }, /OIDC_ISSUER is not a URL/],
    [{ OIDC_ISSUER: 'http://idp.example.com' }, /https:\/\/ \(plain http:\/\/ only for an issuer on loopback\)/],
    [{ OIDC_ISSUER: 'https://idp.example.com/?x=1' }, /bare issuer URL/],
    [{ OIDC_SCOPES: 'profile email' }, /must include "openid"/],
    [{ OIDC_REQUIRED_CLAIMS: 'tid' }, /claim=value pairs .* "tid" is not one/],
    [{ OIDC_REQUIRED_CLAIMS: 'tid=a,=b' }, /"=b" is not one/],
    [{ SIGN_IN_MODE: 'saml' }, /SIGN_IN_MODE must be "oidc" or "open", not "saml"/],
  ])('refuses %o in one line', (change, message) => {
    expect(refusal({ ...OIDC, ...change })).toMatch(message);
  });

  test('plain http is accepted for an issuer on loopback', () => {
    expect(parseConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
  });
});

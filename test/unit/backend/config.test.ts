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

  test('open sign-in is "exposed" exactly when listening beyond loopback', () => {
    expect(isOpenSignInExposed({ signInMode: 'open', host: '127.0.0.1' })).toBe(false);
    expect(isOpenSignInExposed({ signInMode: 'open', host: 'localhost' })).toBe(false);
    expect(isOpenSignInExposed({ signInMode: 'open', host: '::1' })).toBe(false);
    expect(isOpenSignInExposed({ signInMode: 'open', host: '0.0.0.0' })).toBe(true);
    expect(isOpenSignInExposed({ signInMode: 'open', host: '::' })).toBe(true);
    expect(isOpenSignInExposed({ signInMode: 'open', host: '10.0.0.4' })).toBe(true);
    expect(isOpenSignInExposed({ signInMode: 'oidc', host: '0.0.0.0' })).toBe(false);
  });
});

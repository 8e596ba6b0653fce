import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { censorSecrets, createLogger } from '../../../backend/logging';

const SECRET = 'rt_5ecret-value-that-must-not-appear';

/** Logs one entry through the backend's real logger and answers the JSON line it wrote. */
function logged(entry: Record<string, unknown>): Record<string, unknown> {
  let line = '';
  const destination = new Writable({
    write(chunk, _encoding, done) {
      line += chunk.toString();
      done();
    },
  });
  createLogger('info', destination).info(entry, 'entry');
  expect(line).not.toContain(SECRET);
  return JSON.parse(line) as Record<string, unknown>;
}

describe('backend log censoring', () => {
  test('secret keys are censored at the top level, one level down, and in headers two levels down', () => {
    const line = logged({
      refreshToken: SECRET,
      acs: { token: SECRET, status: 401 },
      config: { connectionString: SECRET, accessKey: SECRET, port: 8787 },
      req: { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, host: 'localhost' } },
      headers: { authorization: SECRET },
    });
    expect(line).toMatchObject({
      refreshToken: '[redacted]',
      acs: { token: '[redacted]', status: 401 },
      config: { connectionString: '[redacted]', accessKey: '[redacted]', port: 8787 },
      headers: { authorization: '[redacted]' },
    });
    // The request serializer keeps method, url and address only.
    expect(line.req).toEqual({ method: 'POST' });
  });

  test('an own secret property of a class instance (an error) is censored too', () => {
    const error = Object.assign(new Error('failed'), { accessToken: SECRET });
    const line = logged({ failure: error });
    expect(line.failure).toMatchObject({ accessToken: '[redacted]' });
  });

  test('entries without secrets (within the depth it looks at) are passed through as they are, without a copy', () => {
    const entry = { sessionId: 'abc', acs: { kind: 'throttled', status: 429 }, a: { b: { c: { token: 'x' } } } };
    expect(censorSecrets(entry)).toBe(entry);
  });

  test('the entry the caller passed is never modified', () => {
    const entry = { acs: { token: SECRET } };
    const censored = censorSecrets(entry);
    expect(censored).toEqual({ acs: { token: '[redacted]' } });
    expect(entry.acs.token).toBe(SECRET);
  });
});

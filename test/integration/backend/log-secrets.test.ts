/**
 * Logs never hold a secret: a full run at the most verbose level (sign-ins, rotations, reuse,
 * sign-out, ACS throttling, timeouts and a rejected key, malformed requests, rate limits) is
 * captured, then searched for every access key, connection string, refresh token and ACS token
 * the run used.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { backendRoutes, SessionAnswerSchema } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

let backend: TestBackend;
let wrongKeyBackend: TestBackend;
const wrongKey = Buffer.alloc(32, 9).toString('base64');

beforeAll(async () => {
  backend = await startTestBackend({
    settings: { LOG_LEVEL: 'trace', ACS_TIMEOUT_MS: '300', RATE_LIMIT_PER_SESSION: '4' },
  });
  wrongKeyBackend = await startTestBackend({
    standIn: backend.standIn,
    settings: {
      LOG_LEVEL: 'trace',
      ACS_CONNECTION_STRING: `endpoint=${backend.standIn.endpoint};accesskey=${wrongKey}`,
    },
  });
});
afterAll(async () => {
  await wrongKeyBackend.close();
  await backend.close();
});

test('a full run logs request ids and none of the secrets it used', async () => {
  const secrets: string[] = [backend.standIn.accessKey, backend.standIn.connectionString, wrongKey];
  const remember = (answer: { accessToken: { token: string }; session: { refreshToken: string } }) => {
    secrets.push(answer.accessToken.token, answer.session.refreshToken);
  };
  const refresh = async (token: string) => {
    const response = await fetch(`${backend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status === 200) {
      const answer = SessionAnswerSchema.parse(await response.json());
      remember(answer);
      return answer.session.refreshToken;
    }
    await response.text();
    return token;
  };

  const first = await backend.signIn('Logged');
  remember(first);
  const second = await refresh(first.session.refreshToken);
  await refresh(second);
  await refresh(first.session.refreshToken); // reuse: the session is revoked and logged as such

  const other = await backend.signIn('Throttled');
  remember(other);
  backend.standIn.failNext(1, { status: 429, retryAfterSeconds: 1 });
  await refresh(other.session.refreshToken);
  backend.standIn.setLatency(2_000);
  await refresh(other.session.refreshToken);
  backend.standIn.setLatency(0);
  let current = other.session.refreshToken;
  for (let i = 0; i < 4; i++) current = await refresh(current); // into the per-session limit
  await fetch(`${backend.url}${backendRoutes.currentSession}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${current}` },
  });

  await fetch(`${backend.url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${first.session.refreshToken}` },
    body: `{"displayName": ${JSON.stringify(first.accessToken.token)}, "broken": `,
  });
  await fetch(`${backend.url}${backendRoutes.token}?token=${encodeURIComponent('not-a-secret')}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${first.accessToken.token}` },
  });
  const rejected = await fetch(`${wrongKeyBackend.url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"displayName":"Wrong key"}',
  });
  expect(rejected.status).toBe(502);

  const logs = [...backend.logs(), ...wrongKeyBackend.logs()].join('');
  // The run really exercised the interesting paths…
  expect(logs).toContain('refresh token reuse');
  expect(logs).toContain('ACS identity call failed');
  expect(logs).toContain('ACS rejected the backend credentials');
  expect(logs).toMatch(/"requestId":"[0-9a-f-]{36}"/);
  // …and none of its secrets, nor a recognisable part of one, reached the logs.
  expect(secrets.length).toBeGreaterThan(10);
  for (const secret of new Set(secrets)) {
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(secret.slice(0, 24));
  }
});

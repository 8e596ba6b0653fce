/**
 * Replays issue 13, finding 7, over HTTP on both stores: refresh-token rotation keeps the whole
 * lineage, so any earlier token (including generations older than the 32 the backend used to
 * keep, which then got a plain 401 and left the session alive) is reuse and revokes the session;
 * and SESSION_MAX_DAYS ends a session however often it refreshes.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { backendRoutes } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

const DAY = 24 * 3600_000;

async function refresh(backend: TestBackend, refreshToken: string) {
  const response = await fetch(`${backend.url}${backendRoutes.token}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${refreshToken}` },
  });
  const body = (await response.json()) as {
    session?: { refreshToken: string; expiresOn: string };
    error?: { code: string };
  };
  return { status: response.status, body };
}

describe.each(['sqlite', 'postgres'] as const)('refresh-token lineage and absolute lifetime (%s)', (database) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  test('a token 40 generations old is reuse: the session is revoked, its newest token too', async () => {
    backend = await startTestBackend({ database });
    const first = (await backend.signIn('Lineage')).session.refreshToken;
    let current = first;
    for (let i = 0; i < 40; i++) {
      const answer = await refresh(backend, current);
      expect(answer.status).toBe(200);
      current = answer.body.session?.refreshToken ?? '';
    }
    const replay = await refresh(backend, first);
    expect(replay).toMatchObject({ status: 401, body: { error: { code: 'refresh_token_reused' } } });
    const legitimate = await refresh(backend, current);
    expect(legitimate).toMatchObject({ status: 401, body: { error: { code: 'refresh_token_reused' } } });
  });

  test('SESSION_MAX_DAYS ends a session that refreshed every few weeks', async () => {
    let clock = Date.now();
    backend = await startTestBackend({
      database,
      settings: { SESSION_MAX_DAYS: '90', SESSION_IDLE_DAYS: '30' },
      now: () => new Date(clock),
    });
    const signedIn = await backend.signIn('Lifetime');
    const start = Date.parse(signedIn.session.expiresOn) - 30 * DAY;
    let current = signedIn.session.refreshToken;
    for (const day of [29, 58, 87]) {
      clock = start + day * DAY;
      const answer = await refresh(backend, current);
      expect(answer.status).toBe(200);
      // The idle expiry slides, but never past day 90.
      expect(Date.parse(answer.body.session?.expiresOn ?? '')).toBe(start + Math.min(day + 30, 90) * DAY);
      current = answer.body.session?.refreshToken ?? '';
    }
    clock = start + 90 * DAY + 1;
    expect(await refresh(backend, current)).toMatchObject({
      status: 401,
      body: { error: { code: 'session_expired' } },
    });
  });
});

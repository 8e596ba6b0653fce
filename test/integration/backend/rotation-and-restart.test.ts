/**
 * Refresh-token rotation under races and lost answers, and sessions surviving a restart, over
 * real HTTP on both stores. The designed outcomes are in docs/backend.md ("Refresh-token rotation").
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backendRoutes, ErrorBodySchema, SessionAnswerSchema } from '../../../common/backend-contract';
import { startTestBackend, type TestBackend } from '../../support/backend-harness';

describe.each(['sqlite', 'postgres'] as const)('rotation and restart (%s)', (database) => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend({ database });
  });
  afterAll(() => backend?.close());

  const refresh = (refreshToken: string) =>
    fetch(`${backend.url}${backendRoutes.token}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${refreshToken}` },
    });
  const refreshOk = async (refreshToken: string) => {
    const response = await refresh(refreshToken);
    expect(response.status).toBe(200);
    return SessionAnswerSchema.parse(await response.json()).session.refreshToken;
  };
  const refreshCode = async (refreshToken: string) => {
    const response = await refresh(refreshToken);
    expect(response.status).toBe(401);
    return ErrorBodySchema.parse(await response.json()).error.code;
  };

  test('five refreshes racing with one token all succeed, and whichever answer the client keeps works', async () => {
    for (const keep of [0, 4]) {
      const signedIn = await backend.signIn();
      const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(signedIn.session.refreshToken)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      const tokens = await Promise.all(
        answers.map(async (a) => SessionAnswerSchema.parse(await a.json()).session.refreshToken),
      );
      expect(new Set(tokens).size).toBe(5);
      const kept = tokens[keep] as string;
      const next = await refreshOk(kept);
      await refreshOk(next);
      // The answers the client dropped are now from the past: presenting one is reuse.
      expect(await refreshCode(tokens[keep === 0 ? 1 : 0] as string)).toBe('refresh_token_reused');
    }
  });

  test('a lost answer: the client retries with the previous token and stays signed in', async () => {
    const signedIn = await backend.signIn();
    await refreshOk(signedIn.session.refreshToken); // this answer never reaches the client
    const retried = await refreshOk(signedIn.session.refreshToken);
    const next = await refreshOk(retried);
    await refreshOk(next);
  });

  test('ACS failing during a refresh: the client retries with the same token, as after a lost answer', async () => {
    const signedIn = await backend.signIn();
    const second = await refreshOk(signedIn.session.refreshToken);
    backend.standIn.failNext(1, { status: 503 });
    expect((await refresh(second)).status).toBe(503);
    // The rotation ran before the failed ACS call: `second` is the anchor now, and still valid.
    const third = await refreshOk(second);
    await refreshOk(third);

    // So presenting a token moves the session on whatever ACS answers: the token before it is
    // from the past at once, exactly as when the answer was lost on the way back.
    const other = await backend.signIn();
    const otherSecond = await refreshOk(other.session.refreshToken);
    backend.standIn.failNext(1, { status: 503 });
    expect((await refresh(otherSecond)).status).toBe(503);
    expect(await refreshCode(other.session.refreshToken)).toBe('refresh_token_reused');
  });

  test('ACS dropping the connection unanswered (a stale keep-alive socket) is retried once on a new one', async () => {
    const signedIn = await backend.signIn();
    const before = backend.standIn.requests.length;
    backend.standIn.failNext(1, { status: 'connection-reset' });
    const second = await refreshOk(signedIn.session.refreshToken);
    expect(backend.standIn.requests.slice(before).map((r) => r.status)).toEqual([0, 200]);
    // Only once: a second reset in a row is ACS unreachable, 502 with Retry-After.
    backend.standIn.failNext(2, { status: 'connection-reset' });
    const failed = await refresh(second);
    expect(failed.status).toBe(502);
    expect(failed.headers.get('retry-after')).not.toBeNull();
    await refreshOk(second);
  });

  test('a restart keeps sessions, rotation state and revocations', async () => {
    const alive = await backend.signIn('Alive');
    const aliveNext = await refreshOk(alive.session.refreshToken);
    const signedOut = await backend.signIn('Signed out');
    const deleted = await fetch(`${backend.url}${backendRoutes.currentSession}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${signedOut.session.refreshToken}` },
    });
    expect(deleted.status).toBe(204);

    await backend.restart();

    // The anchor (the token used last) is still honoured, and so is its child.
    const afterRestart = await refreshOk(aliveNext);
    await refreshOk(afterRestart);
    expect(await refreshCode(alive.session.refreshToken)).toBe('refresh_token_reused');
    expect(await refreshCode(signedOut.session.refreshToken)).toBe('session_revoked');
  });
});

/**
 * Two backend processes on one PostgreSQL database, as behind a load balancer (docs/backend.md,
 * "Running several instances"): rotation races split across both, reuse and sign-out seen by
 * the other at once, an instance killed mid-request, and rate limits that hold across both.
 */
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashRefreshToken } from '../../../backend/sessions/refresh-token';
import { backendRoutes, SessionAnswerSchema } from '../../../common/backend-contract';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';
import { listeningUrl, runBackend } from '../../support/backend-process';
import { createScratchDatabase, type ScratchDatabase } from '../../support/scratch-database';

interface Instance {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

async function startInstance(
  standIn: AcsIdentityStandIn,
  database: ScratchDatabase,
  settings: Record<string, string> = {},
): Promise<Instance> {
  const { child, exited } = runBackend({
    ACS_CONNECTION_STRING: standIn.connectionString,
    NODE_EXTRA_CA_CERTS: standIn.certificates.caCertPath,
    DATABASE_URL: database.url,
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMIT_PER_IP: '100000',
    RATE_LIMIT_PER_SESSION: '100000',
    ...settings,
  });
  return { url: await listeningUrl(child, exited), child, exited };
}

/** Two instances started together on a fresh database (their migrations race, too). */
async function startPair(standIn: AcsIdentityStandIn, settings: Record<string, string> = {}) {
  const database = await createScratchDatabase('sb_two');
  const [a, b] = await Promise.all([
    startInstance(standIn, database, settings),
    startInstance(standIn, database, settings),
  ]);
  const stop = async () => {
    for (const instance of [a, b]) {
      if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
      await instance.exited;
    }
    await database.drop();
  };
  return { a, b, database, stop };
}

async function signIn(url: string, displayName = 'Two') {
  const response = await fetch(`${url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  expect(response.status).toBe(201);
  return SessionAnswerSchema.parse(await response.json());
}

async function refresh(url: string, refreshToken: string) {
  const response = await fetch(`${url}${backendRoutes.token}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${refreshToken}` },
  });
  const body = (await response.json()) as { error?: { code: string } };
  return {
    status: response.status,
    code: body.error?.code,
    answer: response.status === 200 ? SessionAnswerSchema.parse(body) : undefined,
  };
}

describe('two instances on one PostgreSQL', () => {
  let standIn: AcsIdentityStandIn;
  let pair: Awaited<ReturnType<typeof startPair>>;
  beforeAll(async () => {
    standIn = await startAcsIdentityStandIn();
    pair = await startPair(standIn);
  });
  afterAll(async () => {
    await pair?.stop();
    await standIn?.close();
  });

  test('concurrent refreshes of one session split across both end in one rotation; the session lives', async () => {
    const { a, b, database } = pair;
    const token = (await signIn(a.url)).session.refreshToken;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => refresh(i % 2 === 0 ? a.url : b.url, token)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    // One rotation: every new token is a child of the presented one, which is now the anchor.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ children: string; anchored: boolean }>(
        `SELECT count(*) AS children, bool_and(s.anchor_hash = $1) AS anchored
           FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.parent_hash = $1`,
        [hashRefreshToken(token)],
      );
      expect(rows[0]).toEqual({ children: '8', anchored: true });
    } finally {
      await client.end();
    }
    // The client keeps one answer; it works on either instance, and the session goes on.
    const kept = answers[5]?.answer?.session.refreshToken ?? '';
    const next = await refresh(a.url, kept);
    expect(next.status).toBe(200);
    expect((await refresh(b.url, next.answer?.session.refreshToken ?? '')).status).toBe(200);
  });

  test('reuse detected on B of a token rotated on A revokes the session everywhere', async () => {
    const { a, b } = pair;
    const first = (await signIn(a.url)).session.refreshToken;
    const second = await refresh(a.url, first);
    const third = await refresh(a.url, second.answer?.session.refreshToken ?? '');
    expect(third.status).toBe(200);
    expect(await refresh(b.url, first)).toMatchObject({ status: 401, code: 'refresh_token_reused' });
    expect(await refresh(a.url, third.answer?.session.refreshToken ?? '')).toMatchObject({
      status: 401,
      code: 'refresh_token_reused',
    });
    // The ACS token handed out on A was revoked too (best effort, after the 401 on B).
    await expect
      .poll(async () => (await standIn.checkUserToken(third.answer?.accessToken.token ?? '')).valid)
      .toBe(false);
  });

  test('sign-out on A is honoured by B at once', async () => {
    const { a, b } = pair;
    const token = (await signIn(b.url)).session.refreshToken;
    const signOut = await fetch(`${a.url}${backendRoutes.currentSession}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(signOut.status).toBe(204);
    expect(await refresh(b.url, token)).toMatchObject({ status: 401, code: 'session_revoked' });
  });

  test('killing an instance mid-request loses no session: the retry on the other one succeeds', async () => {
    const { a, b } = pair;
    const token = (await signIn(a.url)).session.refreshToken;
    standIn.setLatency(10_000);
    try {
      const arrived = standIn.nextRequest();
      const inFlight = refresh(a.url, token);
      await arrived; // A has rotated and waits on ACS
      a.child.kill('SIGKILL');
      await expect(inFlight).rejects.toThrow();
      expect(await a.exited).toBeNull();
    } finally {
      standIn.setLatency(0);
    }
    const retried = await refresh(b.url, token);
    expect(retried.status).toBe(200);
    expect((await refresh(b.url, retried.answer?.session.refreshToken ?? '')).status).toBe(200);
  });
});

describe('rate limits across two instances', () => {
  let standIn: AcsIdentityStandIn;
  let pair: Awaited<ReturnType<typeof startPair>>;
  beforeAll(async () => {
    standIn = await startAcsIdentityStandIn();
    pair = await startPair(standIn, { RATE_LIMIT_PER_IP: '12', RATE_LIMIT_PER_SESSION: '3' });
  });
  afterAll(async () => {
    await pair?.stop();
    await standIn?.close();
  });

  test('the per-session and per-IP limits count requests on both instances together', async () => {
    const { a, b } = pair;
    const both = [a.url, b.url];
    let token = (await signIn(a.url)).session.refreshToken; // 1 request from this address
    for (let i = 0; i < 3; i++) {
      const answer = await refresh(both[i % 2] as string, token);
      expect(answer.status).toBe(200);
      token = answer.answer?.session.refreshToken ?? '';
    }
    // 3 refreshes of this session so far, on two instances: the 4th is over the limit on either.
    expect(await refresh(b.url, token)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(await refresh(a.url, token)).toMatchObject({ status: 429, code: 'rate_limited' });
    // 6 requests from this address so far; 6 more reach the per-IP limit of 12, then 429 on both.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${both[i % 2]}${backendRoutes.discovery}`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
  });
});

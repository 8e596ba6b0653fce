/**
 * `POST /v1/sessions` in `oidc` mode against `open` mode at the same load, and the JWT
 * verifications per second behind it.
 *
 * Shape: one ACS stand-in answering after ACS_LATENCY_MS (a conservative ACS round trip, as
 * backend-token.bench.ts judges at), two backends on SQLite sharing it (one `open`, one `oidc`
 * trusting a loopback issuer whose keys are fetched once, then cached), and CONCURRENCY workers in
 * a closed loop. `open`: every sign-in creates an ACS identity and its token. `oidc`: a bearer
 * token from a pool of PEOPLE returning people (their mapping exists, warmed up), so every sign-in
 * verifies a JWT, reads the mapping and gets a token for the mapped identity: one ACS call on
 * both sides. The sides run in alternating rounds so that load that comes and goes lands on both.
 *
 * Budget (issue 12): oidc p50 ≤ 1.1× open p50, keys cached.
 * "JWT verifications per second": the oidc authenticator alone, in this process, on one core.
 */

import { createOidcAuthenticator } from '../backend/auth/oidc-authenticator';
import { parseConfig } from '../backend/config';
import { backendRoutes } from '../common/backend-contract';
import { startAcsIdentityStandIn } from '../devtools/acs-stand-in/acs-identity';
import { startTestBackend, type TestBackend } from '../test/support/backend-harness';
import { startForgingIssuer } from '../test/support/forging-issuer';
import { type Benchmark, type BenchRow, percentile, closedLoop as runClosedLoop } from './harness';

const CONCURRENCY = 8;
const ACS_LATENCY_MS = 30;
const PEOPLE = 64;
const WARMUP_REQUESTS = 200;
const MEASURED_REQUESTS = 2000;
const ROUNDS = 50;
const VERIFY_SECONDS = 2;

const closedLoop = (count: number, request: (index: number) => Promise<void>) =>
  runClosedLoop(count, CONCURRENCY, request);

async function signIn(backend: TestBackend, authorization?: string): Promise<void> {
  const response = await fetch(`${backend.url}${backendRoutes.sessions}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: '{"displayName":"Bench"}',
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`sign-in answered ${response.status}`);
}

const benchmark: Benchmark = {
  name: 'oidc sign-in',
  async run(): Promise<BenchRow[]> {
    const standIn = await startAcsIdentityStandIn();
    const issuer = await startForgingIssuer();
    const quiet = { LOG_LEVEL: 'warn' };
    const open = await startTestBackend({ standIn, settings: quiet });
    const oidc = await startTestBackend({ standIn, settings: { ...quiet, ...issuer.backendSettings } });
    try {
      const tokens = await Promise.all(
        Array.from({ length: PEOPLE }, (_, person) =>
          issuer.sign({ sub: `bench-person-${person}`, exp: Math.floor(Date.now() / 1000) + 3600 }),
        ),
      );
      const bearer = (index: number) => `Bearer ${tokens[index % PEOPLE]}`;
      standIn.setLatency(ACS_LATENCY_MS);
      // Warm-up: keys fetched and cached, every person mapped, connections and JIT warm on both.
      await closedLoop(WARMUP_REQUESTS, (index) => signIn(oidc, bearer(index)));
      await closedLoop(WARMUP_REQUESTS, () => signIn(open));
      const fetchesAfterWarmup = issuer.jwksFetches();

      const perRound = Math.ceil(MEASURED_REQUESTS / ROUNDS);
      const openLatencies: number[] = [];
      const oidcLatencies: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        openLatencies.push(...(await closedLoop(perRound, () => signIn(open))));
        oidcLatencies.push(...(await closedLoop(perRound, (index) => signIn(oidc, bearer(index + round)))));
      }
      standIn.setLatency(0);
      if (issuer.jwksFetches() !== fetchesAfterWarmup) throw new Error('the key set was fetched during the run');
      openLatencies.sort((a, b) => a - b);
      oidcLatencies.sort((a, b) => a - b);
      const openP50 = percentile(openLatencies, 50);
      const oidcP50 = percentile(oidcLatencies, 50);

      // The authenticator alone: verifications per second with the keys cached.
      const authenticator = createOidcAuthenticator({
        config: parseConfig({
          ACS_CONNECTION_STRING: standIn.connectionString,
          ...issuer.backendSettings,
        }).oidc as NonNullable<ReturnType<typeof parseConfig>['oidc']>,
      });
      await authenticator.authenticate({ authorization: bearer(0) });
      let verified = 0;
      const until = performance.now() + VERIFY_SECONDS * 1000;
      while (performance.now() < until) {
        await authenticator.authenticate({ authorization: bearer(verified) });
        verified++;
      }
      const perSecond = verified / VERIFY_SECONDS;

      return [
        {
          metric: `POST /v1/sessions p50, oidc vs open (ACS +${ACS_LATENCY_MS} ms, ${CONCURRENCY} workers)`,
          value: oidcP50,
          unit: 'ms',
          baseline: openP50,
          ratio: oidcP50 / openP50,
          budget: '≤ 1.1×',
          withinBudget: oidcP50 / openP50 <= 1.1,
        },
        {
          metric: 'POST /v1/sessions p99, oidc vs open',
          value: percentile(oidcLatencies, 99),
          unit: 'ms',
          baseline: percentile(openLatencies, 99),
          ratio: percentile(oidcLatencies, 99) / percentile(openLatencies, 99),
        },
        { metric: 'JWT verifications per second (RS256, keys cached, one core)', value: perSecond, unit: '/s' },
      ];
    } finally {
      await oidc.close();
      await open.close();
      await issuer.close();
      await standIn.close();
    }
  },
};

export default benchmark;

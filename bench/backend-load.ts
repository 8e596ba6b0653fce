/**
 * The pieces the backend benchmarks share: the ACS stand-in, PostgreSQL and the backend each in
 * their own process, as deployed; closed-loop load `Side`s compared in alternating rounds; and the
 * CPU time each side's processes spent per request.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, watch } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { BACKEND_NODE_OPTIONS } from '../backend/node-options';
import { backendRoutes, SessionAnswerSchema } from '../common/backend-contract';
import { percentile } from './harness';

export const CONCURRENCY = 8;
/** A conservative ACS token round trip; real ones from the same region are tens of milliseconds or more. */
export const ACS_LATENCY_MS = 30;
const WARMUP_REQUESTS = 200;
const MEASURED_REQUESTS = 3000;
/**
 * Measured requests are split over this many alternating rounds per side (see `compare`): 40
 * requests, five per worker, a fraction of a second. Rounds must be shorter than the bursts of
 * load they are meant to share out: with 4 rounds of 750 (3 s each at +30 ms), one 2-second burst
 * from another process on the machine landed on one side and set its p99 alone (its 32 slowest
 * requests all in it), so the p99 ratio swung between 0.8× and 2.4× with the same code.
 */
const ROUNDS = 75;
const repoRoot = join(import.meta.dirname, '..');

export interface Measurement {
  throughput: number;
  p50: number;
  p99: number;
  /** CPU time the side's measured processes spent per timed request (NaN when none is measured). */
  cpuPerRequestMs: number;
}

/** A child that prints one JSON line when ready and exits when its stdin closes. */
async function startHelper(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(args[0] as string, args.slice(1), { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) resolve(JSON.parse(line) as Record<string, string>);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin?.end();
    });
  /** Sends one command line and waits for the helper's `{"ack"…}` line. */
  const command = (line: string) =>
    new Promise<void>((resolve) => {
      const onData = (chunk: Buffer) => {
        if (chunk.toString().includes('{"ack"')) {
          child.stdout?.off('data', onData);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stdin?.write(`${line}\n`);
    });
  return { ready, stop, command };
}

const HOLD_UNTIL_STDIN_ENDS = `process.stdin.resume(); process.stdin.on('end', () => process.exit(0));`;

/** The ACS stand-in in its own process (also used by backend-memory.bench.ts). */
export function startStandIn() {
  return startHelper([
    process.execPath,
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    `import { startAcsIdentityStandIn } from './devtools/acs-stand-in/acs-identity.ts';
     const standIn = await startAcsIdentityStandIn();
     console.log(JSON.stringify({ ready: true, connectionString: standIn.connectionString, caCertPath: standIn.certificates.caCertPath, caCertPem: standIn.certificates.caCertPem }));
     process.stdin.setEncoding('utf8');
     process.stdin.on('data', (text) => {
       for (const line of text.split('\\n').filter(Boolean)) {
         const [name, value] = line.split(' ');
         if (name === 'latency') standIn.setLatency(Number(value));
         console.log(JSON.stringify({ ack: line }));
       }
     });
     process.stdin.on('end', async () => { await standIn.close(); process.exit(0); });`,
  ]);
}

export function startPostgres() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return Promise.resolve({ ready: { ready: 'true', url }, stop: async () => {}, command: async () => {} });
  return startHelper([
    'bash',
    'scripts/with-test-postgres.sh',
    process.execPath,
    '-e',
    `console.log(JSON.stringify({ ready: true, url: process.env.TEST_DATABASE_URL })); ${HOLD_UNTIL_STDIN_ENDS}`,
  ]);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `backend/main.ts` in its own process against the stand-in, with the deployed heap settings
 * (backend/node-options.ts); `pid` lets callers read its RSS.
 * Its stdout (one JSON line per request) goes to a file, as on a server, not through a pipe into
 * this process: the load generator must not pay for reading the backend's logs.
 */
export async function startBackend(
  database: Record<string, string>,
  standIn: Record<string, string>,
  nodeArguments: string[] = [...BACKEND_NODE_OPTIONS, '--import', 'tsx', 'backend/main.ts'],
) {
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-log-'));
  const logPath = join(logDir, 'backend.log');
  const logFile = openSync(logPath, 'w');
  const child: ChildProcess = spawn(process.execPath, nodeArguments, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...database,
      ACS_CONNECTION_STRING: standIn.connectionString,
      NODE_EXTRA_CA_CERTS: standIn.caCertPath,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_SESSION: '1000000',
    },
    stdio: ['ignore', logFile, 'inherit'],
  });
  closeSync(logFile);
  const watcher = watch(logDir);
  try {
    await new Promise<void>((resolve, reject) => {
      const isListening = () => readFileSync(logPath, 'utf8').includes('"msg":"listening"');
      watcher.on('change', () => {
        if (isListening()) resolve();
      });
      child.once('exit', (code) => reject(new Error(`backend exited with ${code}; its log is ${logPath}`)));
      if (isListening()) resolve();
    });
  } finally {
    watcher.close();
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(logDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

type Worker = () => Promise<void>;

/** One side of the comparison: CONCURRENCY closed-loop workers, timed over the rounds it ran. */
export class Side {
  private readonly latencies: number[] = [];
  private elapsedMs = 0;
  private cpuMs = 0;

  private constructor(
    private readonly workers: readonly Worker[],
    private readonly cpuTimeMs: (() => number) | undefined,
  ) {}

  /**
   * `cpuTimeMs` reads the CPU time (user + system, ms) of whatever does this side's work: the
   * backend processes, or this process for the bare SDK loop; sampled around each timed round.
   * `concurrency` workers, each made by `makeWorker(index)`.
   */
  static async create(
    makeWorker: (index: number) => Promise<Worker>,
    cpuTimeMs?: () => number,
    concurrency = CONCURRENCY,
  ): Promise<Side> {
    const workers = await Promise.all(Array.from({ length: concurrency }, (_, index) => makeWorker(index)));
    return new Side(workers, cpuTimeMs);
  }

  /** `total` requests in all; timed unless it is warm-up. */
  async run(total: number, timed: boolean): Promise<void> {
    let remaining = total;
    const cpuBefore = timed ? this.cpuTimeMs?.() : undefined;
    const started = performance.now();
    await Promise.all(
      this.workers.map(async (work) => {
        while (remaining > 0) {
          remaining -= 1;
          const requestStarted = performance.now();
          await work();
          if (timed) this.latencies.push(performance.now() - requestStarted);
        }
      }),
    );
    if (timed) this.elapsedMs += performance.now() - started;
    if (cpuBefore !== undefined) this.cpuMs += (this.cpuTimeMs?.() ?? cpuBefore) - cpuBefore;
  }

  measurement(): Measurement {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      throughput: sorted.length / (this.elapsedMs / 1000),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpuPerRequestMs: this.cpuTimeMs ? this.cpuMs / sorted.length : Number.NaN,
    };
  }
}

/**
 * Both sides warmed up, then ROUNDS alternating rounds in ABBA order (baseline first in even
 * rounds, backend first in odd ones), so that a disturbance or a drift in machine load lands on
 * both sides alike; each side's figures pool all its rounds.
 */
export async function compare(baseline: Side, backend: Side): Promise<{ baseline: Measurement; backend: Measurement }> {
  await baseline.run(WARMUP_REQUESTS, false);
  await backend.run(WARMUP_REQUESTS, false);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [baseline, backend] : [backend, baseline];
    for (const side of order) await side.run(MEASURED_REQUESTS / ROUNDS, true);
  }
  return { baseline: baseline.measurement(), backend: backend.measurement() };
}

/** This process's CPU time: the bare loop's SDK calls are all that runs here during its rounds. */
const ownCpuTimeMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU time (user + system) of other processes, from /proc/<pid>/stat (Linux). */
export function processCpuTimeMs(pids: readonly number[]): () => number {
  const ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node supports
  return () =>
    pids.reduce((sum, pid) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    }, 0);
}

export function bareSdkSide(standIn: Record<string, string>): Promise<Side> {
  const client = new CommunicationIdentityClient(standIn.connectionString as string, {
    tlsOptions: { ca: standIn.caCertPem },
  });
  return Side.create(async () => {
    const user = await client.createUser();
    return async () => {
      await client.getToken(user, ['voip'], { tokenExpiresInMinutes: 60 });
    };
  }, ownCpuTimeMs);
}

/**
 * Workers spread over `urls` (worker i uses instance i mod n, its session signed in there), as a
 * load balancer would; `cpuTimeMs` measures the backends.
 */
export function backendSide(
  urls: readonly string[],
  cpuTimeMs?: () => number,
  concurrency = CONCURRENCY,
): Promise<Side> {
  return Side.create(
    async (index) => {
      const url = urls[index % urls.length] as string;
      const signIn = await fetch(`${url}${backendRoutes.sessions}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"displayName":"Bench"}',
      });
      let refreshToken = SessionAnswerSchema.parse(await signIn.json()).session.refreshToken;
      return async () => {
        const response = await fetch(`${url}${backendRoutes.token}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${refreshToken}` },
        });
        if (response.status !== 200) throw new Error(`refresh answered ${response.status}: ${await response.text()}`);
        refreshToken = SessionAnswerSchema.parse(await response.json()).session.refreshToken;
      };
    },
    cpuTimeMs,
    concurrency,
  );
}

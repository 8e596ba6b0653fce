/**
 * `npx tsx bench/profile-refresh.ts [sqlite|postgres] [latencyMs]`: profiles the backend's CPU on
 * the refresh path (docs/performance.md, "Where a refresh's CPU goes"). Starts the ACS stand-in,
 * PostgreSQL when asked, and the backend with `--cpu-prof`; runs the benchmarks' closed loop of
 * refreshes; stops the backend (the profile is written as it exits) and prints the functions with
 * the most self time, grouped by where their code lives, and the profile's path.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKEND_NODE_OPTIONS } from '../backend/node-options';
import { backendSide, startBackend, startPostgres, startStandIn } from './backend-load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const store = process.argv[2] === 'postgres' ? 'postgres' : 'sqlite';
const latency = Number(process.argv[3] ?? 0);
const REQUESTS = 6000;

const profileDir = mkdtempSync(join(tmpdir(), 'switchboard-cpu-prof-'));
const standIn = await startStandIn();
const postgres = store === 'postgres' ? await startPostgres() : undefined;
const database: Record<string, string> = postgres
  ? { DATABASE_URL: postgres.ready.url as string }
  : { SQLITE_PATH: join(profileDir, 'sessions.sqlite') };
const backend = await startBackend(database, standIn.ready, [
  ...BACKEND_NODE_OPTIONS,
  '--cpu-prof',
  `--cpu-prof-dir=${profileDir}`,
  '--import',
  'tsx',
  'backend/main.ts',
]);
await standIn.command(`latency ${latency}`);
const side = await backendSide([backend.url]);
await side.run(500, false); // warm-up
await side.run(REQUESTS, true);
const { throughput } = side.measurement();
await backend.stop();
await standIn.stop();
await postgres?.stop();

// The main thread's profile (`….0.001.cpuprofile`); tsx's loader thread writes another.
const file = readdirSync(profileDir)
  .filter((name) => name.endsWith('.cpuprofile'))
  .sort()[0];
if (!file) throw new Error(`no profile in ${profileDir}`);
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile;
const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
// Idle samples are time the backend waited (on ACS, the database, the client): not CPU.
const selfTime = new Map<number, number>();
profile.samples.forEach((id, index) => {
  if (byNode.get(id)?.callFrame.functionName === '(idle)') return;
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const total = [...selfTime.values()].reduce((sum, us) => sum + us, 0);

/** Where a function's code lives: a package, Node's own code, the backend, or V8's pseudo-nodes. */
function area(url: string, name: string): string {
  if (url === '') return `(${name || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url;
  const ours = /\/(backend|common)\/(.+)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

const areas = new Map<string, number>();
const functions = new Map<string, number>();
for (const [id, us] of selfTime) {
  const node = byNode.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = area(url, functionName);
  areas.set(where, (areas.get(where) ?? 0) + us);
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const top = (map: Map<string, number>, n: number, of = total) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => `${((100 * us) / of).toFixed(1).padStart(5)}%  ${name}`);

/**
 * The costs of docs/performance.md's table: each sample goes to the nearest frame on its stack
 * that belongs to one of these parts, so a socket write counts for whoever wrote (the ACS
 * request, the database statement, the answer to the app) and helmet's `next()` chain does not
 * swallow the request handling it calls. Samples with module loading or migrations anywhere on
 * their stack are start-up, left out of the shares.
 */
const PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/undici|backend\/acs\//, 'the ACS call (undici, signing)'],
  [/better-sqlite3|sqlite-session-store/, 'the session store (SQLite)'],
  [/node_modules\/pg|pg-protocol|pg-pool|postgres-session-store/, 'the session store (pg client)'],
  [/pino|sonic-boom|backend\/logging/, 'logging'],
  [/helmet|fastify|find-my-way|node:_http_|backend\/http\//, "Fastify and Node's HTTP server"],
  [/backend\/sessions\//, 'the session service'],
];
const STARTUP = /modules\/esm|modules\/cjs|bootstrap\/realm|\/tsx\/|esbuild|backend\/database\/|createBackend/;
const SOCKET_WRITES = /^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeString)$/;
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const stackOf = (id: number) => {
  const frames: string[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byNode.get(at)?.callFrame;
    if (frame) frames.push(`${frame.url} ${frame.functionName}`);
  }
  return frames;
};
const costs = new Map<string, number>();
let startUp = 0;
for (const [id, us] of selfTime) {
  const leaf = byNode.get(id)?.callFrame.functionName ?? '';
  const stack = stackOf(id);
  if (stack.some((frame) => STARTUP.test(frame))) {
    startUp += us;
    continue;
  }
  const part =
    leaf === '(garbage collector)'
      ? 'garbage collection'
      : (stack.flatMap((frame) => PARTS.filter(([pattern]) => pattern.test(frame)).map(([, name]) => name))[0] ??
        'other');
  const cost = SOCKET_WRITES.test(leaf) ? `${part}: its socket writes` : part;
  costs.set(cost, (costs.get(cost) ?? 0) + us);
}

console.log(`${store}, ACS +${latency} ms: ${REQUESTS} refreshes at ${throughput.toFixed(0)}/s`);
console.log(
  `backend CPU in the profile: ${(total / 1000).toFixed(0)} ms, ${(total / 1000 / (REQUESTS + 500)).toFixed(2)} ms per refresh`,
);
console.log(
  `\nby cost, start-up left out (${(startUp / 1000).toFixed(0)} ms); ${((total - startUp) / 1000 / (REQUESTS + 500)).toFixed(2)} ms per refresh:`,
);
console.log(top(costs, 14, total - startUp).join('\n'));
console.log('\nself time by area:');
console.log(top(areas, 15).join('\n'));
console.log('\nself time by function:');
console.log(top(functions, 25).join('\n'));
console.log(`\nprofile: ${join(profileDir, file)} (open in Chrome DevTools → Performance)`);

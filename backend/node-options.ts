/**
 * The Node.js (V8) heap settings the backend runs with in production: the container's `CMD` and
 * App Service's `NODE_OPTIONS` in docs/backend.md carry exactly these (a unit test keeps them in
 * step), and the benchmarks start the backend with them.
 *
 * Why: the backend's live heap is about 20–30 MB whatever the number of sessions (sessions live
 * in the database, and so do the rate limiters' counters), but V8 sizes its heap
 * for the machine: on a server with gigabytes of memory the young generation grows to 32 MB
 * under load and the old generation is allowed to reach 4× the live heap between collections.
 * With 10 000 sessions at 200 refreshes/s that headroom was 70–115 MB of a 130–190 MB process.
 * - `--max-semi-space-size=4`: an 8 MB young generation. A request's objects die within
 *   milliseconds, so collecting it four times as often copies little more.
 * - `--max-old-space-size=512`: below V8's 2 GB threshold the old generation grows by about
 *   1.4× the live heap between collections instead of up to 4×. 512 MB is twenty times the live
 *   heap, so a burst of slow ACS calls with thousands of requests in flight still fits.
 */
export const BACKEND_NODE_OPTIONS = ['--max-semi-space-size=4', '--max-old-space-size=512'] as const;

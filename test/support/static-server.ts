import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES } from '../../electron/main/window/app-protocol';

export const RENDERER_BUILD_DIR = resolve(import.meta.dirname, '../../out/renderer');

export interface StaticServer {
  /** `http://localhost:PORT` — the calling SDK refuses 127.0.0.1, so tests use this name. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built folder on loopback, falling back to index.html like the app:// protocol does.
 * `extraRoutes` lets a test add a page next to the bundle (a baseline for benchmarks, say).
 */
export async function serveStatic(
  root: string = RENDERER_BUILD_DIR,
  extraRoutes: Record<string, { type: string; body: string }> = {},
): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run "npm run build:renderer" first`);
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const extra = extraRoutes[path];
    if (extra) {
      res.writeHead(200, { 'content-type': extra.type });
      res.end(extra.body);
      return;
    }
    const file = normalize(join(root, path));
    const inside = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    const target = inside ? file : join(root, 'index.html');
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

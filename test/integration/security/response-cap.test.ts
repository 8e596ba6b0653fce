/**
 * Finding 2: the backend client's size cap counts decoded bytes. Node's fetch decompresses before
 * the client sees a byte, and `content-length` (when present) counts the compressed bytes, so a
 * few KB of gzip or brotli used to become megabytes of text in memory. Real HTTP servers on
 * loopback send the bombs; the client must refuse each with the size sentence.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { Readable } from 'node:stream';
import { brotliCompressSync, createGzip, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKEND_API_VERSION } from '../../../common/backend-contract';
import { BackendClient, DEFAULT_CLIENT_OPTIONS } from '../../../electron/main/backend-client/backend-client';
import { backendUrl } from '../../support/backend-url';

const CAP = DEFAULT_CLIENT_OPTIONS.maxResponseBytes;
/** 20 MB of JSON-looking padding: 80 times the cap. */
const BOMB = Buffer.from(`{"padding":"${' '.repeat(20 * 1024 * 1024)}"}`);
const TOO_LARGE = new RegExp(`sent an answer larger than ${CAP / 1024} KB`);

const servers: Array<Server | TcpServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function listen<S extends Server | TcpServer>(server: S): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

function client(url: string) {
  return new BackendClient(backendUrl(url), { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
}

describe('the response cap counts decoded bytes (finding 2)', () => {
  it.each([
    ['gzip', gzipSync(BOMB, { level: 9 })],
    ['br', brotliCompressSync(BOMB)],
  ])('refuses a %s bomb whose honest content-length is far below the cap', async (encoding, compressed) => {
    expect(compressed.length).toBeLessThan(CAP / 4);
    const url = await listen(
      createServer((_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': encoding,
          'content-length': compressed.length,
        });
        response.end(compressed);
      }),
    );
    await expect(client(url).discover()).rejects.toThrow(TOO_LARGE);
  });

  it('stops reading a streamed gzip bomb at the cap instead of inflating all of it', async () => {
    const total = 1024 * 1024 * 1024; // 1 GB of zeros, produced lazily
    let produced = 0;
    let finished = false;
    let closedEarly: Promise<void> = Promise.resolve();
    const url = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        const zeros = Readable.from(
          (function* () {
            while (produced < total) {
              produced += 64 * 1024;
              yield Buffer.alloc(64 * 1024, 0x20);
            }
          })(),
        );
        const gzip = createGzip();
        zeros.pipe(gzip).pipe(response);
        response.on('finish', () => {
          finished = true;
        });
        closedEarly = new Promise((done) =>
          response.on('close', () => {
            zeros.destroy();
            done();
          }),
        );
      }),
    );
    await expect(client(url).discover()).rejects.toThrow(TOO_LARGE);
    await closedEarly;
    expect(finished).toBe(false);
    expect(produced).toBeLessThan(total / 4);
  });

  it('refuses a declared length above the cap before reading the body', async () => {
    const url = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': CAP + 1 });
        response.end(Buffer.alloc(CAP + 1, 0x20));
      }),
    );
    await expect(client(url).discover()).rejects.toThrow(TOO_LARGE);
  });

  it('with a lying content-length, takes no more than declared and reports a bad answer', async () => {
    // A raw socket: says 64 bytes, sends a megabyte. The HTTP layer frames the answer by the
    // header; the rest never reaches the client's buffer.
    const url = await listen(
      createTcpServer((socket) => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 64\r\n\r\n');
          socket.end(Buffer.alloc(1024 * 1024, 0x7b));
        });
        socket.on('error', () => {});
      }),
    );
    await expect(client(url).discover()).rejects.toThrow(/sent an answer that is not complete JSON/);
  });

  it('reads a normal compressed answer', async () => {
    const body = JSON.stringify({ api: BACKEND_API_VERSION, signIn: ['open'] });
    const url = await listen(
      createServer((_request, response) => {
        const compressed = gzipSync(body);
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': compressed.length,
        });
        response.end(compressed);
      }),
    );
    await expect(client(url).discover()).resolves.toMatchObject({ api: BACKEND_API_VERSION, signIn: ['open'] });
  });
});

/**
 * The server of Microsoft's ACS web-calling tutorial, as a backend address a user might type: the
 * tutorial's `webpack-dev-server` serving its page. Its relevant behaviour is that it answers
 * `204` (no body, no CORS headers) to every `OPTIONS`, whatever the path, before any route
 * runs; it has no `/token` route (`POST /token` is a 404), and `GET` serves the page or 404s.
 * That is what made the old `OPTIONS` probe take it for a sample token server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TutorialServer {
  /** `http://localhost:PORT` */
  readonly url: string;
  /** Every request, `METHOD /path`, oldest first. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const PAGE =
  '<!DOCTYPE html><html><head><title>Web Calling Sample</title></head><body><h4>Azure Communication Services</h4><script src="main.js"></script></body></html>';

export async function startWebCallingTutorialServer(): Promise<TutorialServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(`${method} ${path}`);
    request.resume();
    if (method === 'OPTIONS') {
      response.writeHead(204, { 'content-length': '0', 'x-powered-by': 'Express' });
      response.end();
      return;
    }
    if (method === 'GET' && (path === '/' || path === '/index.html')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-powered-by': 'Express' });
      response.end(PAGE);
      return;
    }
    const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`;
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'x-powered-by': 'Express' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

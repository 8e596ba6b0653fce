/**
 * The loopback redirect of a native app's sign-in (RFC 8252 §7.3): a listener on 127.0.0.1 and an
 * ephemeral port, waiting for the IdP's redirect at `/callback`. It accepts exactly one request
 * that carries the expected `state`, answers it with a short page, and closes. Anything else
 * (another path, a wrong `state`, a foreign `Host` as DNS rebinding would send) is refused with
 * 400/404 and the wait goes on: a stray or hostile page cannot end or hijack the sign-in.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_NAME, mainLanguage } from '../strings/main-i18n';
import { signInWords } from '../strings/session';

export const CALLBACK_PATH = '/callback';

/** The page the browser shows once the sign-in is back, in the language in force (our words: no markup). */
const donePage =
  () => `<!doctype html><html lang="${mainLanguage()}"><head><meta charset="utf-8"><title>${APP_NAME}</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem;"><p>${signInWords.browserPage.done()}</p></body></html>`;

export interface LoopbackRedirect {
  /** `http://127.0.0.1:PORT/callback`: the redirect URI to send the IdP. */
  readonly redirectUri: string;
  /** The accepted request's full URL (code or error in its query). Rejects with the signal's reason. */
  readonly received: Promise<URL>;
  close(): void;
}

export async function listenForRedirect(expectedState: string, signal: AbortSignal): Promise<LoopbackRedirect> {
  let accept: (url: URL) => void = () => {};
  let fail: (reason: unknown) => void = () => {};
  const received = new Promise<URL>((resolve, reject) => {
    accept = resolve;
    fail = reject;
  });
  // A rejection nobody awaits yet (cancel before the caller reads it) must not crash main.
  received.catch(() => {});
  let host = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const refuse = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end(text);
    };
    if (request.method !== 'GET' || request.headers.host !== host)
      return refuse(400, signInWords.browserPage.notARedirect());
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname !== CALLBACK_PATH) return refuse(404, signInWords.browserPage.notFound());
    if (url.searchParams.get('state') !== expectedState) {
      return refuse(400, signInWords.browserPage.wrongLink());
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      connection: 'close',
    });
    response.end(donePage());
    accept(url);
    close();
  });
  const close = () => {
    server.close();
    server.closeIdleConnections();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const onAbort = () => {
    fail(signal.reason);
    close();
  };
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  received.finally(() => signal.removeEventListener('abort', onAbort)).catch(() => {});
  return { redirectUri: `http://${host}${CALLBACK_PATH}`, received, close };
}

/**
 * The App Service managed-identity endpoint (`IDENTITY_ENDPOINT` + `IDENTITY_HEADER`), as
 * `@azure/identity` (through MSAL) calls it: `GET ?api-version=2019-08-01&resource=…` with the
 * `x-identity-header` secret, answered with `{access_token, expires_on (epoch seconds, string),
 * resource, token_type}`. Plain http on loopback, like App Service's own local endpoint.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EntraIssuer } from './entra-issuer';

export interface ManagedIdentityEndpoint {
  /** Value for `IDENTITY_ENDPOINT`. */
  readonly endpoint: string;
  /** Value for `IDENTITY_HEADER`. */
  readonly header: string;
  /** The environment a process needs to use this identity (App Service style). */
  readonly environment: Readonly<Record<string, string>>;
  /** Every access token it issued, oldest first (the credential caches per process). */
  readonly issuedTokens: () => readonly string[];
  close(): Promise<void>;
}

const APP_SERVICE_API_VERSION = '2019-08-01';

export async function startManagedIdentityEndpoint(issuer: EntraIssuer): Promise<ManagedIdentityEndpoint> {
  const header = randomBytes(16).toString('hex');
  const issued: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' || url.pathname !== '/msi/token') {
      return reply(404, { statusCode: 404, message: 'Not found' });
    }
    if (request.headers['x-identity-header'] !== header) {
      return reply(401, { statusCode: 401, message: 'Unauthorized: missing or wrong X-IDENTITY-HEADER' });
    }
    if (url.searchParams.get('api-version') !== APP_SERVICE_API_VERSION) {
      return reply(400, { statusCode: 400, message: `Unsupported api-version; use ${APP_SERVICE_API_VERSION}` });
    }
    const resource = url.searchParams.get('resource');
    if (!resource?.startsWith('https://')) {
      return reply(400, { statusCode: 400, message: 'The resource parameter is missing or not an https URI' });
    }
    const token = await issuer.issue(resource);
    issued.push(token.accessToken);
    reply(200, {
      access_token: token.accessToken,
      expires_on: String(token.expiresOn),
      resource,
      token_type: 'Bearer',
      client_id: '22222222-2222-2222-2222-222222222222',
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
  return {
    endpoint,
    header,
    environment: { IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: header },
    issuedTokens: () => [...issued],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

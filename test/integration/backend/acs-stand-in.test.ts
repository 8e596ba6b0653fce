/**
 * The ACS Identity stand-in rejects what ACS rejects. The real SDK drives the happy paths (and a
 * wrong key); hand-signed requests probe the HMAC rules the SDK never breaks on its own: date
 * skew, a body that does not match its hash, a signature over the decoded path. Bearer tokens:
 * wrong audience, expired, unsigned.
 */
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:https';
import { CommunicationIdentityClient } from '@azure/communication-identity';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AcsIdentityStandIn, startAcsIdentityStandIn } from '../../../devtools/acs-stand-in/acs-identity';

let standIn: AcsIdentityStandIn;
let client: CommunicationIdentityClient;
beforeAll(async () => {
  standIn = await startAcsIdentityStandIn();
  client = new CommunicationIdentityClient(standIn.connectionString, {
    tlsOptions: { ca: standIn.certificates.caCertPem },
  });
});
afterAll(() => standIn.close());

interface RawAnswer {
  status: number;
  body: string;
}

/** One HTTPS request to the stand-in exactly as given (path sent raw, not re-encoded). */
function send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<RawAnswer> {
  const { port } = new URL(standIn.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: 'localhost', port, method, path, headers, ca: standIn.certificates.caCertPem },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs like the SDK does; each option breaks one rule. */
function hmacHeaders(
  method: string,
  pathAndQuery: string,
  body: string,
  options: { date?: Date; signedPath?: string; hashOf?: string; key?: string } = {},
): Record<string, string> {
  const { host } = new URL(standIn.endpoint);
  const date = (options.date ?? new Date()).toUTCString();
  const contentHash = createHash('sha256')
    .update(options.hashOf ?? body)
    .digest('base64');
  const stringToSign = `${method}\n${options.signedPath ?? pathAndQuery}\n${date};${host};${contentHash}`;
  const signature = createHmac('sha256', Buffer.from(options.key ?? standIn.accessKey, 'base64'))
    .update(stringToSign)
    .digest('base64');
  return {
    host,
    'x-ms-date': date,
    'x-ms-content-sha256': contentHash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
    'content-type': 'application/json',
  };
}

const CREATE = '/identities?api-version=2023-10-01';

describe('access key (HMAC-SHA256)', () => {
  test('the real SDK creates users, issues, revokes and deletes with exact statuses', async () => {
    const { user, token } = await client.createUserAndToken(['voip']);
    expect(await standIn.checkUserToken(token)).toMatchObject({ valid: true, scopes: ['voip'] });
    const chat = await client.getToken(user, ['chat', 'voip'], { tokenExpiresInMinutes: 1440 });
    expect(await standIn.checkUserToken(chat.token)).toMatchObject({ valid: true, scopes: ['chat', 'voip'] });
    await client.revokeTokens(user);
    expect(await standIn.checkUserToken(chat.token)).toEqual({ valid: false, reason: 'revoked' });
    await client.deleteUser(user);
    await expect(client.getToken(user, ['voip'])).rejects.toMatchObject({ statusCode: 404 });
    const statuses = standIn.requests.slice(-5).map((r) => `${r.operation} ${r.status}`);
    expect(statuses).toEqual([
      'createUser 201',
      'issueAccessToken 200',
      'revokeAccessTokens 204',
      'deleteUser 204',
      'issueAccessToken 404',
    ]);
  });

  test('user tokens are RS256 JWTs with ACS’s claims and a real exp', async () => {
    const { token, expiresOn } = await client.createUserAndToken(['voip'], { tokenExpiresInMinutes: 60 });
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    for (const claim of ['skypeid', 'scp', 'csi', 'exp', 'rgn', 'acsScope', 'resourceId', 'resourceLocation']) {
      expect(payload).toHaveProperty(claim);
    }
    expect(payload.exp * 1000).toBe(expiresOn.getTime());
    expect(payload.resourceId).toBe(standIn.resourceId);
  });

  test('a wrong access key is rejected with 401 Denied', async () => {
    const wrongKey = Buffer.alloc(32, 7).toString('base64');
    const impostor = new CommunicationIdentityClient(`endpoint=${standIn.endpoint};accesskey=${wrongKey}`, {
      tlsOptions: { ca: standIn.certificates.caCertPem },
    });
    await expect(impostor.createUser()).rejects.toMatchObject({ statusCode: 401, code: 'Denied' });
  });

  test('a correctly hand-signed request is accepted (the signer below is faithful)', async () => {
    const answer = await send('POST', CREATE, hmacHeaders('POST', CREATE, '{}'), '{}');
    expect(answer.status).toBe(201);
  });

  test.each([
    ['x-ms-date six minutes old', { date: new Date(Date.now() - 6 * 60_000) }],
    ['x-ms-date six minutes ahead', { date: new Date(Date.now() + 6 * 60_000) }],
    ['a body that does not match x-ms-content-sha256', { hashOf: '{"other":true}' }],
    ['a signature over another path', { signedPath: '/identities?api-version=2022-06-01' }],
    ['a wrong key', { key: Buffer.alloc(32, 1).toString('base64') }],
  ])('%s → 401', async (_name, breakage) => {
    const answer = await send('POST', CREATE, hmacHeaders('POST', CREATE, '{}', breakage), '{}');
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'Denied', message: expect.any(String) } });
  });

  test('the signature covers the raw, still-encoded path: signing the decoded one fails', async () => {
    const { user } = await client.createUserAndToken(['voip']);
    const encoded = `/identities/${encodeURIComponent(user.communicationUserId)}/:issueAccessToken?api-version=2023-10-01`;
    const decoded = `/identities/${user.communicationUserId}/:issueAccessToken?api-version=2023-10-01`;
    const body = '{"scopes":["voip"]}';
    expect((await send('POST', encoded, hmacHeaders('POST', encoded, body), body)).status).toBe(200);
    expect(
      (await send('POST', encoded, hmacHeaders('POST', encoded, body, { signedPath: decoded }), body)).status,
    ).toBe(401);
  });

  test.each([
    ['expiresInMinutes 59', '{"createTokenWithScopes":["voip"],"expiresInMinutes":59}'],
    ['expiresInMinutes 1441', '{"createTokenWithScopes":["voip"],"expiresInMinutes":1441}'],
    ['an unknown scope', '{"createTokenWithScopes":["voip","admin"]}'],
    ['scopes that are not strings', '{"createTokenWithScopes":[1]}'],
    ['broken JSON', '{"createTokenWithScopes":'],
  ])('%s → 400 with ACS’s error shape', async (_name, body) => {
    const answer = await send('POST', CREATE, hmacHeaders('POST', CREATE, body), body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  test('an unknown api-version is 400 and an unknown route 404, both after authentication', async () => {
    const badVersion = '/identities?api-version=1999-01-01';
    expect((await send('POST', badVersion, hmacHeaders('POST', badVersion, '{}'), '{}')).status).toBe(400);
    const unknown = '/identities/x/:explode?api-version=2023-10-01';
    expect((await send('POST', unknown, hmacHeaders('POST', unknown, '{}'), '{}')).status).toBe(404);
    expect((await send('POST', unknown, {}, '{}')).status).toBe(401);
  });

  test('injected 429/503 carry Retry-After, then service resumes', async () => {
    standIn.failNext(1, { status: 429, retryAfterSeconds: 3 });
    await expect(
      new CommunicationIdentityClient(standIn.connectionString, {
        tlsOptions: { ca: standIn.certificates.caCertPem },
        retryOptions: { maxRetries: 0 },
      }).createUser(),
    ).rejects.toMatchObject({ statusCode: 429 });
    standIn.failNext(1, { status: 503, retryAfterSeconds: 0 });
    // The SDK retries 503 on its own (default policy) and succeeds on the next attempt.
    await expect(client.createUser()).resolves.toMatchObject({ communicationUserId: expect.stringMatching(/^8:acs:/) });
  });
});

describe('Teams users', () => {
  test('getTokenForTeamsUser exchanges a matching Entra token and refuses a mismatched one', async () => {
    const objectId = '33333333-3333-3333-3333-333333333333';
    const appId = '44444444-4444-4444-4444-444444444444';
    const { accessToken } = await standIn.entra.issue('https://auth.msft.communication.azure.com', { objectId, appId });
    const exchanged = await client.getTokenForTeamsUser({
      teamsUserAadToken: accessToken,
      clientId: appId,
      userObjectId: objectId,
    });
    expect(await standIn.checkUserToken(exchanged.token)).toMatchObject({ valid: true, userId: `8:orgid:${objectId}` });
    await expect(
      client.getTokenForTeamsUser({ teamsUserAadToken: accessToken, clientId: appId, userObjectId: appId }),
    ).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('managed identity (bearer)', () => {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  test('a token from the App Service endpoint for https://communication.azure.com/ is accepted', async () => {
    const { accessToken } = await standIn.entra.issue('https://communication.azure.com/');
    expect((await send('POST', CREATE, bearer(accessToken), '{}')).status).toBe(201);
  });

  test.each([
    ['another audience', () => standIn.entra.issue('https://vault.azure.net/').then((t) => t.accessToken)],
    [
      'an expired token',
      () =>
        standIn.entra.issue('https://communication.azure.com/', { lifetimeSeconds: -600 }).then((t) => t.accessToken),
    ],
    ['an unsigned token', async () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.`],
    ['garbage', async () => 'not-a-jwt'],
  ])('%s → 401', async (_name, makeToken) => {
    const answer = await send('POST', CREATE, bearer(await makeToken()), '{}');
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error.code).toBe('Denied');
  });

  test('the endpoint refuses a missing or wrong X-IDENTITY-HEADER and an unknown api-version', async () => {
    const { endpoint, header } = standIn.managedIdentity;
    const url = `${endpoint}?api-version=2019-08-01&resource=${encodeURIComponent('https://communication.azure.com/')}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { 'x-identity-header': 'wrong' } })).status).toBe(401);
    const wrongVersion = url.replace('2019-08-01', '2017-09-01');
    expect((await fetch(wrongVersion, { headers: { 'x-identity-header': header } })).status).toBe(400);
    const ok = await fetch(url, { headers: { 'x-identity-header': header } });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', resource: 'https://communication.azure.com/' });
    expect(Number(body.expires_on)).toBeGreaterThan(Date.now() / 1000);
  });
});

/**
 * The lean access-key client (backend/acs/hmac-identity-gateway.ts) against the ACS stand-in, which
 * verifies HMAC signatures as ACS does: its signatures are accepted and a tampered one is refused;
 * and every ACS failure maps to the same `AcsFailure` as through the SDK path
 * (`@azure/communication-identity`, createSdkIdentityGateway) given the same answer.
 */
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AcsFailure } from '../../../backend/acs/acs-call';
import { createHmacIdentityGateway, sha256Base64, signAcsRequest } from '../../../backend/acs/hmac-identity-gateway';
import { type AcsIdentityGateway, createSdkIdentityGateway } from '../../../backend/acs/identity-gateway';
import {
  type AcsFault,
  type AcsIdentityStandIn,
  startAcsIdentityStandIn,
} from '../../../devtools/acs-stand-in/acs-identity';

const TIMEOUT_MS = 400;
let standIn: AcsIdentityStandIn;
let lean: AcsIdentityGateway;
let sdk: AcsIdentityGateway;

function leanGateway(overrides: { accessKey?: string; tokenLifetimeMinutes?: number } = {}) {
  return createHmacIdentityGateway({
    endpoint: standIn.endpoint,
    accessKey: overrides.accessKey ?? standIn.accessKey,
    tokenLifetimeMinutes: overrides.tokenLifetimeMinutes ?? 60,
    timeoutMs: TIMEOUT_MS,
    tls: { ca: standIn.certificates.caCertPem },
  });
}

function sdkGateway(overrides: { accessKey?: string; tokenLifetimeMinutes?: number } = {}) {
  return createSdkIdentityGateway({
    credentials: {
      kind: 'access-key',
      connectionString: `endpoint=${standIn.endpoint};accesskey=${overrides.accessKey ?? standIn.accessKey}`,
    },
    tokenLifetimeMinutes: overrides.tokenLifetimeMinutes ?? 60,
    timeoutMs: TIMEOUT_MS,
    clientOptions: { tlsOptions: { ca: standIn.certificates.caCertPem } },
  });
}

beforeAll(async () => {
  standIn = await startAcsIdentityStandIn();
  lean = leanGateway();
  sdk = sdkGateway();
});
afterAll(async () => {
  await lean?.close();
  await sdk?.close();
  await standIn?.close();
});

/** What a failure says, field by field (the HTTP layer reads nothing else). */
async function failureOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AcsFailure);
  const { kind, acsStatus, retryAfterSeconds, acsCode } = error as AcsFailure;
  return { kind, acsStatus, retryAfterSeconds, acsCode };
}

describe('signatures', () => {
  test('the stand-in accepts every call the lean client signs, and the tokens are ACS’s', async () => {
    const before = standIn.requests.length;
    const created = await lean.createUserAndToken();
    expect(await standIn.checkUserToken(created.accessToken.token)).toMatchObject({
      valid: true,
      userId: created.communicationUserId,
      scopes: ['voip'],
    });
    const issued = await lean.getToken(created.communicationUserId);
    const check = await standIn.checkUserToken(issued.token);
    expect(check).toMatchObject({ valid: true, userId: created.communicationUserId });
    expect(check.valid && check.expiresOn.toISOString()).toBe(issued.expiresOn);
    await lean.revokeTokens(created.communicationUserId);
    expect(await standIn.checkUserToken(issued.token)).toEqual({ valid: false, reason: 'revoked' });
    await lean.deleteUser(created.communicationUserId);
    expect(standIn.userIds()).not.toContain(created.communicationUserId);
    expect(standIn.requests.slice(before).map((r) => `${r.operation} ${r.auth} ${r.status}`)).toEqual([
      'createUser hmac 201',
      'issueAccessToken hmac 200',
      'revokeAccessTokens hmac 204',
      'deleteUser hmac 204',
    ]);
  });

  /** One request signed by `signAcsRequest`, then changed on the way by `tamper`. */
  async function sendSigned(tamper: (headers: Record<string, string>, body: { text: string }) => void) {
    const { host, port } = new URL(standIn.endpoint);
    const pathAndQuery = '/identities?api-version=2023-10-01';
    const body = { text: '{}' };
    const headers = {
      ...signAcsRequest({
        method: 'POST',
        pathAndQuery,
        host,
        contentHash: sha256Base64(body.text),
        key: Buffer.from(standIn.accessKey, 'base64'),
        date: new Date(),
      }),
      'content-type': 'application/json',
    };
    tamper(headers, body);
    return new Promise<number>((resolve, reject) => {
      const req = request(
        { host: 'localhost', port, method: 'POST', path: pathAndQuery, headers, ca: standIn.certificates.caCertPem },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body.text);
    });
  }

  test('an untouched signed request is accepted (the tampering below is all that differs)', async () => {
    expect(await sendSigned(() => {})).toBe(201);
  });

  test.each([
    ['one character of the signature', (h: Record<string, string>) => flipFirstSignatureCharacter(h)],
    ['the body', (_h: Record<string, string>, body: { text: string }) => Object.assign(body, { text: '{ }' })],
    [
      'x-ms-date',
      (h: Record<string, string>) => Object.assign(h, { 'x-ms-date': new Date(Date.now() - 1000).toUTCString() }),
    ],
    [
      'x-ms-content-sha256',
      (h: Record<string, string>) => Object.assign(h, { 'x-ms-content-sha256': sha256Base64('{ }') }),
    ],
  ])('a request with %s changed after signing is refused with 401', async (_what, tamper) => {
    expect(await sendSigned(tamper)).toBe(401);
  });

  test('a wrong access key: credentials-rejected, as through the SDK', async () => {
    const wrongKey = Buffer.alloc(32, 7).toString('base64');
    const impostorLean = leanGateway({ accessKey: wrongKey });
    const impostorSdk = sdkGateway({ accessKey: wrongKey });
    try {
      const expected = {
        kind: 'credentials-rejected',
        acsStatus: 401,
        retryAfterSeconds: undefined,
        acsCode: 'Denied',
      };
      expect(await failureOf(impostorLean.createUserAndToken())).toEqual(expected);
      expect(await failureOf(impostorSdk.createUserAndToken())).toEqual(expected);
    } finally {
      await impostorLean.close();
    }
  });
});

/** The signature's first character (six bits that all count, unlike the last one's padding bits). */
function flipFirstSignatureCharacter(headers: Record<string, string>): void {
  headers.authorization = (headers.authorization as string).replace(
    /Signature=(.)/,
    (_match, first: string) => `Signature=${first === 'A' ? 'B' : 'A'}`,
  );
}

describe('failures map as through the SDK', () => {
  const faults: Array<[string, AcsFault, Awaited<ReturnType<typeof failureOf>>]> = [
    [
      '429 with Retry-After',
      { status: 429, retryAfterSeconds: 7 },
      { kind: 'throttled', acsStatus: 429, retryAfterSeconds: 7, acsCode: 'TooManyRequests' },
    ],
    [
      '503 without Retry-After',
      { status: 503 },
      { kind: 'throttled', acsStatus: 503, retryAfterSeconds: undefined, acsCode: 'ServiceUnavailable' },
    ],
    [
      '503 with Retry-After 0',
      { status: 503, retryAfterSeconds: 0 },
      { kind: 'throttled', acsStatus: 503, retryAfterSeconds: 0, acsCode: 'ServiceUnavailable' },
    ],
  ];

  test.each(faults)('%s', async (_name, fault, expected) => {
    const { communicationUserId } = await lean.createUserAndToken();
    for (const gateway of [lean, sdk]) {
      standIn.failNext(1, fault);
      expect(await failureOf(gateway.getToken(communicationUserId))).toEqual(expected);
      standIn.failNext(1, fault);
      expect(await failureOf(gateway.revokeTokens(communicationUserId))).toEqual(expected);
    }
  });

  test('a connection closed unanswered is retried once; twice in a row is unavailable', async () => {
    const { communicationUserId } = await lean.createUserAndToken();
    for (const gateway of [lean, sdk]) {
      const before = standIn.requests.length;
      standIn.failNext(1, { status: 'connection-reset' });
      await expect(gateway.getToken(communicationUserId)).resolves.toMatchObject({ token: expect.any(String) });
      expect(standIn.requests.slice(before).map((r) => r.status)).toEqual([0, 200]);
      standIn.failNext(2, { status: 'connection-reset' });
      expect(await failureOf(gateway.getToken(communicationUserId))).toEqual({
        kind: 'unavailable',
        acsStatus: undefined,
        retryAfterSeconds: undefined,
        acsCode: undefined,
      });
    }
  });

  test('a deleted identity is identity-gone', async () => {
    const { communicationUserId } = await lean.createUserAndToken();
    await lean.deleteUser(communicationUserId);
    const expected = {
      kind: 'identity-gone',
      acsStatus: 404,
      retryAfterSeconds: undefined,
      acsCode: 'IdentityNotFound',
    };
    for (const gateway of [lean, sdk]) {
      expect(await failureOf(gateway.getToken(communicationUserId))).toEqual(expected);
      expect(await failureOf(gateway.deleteUser(communicationUserId))).toEqual(expected);
    }
  });

  test('a token lifetime ACS refuses is rejected (400)', async () => {
    const shortLean = leanGateway({ tokenLifetimeMinutes: 59 });
    const shortSdk = sdkGateway({ tokenLifetimeMinutes: 59 });
    try {
      const expected = { kind: 'rejected', acsStatus: 400, retryAfterSeconds: undefined, acsCode: 'ValidationError' };
      expect(await failureOf(shortLean.createUserAndToken())).toEqual(expected);
      expect(await failureOf(shortSdk.createUserAndToken())).toEqual(expected);
    } finally {
      await shortLean.close();
    }
  });

  test('an ACS slower than the timeout is unavailable, and the next call works', async () => {
    const { communicationUserId } = await lean.createUserAndToken();
    standIn.setLatency(TIMEOUT_MS * 5);
    try {
      for (const gateway of [lean, sdk]) {
        expect(await failureOf(gateway.getToken(communicationUserId))).toEqual({
          kind: 'unavailable',
          acsStatus: undefined,
          retryAfterSeconds: undefined,
          acsCode: undefined,
        });
      }
    } finally {
      standIn.setLatency(0);
    }
    await expect(lean.getToken(communicationUserId)).resolves.toMatchObject({ token: expect.any(String) });
  });
});

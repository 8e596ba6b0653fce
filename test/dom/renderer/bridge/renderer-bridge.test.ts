import type { SwitchboardBridge, TokenRequest, TokenResult } from '../../../../common/ipc';
import { createRendererBridge, TokenRequestError, windowBridge } from '../../../../renderer/bridge';

/** The token half of window.switchboard, answered by the test as main would. */
function fakeRaw() {
  const pending = new Map<string, (result: TokenResult) => void>();
  const aborted: string[] = [];
  const requests: TokenRequest[] = [];
  const raw = {
    session: {} as SwitchboardBridge['session'],
    config: {} as SwitchboardBridge['config'],
    token: {
      get: (request: TokenRequest) => {
        requests.push(request);
        return new Promise<TokenResult>((resolve) => pending.set(request.requestId, resolve));
      },
      abort: (request: TokenRequest) => void aborted.push(request.requestId),
    },
  } as unknown as SwitchboardBridge;
  return { raw, pending, aborted, requests };
}

const ok: TokenResult = { ok: true, accessToken: { token: 'eyJ.token', expiresOn: '2030-01-01T00:00:00.000Z' } };

test('each token request carries its own request id and resolves with main’s token', async () => {
  const { raw, pending, requests } = fakeRaw();
  const bridge = createRendererBridge(raw);
  const first = bridge.getToken();
  const second = bridge.getToken();
  expect(requests).toHaveLength(2);
  expect(requests[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(requests[0]?.requestId).not.toBe(requests[1]?.requestId);
  for (const resolve of pending.values()) resolve(ok);
  await expect(first).resolves.toEqual(ok.accessToken);
  await expect(second).resolves.toEqual(ok.accessToken);
});

test('aborting rejects at once with AbortError and tells main to stop waiting for that request only', async () => {
  const { raw, pending, aborted, requests } = fakeRaw();
  const bridge = createRendererBridge(raw);
  const controller = new AbortController();
  const mine = bridge.getToken(controller.signal);
  const other = bridge.getToken();
  controller.abort();
  await expect(mine).rejects.toMatchObject({ name: 'AbortError' });
  expect(aborted).toEqual([requests[0]?.requestId]);
  pending.get(requests[1]?.requestId ?? '')?.(ok);
  await expect(other).resolves.toEqual(ok.accessToken);
});

test('an already aborted signal sends nothing', async () => {
  const { raw, requests } = fakeRaw();
  const controller = new AbortController();
  controller.abort();
  await expect(createRendererBridge(raw).getToken(controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  expect(requests).toEqual([]);
});

test('a refusal from main becomes a TokenRequestError with its code and sentence', async () => {
  const { raw, pending, requests } = fakeRaw();
  const request = createRendererBridge(raw).getToken();
  pending.get(requests[0]?.requestId ?? '')?.({
    ok: false,
    code: 'session-ended',
    message: 'Your session ended. Sign in again.',
  });
  const error = await request.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TokenRequestError);
  expect(error).toMatchObject({ code: 'session-ended', message: 'Your session ended. Sign in again.' });
});

test('outside Switchboard’s window the missing bridge is named', () => {
  expect(() => windowBridge()).toThrow(/window\.switchboard is missing/);
});

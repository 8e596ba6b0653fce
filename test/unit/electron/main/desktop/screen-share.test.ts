import { describe, expect, test, vi } from 'vitest';
import type { ScreenSharePickRequest } from '../../../../../common/ipc/desktop';
import {
  type CapturerSourceLike,
  type DisplayMediaGrant,
  ScreenShareBroker,
  THUMBNAIL_SIZE,
} from '../../../../../electron/main/desktop/screen-share';

const source = (id: string, name: string, thumbnail = 'data:image/png;base64,AAAA'): CapturerSourceLike => ({
  id,
  name,
  thumbnail: { isEmpty: () => thumbnail === '', toDataURL: () => thumbnail },
});

function setup(
  options: { sources?: CapturerSourceLike[]; windowOpen?: boolean; confirm?: () => Promise<boolean> } = {},
) {
  const asked: ScreenSharePickRequest[] = [];
  const getSources = vi.fn(
    async () => options.sources ?? [source('screen:1:0', 'Entire screen'), source('window:42:0', 'Notes', '')],
  );
  const broker = new ScreenShareBroker({
    capturer: { getSources },
    isTrustedOrigin: (origin) => origin === 'app://localhost',
    screenRecordingAccess: () => 'granted',
    askRenderer: (request) => {
      asked.push(request);
      return options.windowOpen ?? true;
    },
    log: () => {},
    // The user says "Share" in main's native question (test/integration/security/native-confirm.test.ts covers "no").
    confirm: options.confirm ?? (async () => true),
  });
  const grants: DisplayMediaGrant[] = [];
  const callback = (grant: DisplayMediaGrant) => grants.push(grant);
  return { broker, asked, grants, callback, getSources };
}

const ours = { securityOrigin: 'app://localhost', videoRequested: true };

describe('screen-share picker', () => {
  test('lists screens and windows with thumbnails and grants the chosen one', async () => {
    const { broker, asked, grants, callback, getSources } = setup();
    await broker.handleRequest(ours, callback);
    expect(getSources).toHaveBeenCalledWith({
      types: ['screen', 'window'],
      thumbnailSize: THUMBNAIL_SIZE,
      fetchWindowIcons: false,
    });
    expect(asked[0]?.sources).toEqual([
      { id: 'screen:1:0', name: 'Entire screen', kind: 'screen', thumbnailDataUrl: 'data:image/png;base64,AAAA' },
      { id: 'window:42:0', name: 'Notes', kind: 'window', thumbnailDataUrl: '' },
    ]);
    expect(await broker.choose(asked[0]?.requestId ?? '', 'window:42:0')).toEqual({ ok: true });
    expect(grants).toEqual([{ video: { id: 'window:42:0', name: 'Notes' } }]);
  });

  test('a foreign origin is refused without listing anything', async () => {
    const { broker, grants, callback, getSources } = setup();
    await broker.handleRequest({ securityOrigin: 'https://evil.example', videoRequested: true }, callback);
    expect(grants).toEqual([null]);
    expect(getSources).not.toHaveBeenCalled();
  });

  test('an id main did not offer is refused; so is a stale request id', async () => {
    const { broker, asked, grants, callback } = setup();
    await broker.handleRequest(ours, callback);
    const requestId = asked[0]?.requestId ?? '';
    expect(await broker.choose('share-999', 'screen:1:0')).toMatchObject({ ok: false, code: 'no-request' });
    expect(await broker.choose(requestId, 'screen:666:0')).toMatchObject({ ok: false, code: 'unknown-source' });
    expect(grants).toEqual([null]);
    expect(await broker.choose(requestId, 'screen:1:0')).toMatchObject({ ok: false, code: 'no-request' });
  });

  test('cancel answers null; a second request replaces the first; no window means no share', async () => {
    const first = setup();
    await first.broker.handleRequest(ours, first.callback);
    await first.broker.handleRequest(ours, first.callback);
    expect(first.grants).toEqual([null]);
    expect(await first.broker.choose(first.asked[1]?.requestId ?? '', null)).toEqual({ ok: true });
    expect(first.grants).toEqual([null, null]);

    const noWindow = setup({ windowOpen: false });
    await noWindow.broker.handleRequest(ours, noWindow.callback);
    expect(noWindow.grants).toEqual([null]);
    expect(noWindow.broker.hasPending).toBe(false);
  });

  test('the callback is answered exactly once even if the window goes away after a choice', async () => {
    const { broker, asked, grants, callback } = setup();
    await broker.handleRequest(ours, callback);
    await broker.choose(asked[0]?.requestId ?? '', 'screen:1:0');
    broker.cancelPending();
    expect(grants).toHaveLength(1);
  });
});

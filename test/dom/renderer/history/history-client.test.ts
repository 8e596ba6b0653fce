import { describe, expect, test, vi } from 'vitest';
import type { CallHistory } from '../../../../common/ipc/history';
import type { HistoryApi } from '../../../../renderer/bridge';
import { createHistoryClient } from '../../../../renderer/history/history-client';
import {
  recentFromEndedCall,
  recentFromIncoming,
  rememberAnsweredCaller,
} from '../../../../renderer/history/record-call';
import { callView, incomingCall } from '../screens/support/fake-calling-store';

const empty: CallHistory = { recents: [], favourites: [] };
/** A session without a company directory: nobody resolves. */
const noDirectory = { resolve: async () => null };

function api(overrides: Partial<HistoryApi> = {}): HistoryApi {
  return {
    get: vi.fn(async () => empty),
    recordCall: vi.fn(async () => empty),
    removeRecent: vi.fn(async () => empty),
    clearRecents: vi.fn(async () => empty),
    addFavourite: vi.fn(async () => empty),
    removeFavourite: vi.fn(async () => empty),
    ...overrides,
  };
}

describe('history client', () => {
  test('when main cannot answer it is unavailable and says why; a change is refused', async () => {
    const refuse = async (): Promise<never> => {
      throw new Error("No handler registered for 'switchboard:history:get'");
    };
    const client = createHistoryClient(api({ get: refuse, recordCall: refuse }));
    await client.load();
    expect(client.getSnapshot()).toEqual({ status: 'unavailable', reason: expect.stringMatching(/No handler/) });
    await expect(
      client.recordCall((await recentFromEndedCall(callView(), Date.now(), noDirectory)) ?? ({} as never)),
    ).rejects.toThrow(/No handler/);
  });

  test('loads once, publishes changes to subscribers', async () => {
    const bridge = api();
    const client = createHistoryClient(bridge);
    const seen: string[] = [];
    client.subscribe(() => seen.push(client.getSnapshot().status));
    await Promise.all([client.load(), client.load()]);
    expect(bridge.get).toHaveBeenCalledTimes(1);
    await client.clearRecents();
    expect(seen).toEqual(['ready', 'ready']);
  });

  test('a failed load is retried by the next one', async () => {
    const get = vi.fn<HistoryApi['get']>().mockRejectedValueOnce(new Error('main is busy')).mockResolvedValue(empty);
    const client = createHistoryClient(api({ get }));
    await client.load();
    expect(client.getSnapshot()).toEqual({ status: 'unavailable', reason: 'main is busy' });
    await client.load();
    expect(client.getSnapshot()).toEqual({ status: 'ready', history: empty });
  });
});

describe('recents entries', () => {
  test('an outgoing call: completed with its duration, or failed when it never connected', async () => {
    const connectedAt = 1_000_000;
    expect(await recentFromEndedCall(callView({ connectedAt }), connectedAt + 61_400, noDirectory)).toMatchObject({
      outcome: 'completed',
      durationSeconds: 61,
      direction: 'outgoing',
    });
    expect(await recentFromEndedCall(callView({ connectedAt: null }), connectedAt, noDirectory)).toMatchObject({
      outcome: 'failed',
      durationSeconds: 0,
    });
  });

  test('an incoming call without a target uses the caller we answered; unknown callers are not recorded', async () => {
    rememberAnsweredCaller(incomingCall({ id: 'in-9', callerId: '+14255550100' }));
    // The phone number is read with the phone-number library, loaded on demand for it.
    expect(
      await recentFromEndedCall(
        callView({ id: 'in-9', direction: 'incoming', target: null, title: '' }),
        0,
        noDirectory,
      ),
    ).toMatchObject({
      target: { kind: 'phone', e164: '+14255550100' },
      title: '+1 425 555 0100',
    });
    expect(
      await recentFromEndedCall(callView({ id: 'other', direction: 'incoming', target: null }), 0, noDirectory),
    ).toBeNull();
  });

  test('a missed phone caller without a name is titled with the number formatted', async () => {
    const missed = incomingCall({ callerId: '+442079460958', callerDisplayName: '' });
    expect(await recentFromIncoming(missed, 'missed', 5, noDirectory)).toMatchObject({
      target: { kind: 'phone', e164: '+442079460958' },
      title: '+44 20 7946 0958',
      outcome: 'missed',
      startedAt: 5,
    });
  });
});

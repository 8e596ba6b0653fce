import type { MediaStatsReportSample } from '@azure/communication-calling';
import { summariseMediaStats } from '../../../../renderer/calling/network-quality';
import { connectedCall } from './calling-harness';

function sample(overrides: { lost?: number; jitter?: number; rtt?: number } = {}): MediaStatsReportSample {
  return {
    audio: {
      send: [{ id: 'a-out', bitrate: 32_000, jitterInMs: 4, rttInMs: overrides.rtt ?? 60 }],
      receive: [
        {
          id: 'a-in',
          bitrate: 30_000,
          jitterInMs: overrides.jitter ?? 8,
          packetsPerSecond: 50 - (overrides.lost ?? 0),
          packetsLostPerSecond: overrides.lost ?? 0,
        },
      ],
    },
    video: { send: [{ id: 'v-out', bitrate: 1_200_000 }], receive: [{ id: 'v-in', bitrate: 900_000 }] },
    screenShare: { send: [], receive: [] },
    transports: [{ id: 't', rttInMs: overrides.rtt ?? 60 }],
  };
}

test('a sample becomes plain figures: loss in percent, jitter, round trip and bitrates in kbit/s', () => {
  expect(summariseMediaStats(sample())).toEqual({
    level: 'good',
    packetLossPercent: 0,
    jitterMs: 8,
    roundTripMs: 60,
    sendKbps: 1232,
    receiveKbps: 930,
  });
  expect(summariseMediaStats(sample({ lost: 2 })).packetLossPercent).toBe(4);
  expect(summariseMediaStats(sample({ lost: 2 })).level).toBe('fair');
  expect(summariseMediaStats(sample({ rtt: 620 })).level).toBe('poor');
  expect(summariseMediaStats(sample({ jitter: 35 })).level).toBe('fair');
  const empty = summariseMediaStats({
    audio: { send: [], receive: [] },
    video: { send: [], receive: [] },
    screenShare: { send: [], receive: [] },
    transports: [],
  });
  expect(empty).toEqual({
    level: 'good',
    packetLossPercent: null,
    jitterMs: null,
    roundTripMs: null,
    sendKbps: null,
    receiveKbps: null,
  });
});

test('the call collects media stats from the start and shows each sample; the collector goes with the call', async () => {
  const { h, call } = await connectedCall();
  const [collector] = call.features.mediaStats.collectors;
  expect(h.store.getState().call?.network).toBeNull();
  collector?.remoteSample(sample({ lost: 6 }));
  expect(h.store.getState().call?.network).toMatchObject({ level: 'poor', packetLossPercent: 12 });
  collector?.remoteSample(sample());
  expect(h.store.getState().call?.network?.level).toBe('good');
  await h.store.actions.hangUp();
  expect(collector?.disposed).toBe(true);
  expect(collector?.listenerCount()).toBe(0);
  expect(h.store.getState().call?.network).toBeNull();
  expect(call.features.mediaStats.collectors).toHaveLength(1);
});

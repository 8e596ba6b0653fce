/**
 * `Features.MediaStats` → `NetworkQuality`: one collector per call, each `sampleReported`
 * summarised into the figures a person can read (packet loss, jitter, round trip, bitrates) and a
 * level. The thresholds follow the usual VoIP guidance (and Teams' own network advice): loss under
 * 3 %, jitter under 30 ms and a round trip under 250 ms is good; 10 %, 50 ms or 500 ms is poor.
 * The UserFacingDiagnostics banners (diagnostics.ts) stay as they are; this is the always-on view.
 */
import type { MediaStatsReportSample } from '@azure/communication-calling';
import type { NetworkQuality } from './model';
import type { SdkMediaStats } from './sdk-surface';

type Stream = {
  bitrate?: number;
  jitterInMs?: number;
  packetsPerSecond?: number;
  packetsLostPerSecond?: number;
  rttInMs?: number;
};

const FAIR = { loss: 3, jitter: 30, rtt: 250 };
const POOR = { loss: 10, jitter: 50, rtt: 500 };

function numbers(values: Array<number | undefined>): number[] {
  return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}
const max = (values: number[]) => (values.length ? Math.max(...values) : null);
const sum = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) : null);
const kbps = (bps: number | null) => (bps === null ? null : Math.round(bps / 1000));

export function summariseMediaStats(sample: MediaStatsReportSample): NetworkQuality {
  const sent: Stream[] = [...sample.audio.send, ...sample.video.send, ...sample.screenShare.send];
  const received: Stream[] = [...sample.audio.receive, ...sample.video.receive, ...sample.screenShare.receive];
  const lost = sum(numbers(received.map((s) => s.packetsLostPerSecond)));
  const arrived = sum(numbers(received.map((s) => s.packetsPerSecond)));
  const packetLossPercent =
    lost === null || arrived === null || lost + arrived === 0
      ? null
      : Math.round((lost / (lost + arrived)) * 1000) / 10;
  const jitterMs = max(numbers([...sample.audio.send, ...sample.audio.receive].map((s) => s.jitterInMs)));
  const roundTripMs = max(numbers(sample.transports.map((t) => t.rttInMs))) ?? max(numbers(sent.map((s) => s.rttInMs)));
  const worse = (limit: typeof FAIR) =>
    (packetLossPercent ?? 0) >= limit.loss || (jitterMs ?? 0) >= limit.jitter || (roundTripMs ?? 0) >= limit.rtt;
  return {
    level: worse(POOR) ? 'poor' : worse(FAIR) ? 'fair' : 'good',
    packetLossPercent,
    jitterMs: jitterMs === null ? null : Math.round(jitterMs),
    roundTripMs: roundTripMs === null ? null : Math.round(roundTripMs),
    sendKbps: kbps(sum(numbers(sent.map((s) => s.bitrate)))),
    receiveKbps: kbps(sum(numbers(received.map((s) => s.bitrate)))),
  };
}

/** Starts a collector and hands each sample, summarised, to `onSample`; returns the disposal. */
export function watchNetworkQuality(feature: SdkMediaStats, onSample: (quality: NetworkQuality) => void): () => void {
  const collector = feature.createCollector();
  const listener = (sample: MediaStatsReportSample) => onSample(summariseMediaStats(sample));
  collector.on('sampleReported', listener);
  return () => {
    collector.off('sampleReported', listener);
    collector.dispose();
  };
}

/**
 * Web Audio beside the SDK: the microphone level meter (an AnalyserNode on a getUserMedia stream
 * of the selected microphone) and the speaker test tone (an AudioContext routed to the selected
 * speaker with setSinkId). Browser APIs come in through `MediaEnvironment` so tests can supply them.
 */
export interface MediaEnvironment {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  createAudioContext(): AudioContext;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
}

export const browserMediaEnvironment: MediaEnvironment = {
  getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
  createAudioContext: () => new AudioContext(),
  requestFrame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
};

/** The SDK names devices "microphone:<deviceId>" / "speaker:<deviceId>"; the browser wants the deviceId. */
export function browserDeviceId(sdkDeviceId: string | null): string | undefined {
  if (!sdkDeviceId) return undefined;
  const match = /^(?:microphone|speaker|camera):(.*)$/.exec(sdkDeviceId);
  const id = match ? match[1] : sdkDeviceId;
  return id && id !== 'default' ? id : undefined;
}

export function watchMicrophoneLevel(
  env: MediaEnvironment,
  microphoneId: string | null,
  listener: (level: number) => void,
): () => void {
  let stopped = false;
  let frame: number | null = null;
  let stream: MediaStream | null = null;
  let context: AudioContext | null = null;
  const deviceId = browserDeviceId(microphoneId);
  // Through a promise so that a missing API (no mediaDevices) reads as level 0, not a crash.
  void Promise.resolve()
    .then(() => env.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false }))
    .then((granted) => {
      stream = granted;
      if (stopped) return stop();
      context = env.createAudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaStreamSource(granted).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const tick = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        // RMS of speech sits around 0.02–0.2; scale so normal speech fills most of the meter.
        listener(Math.min(1, Math.sqrt(sum / samples.length) * 4));
        frame = env.requestFrame(tick);
      };
      tick();
    })
    .catch(() => listener(0));
  function stop() {
    stopped = true;
    if (frame !== null) env.cancelFrame(frame);
    for (const track of stream?.getTracks() ?? []) track.stop();
    void context?.close();
  }
  return stop;
}

/** A short two-tone chime on the chosen speaker. */
export async function playTestSound(env: MediaEnvironment, speakerId: string | null): Promise<void> {
  const context = env.createAudioContext();
  try {
    const sinkId = browserDeviceId(speakerId);
    const withSink = context as AudioContext & { setSinkId?: (id: string) => Promise<void> };
    if (sinkId && withSink.setSinkId) await withSink.setSinkId(sinkId);
    const gain = context.createGain();
    gain.connect(context.destination);
    const start = context.currentTime;
    for (const [index, frequency] of [660, 880].entries()) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start + index * 0.3);
      oscillator.stop(start + index * 0.3 + 0.25);
    }
    gain.gain.setValueAtTime(0.2, start);
    await new Promise<void>((done) => {
      const last = context.createOscillator();
      last.frequency.value = 0;
      last.connect(gain);
      last.onended = () => done();
      last.start(start + 0.6);
      last.stop(start + 0.6);
    });
  } finally {
    await context.close();
  }
}

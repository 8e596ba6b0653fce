/**
 * The SDK's DeviceManager → `DevicesState`: permissions, the three device lists (kept live
 * through videoDevicesUpdated / audioDevicesUpdated), and the user's choice, remembered across
 * restarts in localStorage and re-applied whenever the device it names is present.
 */
import { deviceStrings } from '../strings';
import type { DevicesState, MediaDevice, PermissionStatus } from './model';
import type { AudioDeviceInfo, SdkDeviceManager, VideoDeviceInfo } from './sdk-surface';

export const DEVICE_CHOICE_KEY = 'switchboard.devices.v1';

interface DeviceChoice {
  cameraId?: string;
  microphoneId?: string;
  speakerId?: string;
}

export const initialDevicesState: DevicesState = {
  ready: false,
  audioPermission: 'unknown',
  videoPermission: 'unknown',
  cameras: [],
  microphones: [],
  speakers: [],
  selectedCameraId: null,
  selectedMicrophoneId: null,
  selectedSpeakerId: null,
  notice: null,
};

export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem'>;

function readChoice(storage: DeviceStorage): DeviceChoice {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(DEVICE_CHOICE_KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const choice: DeviceChoice = {};
    for (const key of ['cameraId', 'microphoneId', 'speakerId'] as const) {
      const value = (parsed as Record<string, unknown>)[key];
      if (typeof value === 'string') choice[key] = value;
    }
    return choice;
  } catch {
    return {}; // a corrupt entry only loses the remembered choice
  }
}

function toMediaDevice(device: VideoDeviceInfo | AudioDeviceInfo): MediaDevice {
  return { id: device.id, name: device.name, isSystemDefault: 'isSystemDefault' in device && device.isSystemDefault };
}

/** The remembered device if it is plugged in, else the system default, else the first one. */
function pick(devices: MediaDevice[], remembered: string | undefined, current: string | null): string | null {
  if (remembered && devices.some((d) => d.id === remembered)) return remembered;
  if (current && devices.some((d) => d.id === current)) return current;
  return (devices.find((d) => d.isSystemDefault) ?? devices[0])?.id ?? null;
}

export class DeviceController {
  private manager: SdkDeviceManager | null = null;
  private cameras: VideoDeviceInfo[] = [];
  private microphones: AudioDeviceInfo[] = [];
  private speakers: AudioDeviceInfo[] = [];
  private cleanups: Array<() => void> = [];

  constructor(
    private readonly storage: DeviceStorage,
    private readonly getState: () => DevicesState,
    private readonly setState: (update: (devices: DevicesState) => DevicesState) => void,
    /** The selected camera was unplugged: the replacement chosen (null: none left). */
    private readonly onCameraGone: (replacement: VideoDeviceInfo | null) => void = () => {},
  ) {}

  async attach(manager: SdkDeviceManager): Promise<void> {
    this.manager = manager;
    const onVideo = () => void this.refresh();
    const onAudio = () => void this.refresh();
    manager.on('videoDevicesUpdated', onVideo);
    manager.on('audioDevicesUpdated', onAudio);
    this.cleanups.push(() => {
      manager.off('videoDevicesUpdated', onVideo);
      manager.off('audioDevicesUpdated', onAudio);
    });
    await this.refresh();
  }

  detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.manager = null;
  }

  async requestPermissions(which: { audio: boolean; video: boolean }): Promise<void> {
    const manager = this.requireManager();
    const access = await manager.askDevicePermission(which);
    const status = (asked: boolean, granted: boolean, previous: PermissionStatus): PermissionStatus =>
      asked ? (granted ? 'granted' : 'denied') : previous;
    this.setState((devices) => ({
      ...devices,
      audioPermission: status(which.audio, access.audio, devices.audioPermission),
      videoPermission: status(which.video, access.video, devices.videoPermission),
    }));
    // Labels and the full lists appear only after permission is granted.
    await this.refresh();
  }

  camera(id: string | null = this.getState().selectedCameraId): VideoDeviceInfo | undefined {
    return this.cameras.find((c) => c.id === id);
  }

  selectCamera(id: string): VideoDeviceInfo {
    const camera = this.camera(id);
    if (!camera) throw new Error(`No camera with id ${id} is plugged in.`);
    this.remember({ cameraId: id });
    this.setState((devices) => ({ ...devices, selectedCameraId: id }));
    return camera;
  }

  async selectMicrophone(id: string): Promise<void> {
    const manager = this.requireManager();
    const microphone = this.microphones.find((m) => m.id === id);
    if (!microphone) throw new Error(`No microphone with id ${id} is plugged in.`);
    await manager.selectMicrophone(microphone);
    this.remember({ microphoneId: id });
    this.setState((devices) => ({ ...devices, selectedMicrophoneId: id }));
  }

  async selectSpeaker(id: string): Promise<void> {
    const manager = this.requireManager();
    const speaker = this.speakers.find((s) => s.id === id);
    if (!speaker) throw new Error(`No speaker with id ${id} is plugged in.`);
    // Saved only once the OS has applied it: a choice that does not take effect must say so.
    if (!manager.isSpeakerSelectionAvailable) throw new Error(deviceStrings.speakerChoiceRefused);
    try {
      await manager.selectSpeaker(speaker);
    } catch {
      throw new Error(deviceStrings.speakerRefused(speaker.name));
    }
    this.remember({ speakerId: id });
    this.setState((devices) => ({ ...devices, selectedSpeakerId: id }));
  }

  private requireManager(): SdkDeviceManager {
    if (!this.manager) throw new Error('Devices are not ready yet.');
    return this.manager;
  }

  private remember(change: DeviceChoice): void {
    try {
      this.storage.setItem(DEVICE_CHOICE_KEY, JSON.stringify({ ...readChoice(this.storage), ...change }));
    } catch {
      // Storage full or disabled: the choice holds for this run only.
    }
  }

  private async refresh(): Promise<void> {
    const manager = this.manager;
    if (!manager) return;
    const [cameras, microphones, speakers] = await Promise.all([
      manager.getCameras(),
      manager.getMicrophones(),
      manager.isSpeakerSelectionAvailable ? manager.getSpeakers() : Promise.resolve([]),
    ]);
    if (manager !== this.manager) return;
    this.cameras = cameras;
    // The SDK lists a placeholder "microphone:" / "speaker:" device before permission is granted.
    this.microphones = microphones.filter((m) => m.id !== 'microphone:');
    this.speakers = speakers.filter((s) => s.id !== 'speaker:');
    const remembered = readChoice(this.storage);
    const current = this.getState();
    const cameraList = this.cameras.map(toMediaDevice);
    const microphoneList = this.microphones.map(toMediaDevice);
    const speakerList = this.speakers.map(toMediaDevice);
    const selectedMicrophoneId = pick(microphoneList, remembered.microphoneId, current.selectedMicrophoneId);
    const selectedSpeakerId = pick(speakerList, remembered.speakerId, current.selectedSpeakerId);
    // Tell the SDK, so calls use the chosen devices (it keeps its own selection).
    const microphone = this.microphones.find((m) => m.id === selectedMicrophoneId);
    if (microphone && manager.selectedMicrophone?.id !== microphone.id) await manager.selectMicrophone(microphone);
    const speaker = this.speakers.find((s) => s.id === selectedSpeakerId);
    if (speaker && manager.isSpeakerSelectionAvailable && manager.selectedSpeaker?.id !== speaker.id) {
      // A speaker the OS refuses now keeps the SDK's own; the next change or plug tries again.
      await manager.selectSpeaker(speaker).catch(() => {});
    }
    const previousCameraId = current.selectedCameraId;
    const selectedCameraId = pick(cameraList, remembered.cameraId, previousCameraId);
    this.setState((devices) => ({
      ...devices,
      ready: true,
      cameras: cameraList,
      microphones: microphoneList,
      speakers: speakerList,
      selectedCameraId,
      selectedMicrophoneId,
      selectedSpeakerId,
    }));
    if (previousCameraId && !cameraList.some((c) => c.id === previousCameraId)) {
      this.onCameraGone(this.camera(selectedCameraId) ?? null);
    }
  }

  /** Shows a device change the user should hear about (null clears it). */
  setNotice(notice: string | null): void {
    this.setState((devices) => (devices.notice === notice ? devices : { ...devices, notice }));
  }
}

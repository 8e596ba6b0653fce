/**
 * Screen sharing through Electron's display-media handler with Switchboard's own picker: when the
 * page calls getDisplayMedia, main lists screens and windows (with thumbnails) from
 * desktopCapturer, the renderer shows them, and the user's choice comes back by id. Only our own
 * origin may ask; only an id main offered can be granted; one request is open at a time.
 */
import type {
  OkResult,
  ScreenRecordingAccess,
  ScreenSharePickRequest,
  ScreenShareSource,
} from '../../../common/ipc/desktop';

export const THUMBNAIL_SIZE = { width: 320, height: 180 } as const;

/** The part of a `DesktopCapturerSource` used here. */
export interface CapturerSourceLike {
  id: string;
  name: string;
  thumbnail: { isEmpty(): boolean; toDataURL(): string };
}

export interface DesktopCapturerLike {
  getSources(options: {
    types: Array<'screen' | 'window'>;
    thumbnailSize: { width: number; height: number };
    fetchWindowIcons?: boolean;
  }): Promise<CapturerSourceLike[]>;
}

/** The part of Electron's display-media request used here. */
export interface DisplayMediaRequestLike {
  securityOrigin: string;
  videoRequested: boolean;
}

/** What the callback receives: a source to capture, or null to refuse. */
export type DisplayMediaGrant = { video: { id: string; name: string } } | null;

export interface ScreenShareBrokerOptions {
  readonly capturer: DesktopCapturerLike;
  readonly isTrustedOrigin: (origin: string) => boolean;
  /** macOS screen-recording permission (`systemPreferences.getMediaAccessStatus('screen')`); elsewhere 'granted'. */
  readonly screenRecordingAccess: () => ScreenRecordingAccess;
  /** Shows the picker (an IPC event to our window); false when there is no window to ask. */
  readonly askRenderer: (request: ScreenSharePickRequest) => boolean;
  readonly log: (message: string) => void;
  readonly newId?: () => string;
}

interface PendingPick {
  readonly requestId: string;
  readonly sources: ScreenShareSource[];
  readonly callback: (grant: DisplayMediaGrant) => void;
}

export class ScreenShareBroker {
  private pending: PendingPick | null = null;
  private counter = 0;

  constructor(private readonly options: ScreenShareBrokerOptions) {}

  /** The body of `session.setDisplayMediaRequestHandler`. */
  async handleRequest(request: DisplayMediaRequestLike, callback: (grant: DisplayMediaGrant) => void): Promise<void> {
    if (!this.options.isTrustedOrigin(request.securityOrigin)) {
      this.options.log(`screen share refused for a foreign origin`);
      callback(null);
      return;
    }
    if (!request.videoRequested) {
      callback(null);
      return;
    }
    // A second getDisplayMedia while the picker is open replaces the first (which is refused).
    this.cancelPending();

    let sources: ScreenShareSource[];
    try {
      const raw = await this.options.capturer.getSources({
        types: ['screen', 'window'],
        thumbnailSize: THUMBNAIL_SIZE,
        fetchWindowIcons: false,
      });
      sources = raw.slice(0, 64).map(toSource);
    } catch (error) {
      this.options.log(`listing screen-share sources failed: ${(error as Error).message}`);
      callback(null);
      return;
    }

    const requestId = this.options.newId?.() ?? `share-${++this.counter}`;
    const pick: PendingPick = { requestId, sources, callback: once(callback) };
    this.pending = pick;
    const asked = this.options.askRenderer({
      requestId,
      sources,
      screenRecordingAccess: this.options.screenRecordingAccess(),
    });
    if (!asked) this.cancelPending();
  }

  /** The renderer's answer. Only the open request, and only a source main offered, is granted. */
  choose(requestId: string, sourceId: string | null): OkResult {
    const pick = this.pending;
    if (!pick || pick.requestId !== requestId) {
      return { ok: false, code: 'no-request', message: 'That screen-share request is no longer open.' };
    }
    this.pending = null;
    if (sourceId === null) {
      pick.callback(null);
      return { ok: true };
    }
    const source = pick.sources.find((s) => s.id === sourceId);
    if (!source) {
      pick.callback(null);
      return { ok: false, code: 'unknown-source', message: 'That screen or window was not offered.' };
    }
    pick.callback({ video: { id: source.id, name: source.name } });
    return { ok: true };
  }

  /** Refuses the open request (the window went away, or a new request replaced it). */
  cancelPending(): void {
    const pick = this.pending;
    this.pending = null;
    pick?.callback(null);
  }

  get hasPending(): boolean {
    return this.pending !== null;
  }
}

function toSource(source: CapturerSourceLike): ScreenShareSource {
  return {
    id: source.id,
    name: source.name.slice(0, 512),
    kind: source.id.startsWith('screen:') ? 'screen' : 'window',
    thumbnailDataUrl: source.thumbnail.isEmpty() ? '' : source.thumbnail.toDataURL(),
  };
}

function once<T>(callback: (value: T) => void): (value: T) => void {
  let called = false;
  return (value) => {
    if (called) return;
    called = true;
    callback(value);
  };
}

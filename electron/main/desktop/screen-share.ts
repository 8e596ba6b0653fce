/**
 * Screen sharing through Electron's display-media handler with Switchboard's own picker: when the
 * page calls getDisplayMedia, main lists screens and windows (with thumbnails) from
 * desktopCapturer, the renderer shows them, and the user's choice comes back by id. Only our own
 * origin may ask; only an id main offered can be granted; one request is open at a time.
 *
 * The renderer's picker only proposes: what is shared is decided in a step main owns. After the
 * user picks, main asks natively ("Share your entire screen?"), and the answer counts only for the
 * request it was asked for, if that request is still the open one. Nothing is remembered between
 * requests, so a renderer calling getDisplayMedia again gets nothing without a new answer.
 */

import { sanitizeRemoteName } from '../../../common/display-text';
import type {
  OkResult,
  ScreenRecordingAccess,
  ScreenSharePickRequest,
  ScreenShareSource,
} from '../../../common/ipc/desktop';
import { screenShareWords } from '../strings/desktop';
import type { ConfirmQuestion, NativeConfirm } from '../window/native-confirm';

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
  /** Main's own question about the picked source (window/native-confirm.ts). */
  readonly confirm: NativeConfirm;
  readonly newId?: () => string;
}

/** The native question for a picked source; window titles come from other apps, so they are cleaned. */
export function screenShareQuestion(source: Pick<ScreenShareSource, 'kind' | 'name'>): ConfirmQuestion {
  const name = sanitizeRemoteName(source.name, 80);
  return {
    message: source.kind === 'screen' ? screenShareWords.screenQuestion() : screenShareWords.windowQuestion(name),
    detail: source.kind === 'screen' ? screenShareWords.screenDetail(name) : screenShareWords.windowDetail(),
    buttons: [screenShareWords.dontShare(), screenShareWords.share()],
  };
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

  /**
   * The renderer's proposal. Only the open request, only a source main offered, and only after the
   * user said yes to main's own question about it — for this request, still open when answered.
   */
  async choose(requestId: string, sourceId: string | null): Promise<OkResult> {
    const pick = this.pending;
    if (!pick || pick.requestId !== requestId) return noRequest();
    if (sourceId === null) {
      this.pending = null;
      pick.callback(null);
      return { ok: true };
    }
    const source = pick.sources.find((s) => s.id === sourceId);
    if (!source) {
      this.pending = null;
      pick.callback(null);
      return { ok: false, code: 'unknown-source', message: screenShareWords.notOffered() };
    }
    const yes = await this.options.confirm(screenShareQuestion(source));
    // Replaced or cancelled while the question was open: that answer was for another request.
    if (this.pending !== pick) return noRequest();
    this.pending = null;
    if (!yes) {
      pick.callback(null);
      return { ok: false, code: 'declined', message: screenShareWords.nothingShared() };
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

function noRequest(): OkResult {
  return { ok: false, code: 'no-request', message: screenShareWords.requestClosed() };
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

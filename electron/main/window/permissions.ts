/**
 * One decision for every permission request and check: camera, microphone and screen capture
 * (what a call needs), to our own origin's top frame only; everything else is denied.
 */
import { originOf } from '../ipc/sender-policy';

/** Electron's permission names that a call needs. `media` is split by mediaTypes in requests. */
const GRANTED = new Set(['media', 'display-capture', 'speaker-selection', 'fullscreen']);
const GRANTED_MEDIA_TYPES = new Set(['audio', 'video']);

export interface PermissionQuery {
  readonly permission: string;
  /** The URL or origin asking. */
  readonly requestingUrl: string;
  /** For `media` requests: what is asked for (Electron's `details.mediaTypes`). */
  readonly mediaTypes?: readonly string[];
  /** False for a subframe. */
  readonly isMainFrame?: boolean;
}

export function isPermissionGranted(query: PermissionQuery, appOrigin: string): boolean {
  if (query.isMainFrame === false) return false;
  if (originOf(query.requestingUrl) !== appOrigin) return false;
  if (!GRANTED.has(query.permission)) return false;
  if (query.permission === 'media' && query.mediaTypes) {
    return query.mediaTypes.every((type) => GRANTED_MEDIA_TYPES.has(type));
  }
  return true;
}

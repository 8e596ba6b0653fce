/**
 * The whole IPC contract: `window.switchboard` is the intersection of one bridge per concern.
 * Each concern's module declares its channels (all prefixed `switchboard:`), zod schemas and
 * bridge type; main validates every payload against those schemas, the preload exposes exactly
 * these functions, and the renderer calls them typed.
 */
import type { SessionBridge } from './session';

export * from './session';

/** Every channel starts with this; the main process refuses anything else. */
export const IPC_CHANNEL_PREFIX = 'switchboard:';

export type SwitchboardBridge = SessionBridge;

/** The global name the preload exposes through contextBridge. */
export const BRIDGE_GLOBAL = 'switchboard';

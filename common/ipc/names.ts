/**
 * The IPC names that renderer code needs as values. Kept free of zod so that importing them does
 * not pull every schema into a renderer chunk; common/ipc/index.ts re-exports them.
 */

/** Every channel starts with this; the main process refuses anything else. */
export const IPC_CHANNEL_PREFIX = 'switchboard:';

/** The global name the preload exposes through contextBridge. */
export const BRIDGE_GLOBAL = 'switchboard';

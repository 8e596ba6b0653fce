/**
 * Electron's fuse wire as @electron/fuses reads and writes it: a sentinel, a version byte, a
 * length byte, then one byte per fuse ('0' off, '1' on, 'r' removed). A stand-in executable
 * carrying Electron's default wire lets electron-builder's real fuse step run without the real
 * binary; reading the wire back shows what a packaged Switchboard would run with.
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** electron-builder.yml `electronFuses` key → position in the wire (app-builder-lib's mapping). */
export const FUSE_POSITIONS = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
} as const;
export type FuseName = keyof typeof FUSE_POSITIONS;

/** The fuses docs/security.md promises (checklist item 19). */
export const HARDENING_FUSES: Partial<Record<FuseName, boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
};

/** Electron's shipped defaults: the Node-ish doors open, the hardening off. */
const ELECTRON_DEFAULTS: Record<FuseName, boolean> = {
  runAsNode: true,
  enableCookieEncryption: false,
  enableNodeOptionsEnvironmentVariable: true,
  enableNodeCliInspectArguments: true,
  enableEmbeddedAsarIntegrityValidation: false,
  onlyLoadAppFromAsar: false,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: true,
};

/** A shell script that exits 0 and carries Electron's default fuse wire after its code. */
export function standInExecutable(): Buffer {
  const wire = Buffer.alloc(Object.keys(FUSE_POSITIONS).length);
  for (const [name, position] of Object.entries(FUSE_POSITIONS)) {
    wire[position] = ELECTRON_DEFAULTS[name as FuseName] ? 0x31 : 0x30;
  }
  return Buffer.concat([
    Buffer.from(`#!/bin/sh\nexit 0\n# ${SENTINEL}`),
    Buffer.from([1, wire.length]),
    wire,
    Buffer.from('\n'),
  ]);
}

/** The fuses of a binary (stand-in or real Electron) by their electron-builder names. */
export async function readFuses(executable: string): Promise<Record<FuseName, boolean | 'removed'>> {
  const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
  const fuses = {} as Record<FuseName, boolean | 'removed'>;
  for (const [name, position] of Object.entries(FUSE_POSITIONS)) {
    const state = wire[position];
    fuses[name as FuseName] = state === 0x72 ? 'removed' : state === 0x31;
  }
  return fuses;
}

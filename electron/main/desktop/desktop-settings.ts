/**
 * The desktop settings main keeps in `userData/desktop-settings.json`: the user's link opt-in,
 * whether closing the window keeps Switchboard running in the tray, and whether the user has been
 * told so once. Read synchronously before the app is ready (links may arrive that early), written
 * atomically, one write at a time.
 */
import { readFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { z } from 'zod';
import {
  type CallLinkSettings,
  CallLinkSettingsSchema,
  DEFAULT_KEEP_RUNNING_IN_TRAY,
  type DesktopSettings,
} from '../../../common/ipc/desktop';
import { writeFileAtomic } from '../storage/atomic-write';

export const DESKTOP_SETTINGS_FILE_NAME = 'desktop-settings.json';
export const DEFAULT_CALL_LINK_SETTINGS: CallLinkSettings = { tel: false, callto: false };

/** Everything in the file; `trayNoticeShown` never leaves main. */
export interface StoredDesktopSettings {
  readonly callLinks: CallLinkSettings;
  readonly keepRunningInTray: boolean;
  /** The user has been told once that closing the window keeps Switchboard running. */
  readonly trayNoticeShown: boolean;
}

export const DEFAULT_DESKTOP_SETTINGS: StoredDesktopSettings = {
  callLinks: DEFAULT_CALL_LINK_SETTINGS,
  keepRunningInTray: DEFAULT_KEEP_RUNNING_IN_TRAY,
  trayNoticeShown: false,
};

// Each part is read on its own: a damaged field falls back to its default without taking the
// others with it. The link opt-in's default is "off", the safe side.
const fileParts = {
  callLinks: CallLinkSettingsSchema,
  keepRunningInTray: z.boolean(),
  trayNoticeShown: z.boolean(),
} as const;

/** The file's text (null: no file) → settings; anything unreadable → the defaults. */
export function parseDesktopSettings(text: string | null): StoredDesktopSettings {
  let raw: unknown;
  try {
    raw = text === null ? {} : JSON.parse(text);
  } catch {
    return DEFAULT_DESKTOP_SETTINGS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_DESKTOP_SETTINGS;
  const record = raw as Record<string, unknown>;
  const part = <K extends keyof typeof fileParts>(key: K): StoredDesktopSettings[K] => {
    const parsed = fileParts[key].safeParse(record[key]);
    return (parsed.success ? parsed.data : DEFAULT_DESKTOP_SETTINGS[key]) as StoredDesktopSettings[K];
  };
  return {
    callLinks: part('callLinks'),
    keepRunningInTray: part('keepRunningInTray'),
    trayNoticeShown: part('trayNoticeShown'),
  };
}

export function serialiseDesktopSettings(settings: StoredDesktopSettings): string {
  return `${JSON.stringify({ version: 1, ...settings }, null, 2)}\n`;
}

/** What the settings screen sees and changes. */
export function userFacingSettings(settings: StoredDesktopSettings): DesktopSettings {
  return { ...settings.callLinks, keepRunningInTray: settings.keepRunningInTray };
}

export type SettingsFs = Pick<typeof nodeFs, 'open' | 'rename' | 'unlink' | 'mkdir' | 'readdir'>;

export class DesktopSettingsStore {
  #current: StoredDesktopSettings;
  /** Writes run one after another, so the file ends with the last change. */
  #writing: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly filePath: string,
    initial: StoredDesktopSettings,
    private readonly fs: SettingsFs,
  ) {
    this.#current = initial;
  }

  /** Synchronous on purpose: `prepareDesktopIntegration` runs before the app is ready. */
  static openSync(filePath: string, fs: SettingsFs = nodeFs): DesktopSettingsStore {
    let text: string | null = null;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch {
      // No file yet (first start) or unreadable: the defaults.
    }
    return new DesktopSettingsStore(filePath, parseDesktopSettings(text), fs);
  }

  get current(): StoredDesktopSettings {
    return this.#current;
  }

  /**
   * Saves a change and only then makes it current: when the disk refuses, the caller learns it and
   * the app keeps behaving as the file says.
   */
  update(change: Partial<StoredDesktopSettings>): Promise<StoredDesktopSettings> {
    const run = this.#writing.then(async () => {
      const next = { ...this.#current, ...change };
      await writeFileAtomic(this.filePath, serialiseDesktopSettings(next), this.fs);
      this.#current = next;
      return next;
    });
    this.#writing = run.catch(() => {});
    return run;
  }
}

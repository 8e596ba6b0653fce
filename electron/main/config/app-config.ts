/**
 * Where the backend URL and the caller id come from. Backend URL precedence: `--backend-url`,
 * `SWITCHBOARD_BACKEND_URL`, the administrator's file (managed deployments), then the user's
 * settings (userData/settings.json, written atomically). The first three lock the setting: the
 * settings screen shows it read-only. The alternate caller id is the user's override, else what
 * the backend's discovery document announces. Every URL goes through `parseBackendUrl`.
 *
 * Replacing a configured backend moves the user's sign-in (and the ACS identity) to another
 * server, so main asks in a native dialog first: a compromised renderer can request the change
 * but cannot answer the question. Setting the first backend (none configured yet) is not asked.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { E164PhoneNumberSchema } from '../../../common/backend-contract';
import { type BackendUrl, parseBackendUrl } from '../../../common/backend-url';
import { type Language, LanguageSchema, languageFromPreferences } from '../../../common/i18n/languages';
import type { AppConfig, Clock, ConfigSource, ConfigUpdate } from '../../../common/ipc';
// One atomic-write implementation in the app (temp file, fsync, rename, fsync dir).
import { writeFileAtomic } from '../storage/atomic-write';
import { backendChangeWords } from '../strings/desktop';
import { backendUrlWords, settingsWords } from '../strings/session';
import type { ConfirmQuestion, NativeConfirm } from '../window/native-confirm';

export const BACKEND_URL_FLAG = '--backend-url';
export const BACKEND_URL_ENV = 'SWITCHBOARD_BACKEND_URL';

const SettingsFileSchema = z.object({
  backendUrl: z.string().optional(),
  alternateCallerId: E164PhoneNumberSchema.optional(),
  /** The user's language override; absent: follow the OS. */
  language: LanguageSchema.optional(),
});
type SettingsFile = z.infer<typeof SettingsFileSchema>;

export interface ConfigSources {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The administrator's file; absent is normal. */
  readonly administratorFile: string;
  /** `app.getPath('userData')`. */
  readonly userDataDir: string;
  readonly log?: (message: string) => void;
  /**
   * Asks the user natively before a configured backend is replaced. Without it (no one to ask)
   * such a change is refused.
   */
  readonly confirm?: NativeConfirm;
  /** How the OS writes times (system-clock.ts); absent: the locale's defaults. */
  readonly clock?: Clock;
  /** The OS's preferred languages, in order (`app.getPreferredSystemLanguages()`); absent: English. */
  readonly systemLanguages?: readonly string[];
}

/** The native question before the backend changes: where the sign-in goes, from and to. */
export function backendChangeQuestion(from: string, to: string): ConfirmQuestion {
  return {
    message: backendChangeWords.message(),
    // Neutral about the session: the question also comes from the sign-in screen, signed out.
    detail: backendChangeWords.detail(from, to),
    buttons: [backendChangeWords.keep(), backendChangeWords.change()],
  };
}

/** Where administrators provision the backend on each OS (read-only for users). */
export function defaultAdministratorFile(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>) {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Switchboard', 'config.json');
  if (platform === 'darwin') return '/Library/Application Support/Switchboard/config.json';
  return '/etc/switchboard/config.json';
}

export type ConfigUpdateOutcome =
  | { readonly ok: true; readonly config: AppConfig; readonly backendChanged: boolean }
  | {
      readonly ok: false;
      readonly code: 'invalid' | 'locked' | 'write-failed' | 'not-confirmed';
      readonly message: string;
    };

export class AppConfigStore {
  readonly #settingsFile: string;
  readonly #log: (message: string) => void;
  readonly #confirm: NativeConfirm | null;
  readonly #clock: Clock;
  readonly #systemLanguage: Language;
  readonly #locked: { url: BackendUrl; source: ConfigSource } | null;
  #user: SettingsFile;
  /** `#user.backendUrl`, parsed (the file holds the normalised text). */
  #userBackend: BackendUrl | null;
  #discoveredCallerId: string | null = null;
  readonly #listeners = new Set<(config: AppConfig) => void>();

  private constructor(
    settingsFile: string,
    locked: { url: BackendUrl; source: ConfigSource } | null,
    user: SettingsFile,
    userBackend: BackendUrl | null,
    log: (message: string) => void,
    confirm: NativeConfirm | null,
    clock: Clock,
    systemLanguage: Language,
  ) {
    this.#settingsFile = settingsFile;
    this.#clock = clock;
    this.#systemLanguage = systemLanguage;
    this.#confirm = confirm;
    this.#locked = locked;
    this.#user = user;
    this.#userBackend = userBackend;
    this.#log = log;
  }

  static async open(sources: ConfigSources): Promise<AppConfigStore> {
    const log = sources.log ?? (() => {});
    const settingsFile = join(sources.userDataDir, 'settings.json');
    const administrator = await readSettingsFile(sources.administratorFile, log);
    const candidates: Array<{ source: ConfigSource; value: string | undefined }> = [
      { source: 'command-line', value: readFlag(sources.argv, BACKEND_URL_FLAG) },
      { source: 'environment', value: sources.env[BACKEND_URL_ENV] || undefined },
      { source: 'administrator', value: administrator?.backendUrl },
    ];
    let locked: { url: BackendUrl; source: ConfigSource } | null = null;
    for (const { source, value } of candidates) {
      if (value === undefined) continue;
      const parsed = parseBackendUrl(value);
      // A broken managed setting is reported, not silently replaced by the user's own choice.
      if (!parsed.ok) log(`ignoring the backend URL from the ${source}: ${backendUrlWords.forLog(parsed.problem)}`);
      else {
        locked = { url: parsed, source };
        break;
      }
    }
    const user = (await readSettingsFile(settingsFile, log)) ?? {};
    let userBackend: BackendUrl | null = null;
    if (user.backendUrl !== undefined) {
      const parsed = parseBackendUrl(user.backendUrl);
      if (parsed.ok) {
        user.backendUrl = parsed.url;
        userBackend = parsed;
      } else {
        log(`ignoring the backend URL in the user settings: ${backendUrlWords.forLog(parsed.problem)}`);
        delete user.backendUrl;
      }
    }
    return new AppConfigStore(
      settingsFile,
      locked,
      user,
      userBackend,
      log,
      sources.confirm ?? null,
      {
        ...(sources.clock ?? { locale: null, hourCycle: null }),
      },
      languageFromPreferences(sources.systemLanguages ?? []),
    );
  }

  /** The backend in force, parsed once when it entered main: what the backend clients are built from. */
  get backend(): BackendUrl | null {
    return this.#locked?.url ?? this.#userBackend;
  }

  get backendUrl(): string | null {
    return this.backend?.url ?? null;
  }

  snapshot(): AppConfig {
    const userCallerId = this.#user.alternateCallerId ?? null;
    return {
      backendUrl: this.backendUrl,
      backendUrlSource: this.#locked?.source ?? (this.backendUrl ? 'user' : 'none'),
      backendUrlLocked: this.#locked !== null,
      alternateCallerId: userCallerId ?? this.#discoveredCallerId,
      alternateCallerIdSource: userCallerId ? 'user' : this.#discoveredCallerId ? 'backend' : 'none',
      clock: { ...this.#clock },
      language: {
        current: this.#user.language ?? this.#systemLanguage,
        override: this.#user.language ?? null,
        system: this.#systemLanguage,
      },
    };
  }

  onChange(listener: (config: AppConfig) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** From the backend's discovery document (`pstn.alternateCallerId`), or null when it has none. */
  setDiscoveredCallerId(callerId: string | null): void {
    if (callerId === this.#discoveredCallerId) return;
    this.#discoveredCallerId = callerId;
    this.#notify();
  }

  async update(update: ConfigUpdate): Promise<ConfigUpdateOutcome> {
    const next: SettingsFile = { ...this.#user };
    let nextBackend = this.#userBackend;
    let backendChanged = false;
    if (update.backendUrl !== undefined) {
      if (this.#locked) {
        return {
          ok: false,
          code: 'locked',
          message: lockedMessage(this.#locked.source),
        };
      }
      const parsed = parseBackendUrl(update.backendUrl);
      if (!parsed.ok) return { ok: false, code: 'invalid', message: backendUrlWords.problem(parsed.problem) };
      const current = this.backendUrl;
      backendChanged = parsed.url !== current;
      if (backendChanged && current !== null && !(await this.#confirm?.(backendChangeQuestion(current, parsed.url)))) {
        this.#log('backend change not confirmed');
        return {
          ok: false,
          code: 'not-confirmed',
          message: settingsWords.backendNotChanged(current),
        };
      }
      next.backendUrl = parsed.url;
      nextBackend = parsed;
    }
    if (update.alternateCallerId !== undefined) {
      if (update.alternateCallerId === null || update.alternateCallerId.trim() === '') delete next.alternateCallerId;
      else {
        const parsed = E164PhoneNumberSchema.safeParse(update.alternateCallerId.replace(/[\s()-]/g, ''));
        if (!parsed.success) {
          return {
            ok: false,
            code: 'invalid',
            message: settingsWords.callerIdInvalid('+14255550123'),
          };
        }
        next.alternateCallerId = parsed.data;
      }
    }
    if (update.language !== undefined) {
      if (update.language === null) delete next.language;
      else next.language = update.language;
    }
    try {
      await writeFileAtomic(this.#settingsFile, `${JSON.stringify(next, null, 2)}\n`);
    } catch (error) {
      this.#log(`settings not saved: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      return {
        ok: false,
        code: 'write-failed',
        message: settingsWords.notSaved(this.#settingsFile),
      };
    }
    this.#user = next;
    this.#userBackend = nextBackend;
    this.#notify();
    return { ok: true, config: this.snapshot(), backendChanged };
  }

  #notify(): void {
    const config = this.snapshot();
    for (const listener of [...this.#listeners]) listener(config);
  }
}

function readFlag(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag) return argv[i + 1];
  }
  return undefined;
}

async function readSettingsFile(path: string, log: (message: string) => void): Promise<SettingsFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      log(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`);
    return null;
  }
  try {
    const parsed = SettingsFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    log(`ignoring ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  } catch {
    log(`ignoring ${path}: it is not JSON`);
  }
  return null;
}

/** Why the renderer may not change the backend: who set it, in words. */
function lockedMessage(source: ConfigSource): string {
  switch (source) {
    case 'command-line':
      return settingsWords.backendLocked('commandLine', BACKEND_URL_FLAG);
    case 'environment':
      return settingsWords.backendLocked('environment', BACKEND_URL_ENV);
    default:
      return settingsWords.backendLocked('administrator', '');
  }
}

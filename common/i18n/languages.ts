/**
 * The languages Switchboard speaks, and how one is chosen: the user's override in Settings, else
 * the first of the OS's preferred languages that we ship, else English. Both processes import this
 * (main translates the tray, menus, notifications and dialogs; the renderer everything else), so
 * they always agree on the language in force.
 */
import { z } from 'zod';

export const SUPPORTED_LANGUAGES = ['en', 'nl'] as const;
export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * The first supported language among the OS's preferred ones (BCP 47 tags such as `nl-BE` or
 * `en-US`, in the user's order), matched on the primary subtag; English when none matches.
 */
export function languageFromPreferences(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = SUPPORTED_LANGUAGES.find((language) => language === primary);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}

/** What the settings screen shows: the language in force, the user's override, and the OS's choice. */
export const LanguageStateSchema = z.object({
  current: LanguageSchema,
  /** null: follow the OS. */
  override: LanguageSchema.nullable(),
  /** What the OS's preferred languages resolve to. */
  system: LanguageSchema,
});
export type LanguageState = z.infer<typeof LanguageStateSchema>;

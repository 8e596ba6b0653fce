/**
 * The languages Switchboard speaks, and how one is chosen: the user's override in Settings, else
 * the first of the OS's preferred languages that we ship, else English. Both processes import this
 * (main translates the tray, menus, notifications and dialogs; the renderer everything else), so
 * they always agree on the language in force.
 */
import { z } from 'zod';

import { SUPPORTED_LANGUAGES } from './language-codes';

export { DEFAULT_LANGUAGE, type Language, languageFromPreferences, SUPPORTED_LANGUAGES } from './language-codes';

export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES);

/** What the settings screen shows: the language in force, the user's override, and the OS's choice. */
export const LanguageStateSchema = z.object({
  current: LanguageSchema,
  /** null: follow the OS. */
  override: LanguageSchema.nullable(),
  /** What the OS's preferred languages resolve to. */
  system: LanguageSchema,
});
export type LanguageState = z.infer<typeof LanguageStateSchema>;

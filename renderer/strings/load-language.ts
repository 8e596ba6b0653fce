/**
 * A language's words. English is in the entry bundle: the shell's first render needs words and
 * must not wait for a chunk in the common case (bench/renderer-startup: an awaited chunk is one
 * more round trip before the first paint). Every other language is its own chunk
 * (locales/<language>/index.ts), fetched only when it is in force. Which language to start in,
 * before main's configuration arrives: the one main chose last time (remembered here), else the
 * one Chromium reports from the OS, which is what main resolves too (common/i18n/languages.ts).
 */
import { type Language, languageFromPreferences, SUPPORTED_LANGUAGES } from '../../common/i18n/language-codes';
import type { LanguageResources } from './i18n';
import { resources as english } from './locales/en/index';

/** The words the entry carries, for the first render when English is in force or a chunk fails. */
export const BUNDLED_LANGUAGE = { language: 'en', resources: english } as const satisfies {
  language: Language;
  resources: LanguageResources;
};

const loaders: Record<Language, () => Promise<LanguageResources>> = {
  en: async () => english,
  nl: () => import('./locales/nl/index').then((chunk) => chunk.resources),
};

export function loadLanguage(language: Language): Promise<LanguageResources> {
  return loaders[language]();
}

/** localStorage key for the language main chose last time. */
export const LAST_LANGUAGE_KEY = 'switchboard.language.v1';

export function startingLanguage(
  storage: Pick<Storage, 'getItem'> | undefined,
  preferred: readonly string[],
): Language {
  const remembered = storage?.getItem(LAST_LANGUAGE_KEY);
  const known = SUPPORTED_LANGUAGES.find((language) => language === remembered);
  return known ?? languageFromPreferences(preferred);
}

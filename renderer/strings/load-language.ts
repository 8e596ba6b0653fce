/**
 * Fetches a language's words on demand: each language is its own chunk (locales/<language>/index.ts),
 * so a window downloads and parses only the language it shows. Which language to start in, before
 * main's configuration arrives: the one main chose last time (remembered here), else the one
 * Chromium reports from the OS, which is what main resolves too (common/i18n/languages.ts).
 */
import { type Language, languageFromPreferences, SUPPORTED_LANGUAGES } from '../../common/i18n/language-codes';
import type { LanguageResources } from './i18n';

const loaders: Record<Language, () => Promise<LanguageResources>> = {
  en: () => import('./locales/en/index').then((chunk) => chunk.resources),
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

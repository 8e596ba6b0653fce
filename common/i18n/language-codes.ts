/**
 * The language codes and how one is chosen, without zod: the renderer imports these as values at
 * start, and a value import of ./languages.ts would pull zod into its initial bundle (the same
 * split as common/ipc/names.ts). ./languages.ts re-exports them beside the schemas.
 */

export const SUPPORTED_LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
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

/**
 * i18next's plural keys end in one CLDR category each (`calls_one`, `calls_other`; the categories
 * are TypeScript's `Intl.LDMLPluralRule`): both processes' lookups and the resource check read
 * them with this one pattern.
 */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

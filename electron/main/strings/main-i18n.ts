/**
 * The main process's words in the language in force: one i18next instance over the English and
 * Dutch resources in `locales/`, switched when the configured language changes. Main shows few
 * sentences (tray, menus, notifications, native dialogs, and the errors it sends the renderer in
 * words), so both languages are bundled and initialised synchronously: a sentence is always
 * ready, including before the window exists.
 *
 * Text is looked up when it is shown, so a change applies to every later dialog, notification
 * and error; what stays on screen (the tray, the app menu) is rebuilt by its glue through
 * `onMainLanguageChange`. Log lines stay English: they are read by support, not by the user.
 */
import i18next from 'i18next';
import { DEFAULT_LANGUAGE, type Language, SUPPORTED_LANGUAGES } from '../../../common/i18n/languages';
import type { ResourceTree } from '../../../common/i18n/resource-check';
import en from './locales/en.json';
import nl from './locales/nl.json';

/** The product name every sentence says unless a caller passes `appName` itself (the tray does). */
export const APP_NAME = 'Switchboard';

/** Every language's resources, for the tests that compare them. */
export const MAIN_RESOURCES = { en, nl } satisfies Record<Language, ResourceTree>;

type WithoutPlural<K extends string> = K extends `${infer Base}_${Intl.LDMLPluralRule}` ? Base : K;
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${WithoutPlural<K>}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key of the English resources (plural keys without their `_one`/`_other`). */
export type MainKey = KeysOf<typeof en>;
export type MainValues = Readonly<Record<string, string | number>>;

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(
    Object.entries(MAIN_RESOURCES).map(([language, translation]) => [language, { translation }]),
  ),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  // Resources are in memory: no backend, nothing to wait for.
  initAsync: false,
  interpolation: {
    // Not HTML: native menus and dialogs show text as is. A notification body that a Linux server
    // may render as markup is escaped by its caller after the sentence is built.
    escapeValue: false,
    defaultVariables: { appName: APP_NAME },
  },
});

const listeners = new Set<(language: Language) => void>();

export function mainLanguage(): Language {
  return i18n.language as Language;
}

/** Switches main's language; listeners (tray, app menu) rebuild what is on screen. */
export function setMainLanguage(language: Language): void {
  if (language === mainLanguage()) return;
  void i18n.changeLanguage(language);
  for (const listener of [...listeners]) listener(language);
}

export function onMainLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The sentence for `key` in the language in force; `count` picks a plural form. */
export function say(key: MainKey, values?: MainValues): string {
  return i18n.t(key, values as Record<string, unknown>);
}

/**
 * The sentence for `key` in English whatever the language in force: for a log line that quotes
 * what a user could also be shown (log lines stay English, docs/i18n.md).
 */
export function sayForLog(key: MainKey, values?: MainValues): string {
  return i18n.getFixedT(DEFAULT_LANGUAGE)(key, values as Record<string, unknown>);
}

/** "tel: and callto:" / "tel: en callto:": a list joined the way the language in force does it. */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(mainLanguage(), { type: 'conjunction' }).format(items);
}

/** What `followConfiguredLanguage` needs of `AppConfigStore`. */
export interface LanguageSource {
  snapshot(): { language: { current: Language } };
  onChange(listener: (config: { language: { current: Language } }) => void): unknown;
}

/** Speaks the configured language now and after every change (the override, or the OS's). */
export function followConfiguredLanguage(config: LanguageSource): void {
  setMainLanguage(config.snapshot().language.current);
  config.onChange((next) => setMainLanguage(next.language.current));
}

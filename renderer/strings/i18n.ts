/**
 * The renderer's one i18next instance, and `words()`, which turns a section of a namespace's JSON
 * (renderer/strings/locales/<language>/<namespace>.json) into the typed object components read:
 * `dialerStrings.title` stays a property read, but its value is looked up in the language in
 * force at the moment it is read. React re-renders the tree when the language changes
 * (app/use-ui-language.ts), so every read picks up the new words without remounting anything.
 *
 * The facade modules (calls.ts, session.ts, …) declare only what needs code: the sentences with
 * values in them, as small functions that name their `{{variables}}`. Plain sentences and nested
 * groups of them come straight from the JSON, typed from the English file: a key missing there
 * does not compile, and test/unit/renderer/strings checks the other languages against English.
 */
import { createInstance, type i18n as I18n, type TOptions } from 'i18next';
import { type Language, PLURAL_SUFFIX } from '../../common/i18n/language-codes';

/** One namespace per facade module, named after its file; its JSON has one section per export. */
export const NAMESPACES = [
  'call-features',
  'calls',
  'desktop',
  'directory',
  'group-calls',
  'pre-join',
  'reactions',
  'session',
  'transfer',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
export type LanguageResources = Record<Namespace, object>;

export const i18n: I18n = createInstance();

/**
 * A language's namespaces from its folder's JSON files (`import.meta.glob('./*.json')` in
 * locales/<language>/index.ts): `./calls.json` is the namespace `calls`. A namespace without its
 * file stops here, by name, rather than showing keys on screen.
 */
export function resourcesFrom(files: Record<string, object>): LanguageResources {
  const byName = new Map(Object.entries(files).map(([path, json]) => [path.replace(/^.*\/|\.json$/g, ''), json]));
  const missing = NAMESPACES.filter((ns) => !byName.has(ns));
  if (missing.length > 0) throw new Error(`locale files missing: ${missing.map((ns) => `${ns}.json`).join(', ')}`);
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, byName.get(ns) as object])) as LanguageResources;
}

/** Binds the instance to a language whose resources are at hand (tests, and the first load). */
export function startI18n(language: Language, resources: LanguageResources): void {
  void i18n.init({
    lng: language,
    // No fallback language: a Dutch window fetches the Dutch resources only. A missing key cannot
    // ship: the parity test fails first (test/unit/renderer/strings/locales.test.ts).
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: false,
    resources: { [language]: resources },
    // React escapes what it renders; i18next escaping on top would show "&amp;".
    interpolation: { escapeValue: false },
    // Resources are given, never fetched by i18next itself: init is synchronous.
    initAsync: false,
    returnNull: false,
    // One sentence is empty on purpose (a connected participant has no status line): "" it is,
    // not its key.
    returnEmptyString: true,
  });
}

/** Adds a language's resources (loaded on demand by ./load-language.ts) and switches to it. */
export async function switchLanguage(language: Language, resources: LanguageResources): Promise<void> {
  for (const ns of NAMESPACES) i18n.addResourceBundle(language, ns, resources[ns], true, true);
  await i18n.changeLanguage(language);
}

/** The language the words are in now. */
export function currentLanguage(): Language {
  return i18n.language as Language;
}

/** A JSON section as components see it: strings stay strings, groups stay groups, plural forms hide. */
export type Texts<Section> = {
  readonly [Key in keyof Section as Key extends `${string}_${Intl.LDMLPluralRule}`
    ? never
    : Key]: Section[Key] extends string ? string : Texts<Section[Key]>;
};

/** Looks a key up in one section: `t('audioCallLabel', { what })`, `t('alsoCalling', { count })`. */
export type SectionT = (key: string, options?: TOptions) => string;

function sectionT(ns: Namespace, section: string): SectionT {
  return (key, options) => i18n.t(`${section}.${key}`, { ...options, ns }) as string;
}

function resourceAt(ns: Namespace, path: string): unknown {
  return i18n.getResource(i18n.language, ns, path);
}

/**
 * A sentence i18next must process: one with `{{values}}` or a `$t(nested)` key. Every other
 * sentence is returned as the resource holds it, which is what `t()` would return: a shell render
 * reads a few hundred, and going through `t()` for each made V8 keep ≈ 80 KB of optimised
 * i18next code in the idle heap (docs/i18n.md, "Cost").
 */
const NEEDS_T = /\{\{|\$t\(/;

/** A live view of one section (or a group inside it): every read looks in the language in force. */
function view(ns: Namespace, path: string, own: Record<string, unknown>): object {
  // One view per group, made on its first read: the group's words are still read live.
  const groups = new Map<string, object>();
  const read = (key: string): unknown => {
    if (Object.hasOwn(own, key)) return own[key];
    const full = `${path}.${key}`;
    const value = resourceAt(ns, full);
    if (typeof value === 'string' && !NEEDS_T.test(value)) return value;
    if (value !== null && typeof value === 'object') {
      const made = groups.get(key);
      if (made) return made;
      const group = view(ns, full, {});
      groups.set(key, group);
      return group;
    }
    return i18n.t(full, { ns });
  };
  const keys = (): string[] => {
    const section = resourceAt(ns, path);
    const fromJson =
      section !== null && typeof section === 'object' ? Object.keys(section).filter((k) => !PLURAL_SUFFIX.test(k)) : [];
    return [...new Set([...fromJson, ...Object.keys(own)])];
  };
  return new Proxy(own, {
    get: (_target, key) => (typeof key === 'string' ? read(key) : undefined),
    has: (_target, key) => typeof key === 'string' && keys().includes(key),
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_target, key) =>
      typeof key === 'string' && keys().includes(key)
        ? { value: read(key), enumerable: true, configurable: true, writable: false }
        : undefined,
  });
}

/**
 * The facade for one JSON section. Curried so the section's type is given and the functions'
 * types inferred: `words<(typeof Calls)['dialer']>()('calls', 'dialer', (t) => ({ audioCallLabel: … }))`.
 * The functions' keys replace the JSON entries of the same name (whose text they look up). A group
 * with a sentence that needs code (`transferStrings.failures.other`) is itself a `words()` view of
 * the group's path, given in place of a function.
 */
export function words<Section extends object>() {
  return <Functions extends Record<string, ((...args: never[]) => string) | object> = Record<never, never>>(
    ns: Namespace,
    section: string,
    make?: (t: SectionT) => Functions,
  ): Omit<Texts<Section>, keyof Functions> & Functions => {
    const functions = make ? make(sectionT(ns, section)) : ({} as Functions);
    return view(ns, section, functions) as Omit<Texts<Section>, keyof Functions> & Functions;
  };
}

/** "Adele, Lee and Megan" / "Adele, Lee en Megan": a list joined the way the language joins it. */
export function joinList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * Checks that two languages' i18next resources say the same things: the same keys, the same
 * `{{variables}}` in each, and every plural form each language needs. A missing key would show
 * the user a raw key (or fall back to English mid-sentence); a missing variable drops a name or a
 * number from a sentence. Tests run this over every pair of shipped languages, so a translation
 * that falls behind fails the build rather than the user.
 *
 * Plural keys follow i18next's JSON v4 format (`key_one`, `key_other`, …), and the forms a
 * language needs are what `Intl.PluralRules` says it uses.
 */
import { PLURAL_SUFFIX } from './language-codes';

/** A nested i18next resource: strings, or objects of them. */
export interface ResourceTree {
  readonly [key: string]: string | ResourceTree;
}

const VARIABLE = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

interface Entry {
  /** The texts under this key: one, or one per plural form. */
  readonly texts: Map<string | null, string>;
}

/** Flattens to dotted keys, folding `key_one`/`key_other` into one entry for `key`. */
function entries(tree: ResourceTree, prefix = '', into = new Map<string, Entry>()): Map<string, Entry> {
  for (const [name, value] of Object.entries(tree)) {
    const path = prefix === '' || prefix.endsWith(':') ? `${prefix}${name}` : `${prefix}.${name}`;
    if (typeof value !== 'string') {
      entries(value, path, into);
      continue;
    }
    const form = PLURAL_SUFFIX.exec(path)?.[1] ?? null;
    const key = form ? path.slice(0, -(form.length + 1)) : path;
    const entry = into.get(key) ?? { texts: new Map() };
    entry.texts.set(form, value);
    into.set(key, entry);
  }
  return into;
}

function variables(entry: Entry): Set<string> {
  const names = new Set<string>();
  for (const text of entry.texts.values()) for (const match of text.matchAll(VARIABLE)) names.add(match[1] ?? '');
  // `count` picks the plural form; a form may leave it out ("one call" rather than "1 call").
  if (isPlural(entry)) names.delete('count');
  return names;
}

const listed = (names: readonly string[]) =>
  names.length === 0 ? 'no variables' : names.map((name) => `{{${name}}}`).join(', ');

const isPlural = (entry: Entry) => [...entry.texts.keys()].some((form) => form !== null);

function pluralProblems(language: string, key: string, entry: Entry): string[] {
  if (!isPlural(entry)) return [];
  const problems: string[] = [];
  if (entry.texts.has(null)) problems.push(`${language}: "${key}" is both a plural and a plain key`);
  const needed: readonly string[] = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const form of needed) {
    if (!entry.texts.has(form)) problems.push(`${language}: "${key}" lacks its plural form "${key}_${form}"`);
  }
  // A form the language never picks is dead text, and usually a sign the sentence was meant otherwise.
  for (const form of entry.texts.keys()) {
    if (form !== null && !needed.includes(form))
      problems.push(`${language}: "${key}_${form}" is a plural form ${language} never uses`);
  }
  return problems;
}

/**
 * Every way `candidate` (in `candidateLanguage`) differs from `reference`; empty when they match.
 * Each problem is one line naming the language and the key, ready for a test's failure message.
 */
export function resourceProblems(
  reference: { language: string; resources: ResourceTree },
  candidate: { language: string; resources: ResourceTree },
  options: {
    /** Keys prefixed `namespace:` (the renderer's resources are one tree per namespace). */
    namespace?: string;
    /** Keys (as reported) whose empty text is deliberate. */
    intentionallyEmpty?: ReadonlySet<string>;
  } = {},
): string[] {
  const prefix = options.namespace ? `${options.namespace}:` : '';
  const ours = entries(reference.resources, prefix);
  const theirs = entries(candidate.resources, prefix);
  const problems: string[] = [];
  for (const [language, tree] of [
    [reference.language, ours],
    [candidate.language, theirs],
  ] as const) {
    for (const [key, entry] of tree) {
      problems.push(...pluralProblems(language, key, entry));
      for (const [form, text] of entry.texts) {
        const named = form ? `${key}_${form}` : key;
        if (text.trim() === '' && !options.intentionallyEmpty?.has(named))
          problems.push(`${language}: "${named}" is empty`);
      }
    }
  }
  for (const [key, entry] of ours) {
    const other = theirs.get(key);
    if (!other) {
      problems.push(`${candidate.language}: "${key}" is missing (${reference.language} has it)`);
      continue;
    }
    const want = [...variables(entry)].sort();
    const got = [...variables(other)].sort();
    if (want.join() !== got.join()) {
      problems.push(
        `${candidate.language}: "${key}" uses ${listed(got)} where ${reference.language} uses ${listed(want)}`,
      );
    }
    if (isPlural(entry) !== isPlural(other)) {
      problems.push(
        `${candidate.language}: "${key}" must be ${isPlural(entry) ? 'a plural' : 'a plain key'} as in ${reference.language}`,
      );
    }
  }
  for (const key of theirs.keys()) {
    if (!ours.has(key)) problems.push(`${candidate.language}: "${key}" is not in ${reference.language} (a stale key?)`);
  }
  return problems;
}

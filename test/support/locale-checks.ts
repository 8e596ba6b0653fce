/**
 * The checks that keep the renderer's languages complete (docs/i18n.md): every language has the
 * keys English has, the same {{variables}} per key, and the plural forms its own plural rules
 * need; and every word the facade (renderer/strings/index.ts) hands out comes from i18next, never
 * a key shown raw, an empty string or an English literal left in a facade module.
 */

type Tree = { readonly [key: string]: unknown };

/** Sentences that are empty on purpose, by path: a connected participant needs no status line. */
export const INTENTIONALLY_EMPTY = new Set(['calls:inCall.participantState.connected']);

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/** Every sentence of one language's resources, by `namespace:path.to.key`. */
export function flatten(resources: Tree): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.set(path, node);
    else if (node !== null && typeof node === 'object')
      for (const [key, child] of Object.entries(node))
        walk(child, path.endsWith(':') ? `${path}${key}` : `${path}.${key}`);
    else out.set(path, `<not a string: ${String(node)}>`);
  };
  for (const [ns, tree] of Object.entries(resources)) walk(tree, `${ns}:`);
  return out;
}

function variablesOf(sentence: string): string[] {
  return [...new Set([...sentence.matchAll(VARIABLE)].map((match) => match[1] as string))].sort();
}

/**
 * What is wrong with `other` against the reference language (English), in words, one line each;
 * empty when nothing is. Plural keys (`x_one`, `x_other`) are compared by their base key, and
 * each language must have exactly the forms its plural rules use.
 */
export function compareLanguages(
  reference: Tree,
  referenceLanguage: string,
  other: Tree,
  otherLanguage: string,
): string[] {
  const problems: string[] = [];
  const ref = flatten(reference);
  const oth = flatten(other);
  const bases = (sentences: Map<string, string>) => {
    const byBase = new Map<string, Map<string, string>>();
    for (const [key, sentence] of sentences) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const form = PLURAL_SUFFIX.exec(key)?.[1] ?? '';
      const forms = byBase.get(base) ?? new Map<string, string>();
      forms.set(form, sentence);
      byBase.set(base, forms);
    }
    return byBase;
  };
  const refBases = bases(ref);
  const othBases = bases(oth);
  for (const base of refBases.keys()) if (!othBases.has(base)) problems.push(`${otherLanguage} is missing ${base}`);
  for (const base of othBases.keys())
    if (!refBases.has(base)) problems.push(`${otherLanguage} has ${base}, which ${referenceLanguage} does not`);
  const pluralForms = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const [language, byBase] of [
    [referenceLanguage, refBases],
    [otherLanguage, othBases],
  ] as const) {
    const needed = pluralForms(language);
    for (const [base, forms] of byBase) {
      if (forms.has('')) continue;
      const missing = needed.filter((form) => !forms.has(form));
      const extra = [...forms.keys()].filter((form) => !needed.includes(form as Intl.LDMLPluralRule));
      if (missing.length > 0) problems.push(`${language} ${base} lacks the plural forms ${missing.join(', ')}`);
      if (extra.length > 0) problems.push(`${language} ${base} has plural forms it never uses: ${extra.join(', ')}`);
    }
  }
  for (const [base, refForms] of refBases) {
    const othForms = othBases.get(base);
    if (!othForms) continue;
    const refVars = [...new Set([...refForms.values()].flatMap(variablesOf))].sort();
    const othVars = [...new Set([...othForms.values()].flatMap(variablesOf))].sort();
    if (refVars.join() !== othVars.join())
      problems.push(
        `${base}: ${referenceLanguage} uses {{${refVars.join('}}, {{')}}}, ${otherLanguage} {{${othVars.join('}}, {{')}}}`,
      );
  }
  for (const [language, sentences] of [
    [referenceLanguage, ref],
    [otherLanguage, oth],
  ] as const)
    for (const [key, sentence] of sentences)
      if (sentence.trim() === '' && !INTENTIONALLY_EMPTY.has(key)) problems.push(`${language} ${key} is empty`);
  return problems;
}

/** Sample values for a facade function's parameters, chosen by the parameter's name. */
function sampleFor(parameter: string): unknown {
  if (/^(count|percent|value|code|subCode|others|seconds|ms|number|limit|max)$/.test(parameter)) return 3;
  if (/^(names|modes)$/.test(parameter)) return ['Adele Vance', 'Lee Gu', 'Megan Bowen'];
  if (parameter === 'kind') return 'phone';
  if (parameter === 'reaction') return 'applause';
  return 'Sample';
}

function parametersOf(fn: (...args: never[]) => unknown): string[] {
  const source = fn.toString();
  const list = /^\s*(?:function[^(]*)?\(([^)]*)\)/.exec(source)?.[1] ?? /^\s*(\w+)\s*=>/.exec(source)?.[1] ?? '';
  return list
    .split(',')
    .map((p) => p.trim().replace(/[:=].*$/, ''))
    .filter(Boolean);
}

/**
 * Every word a facade module hands out, by path: the objects' strings, read through their live
 * views, and their functions called with sample values. Top-level functions are formatters
 * (formatDuration, formatWhen …), not words, and are left to their own tests.
 */
export function facadeWords(facade: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') out.set(path, node);
    else if (typeof node === 'function') {
      const fn = node as (...args: unknown[]) => unknown;
      const result = fn(...parametersOf(fn).map(sampleFor));
      out.set(`${path}()`, typeof result === 'string' ? result : `<returned ${typeof result}>`);
    } else if (node !== null && typeof node === 'object')
      for (const key of Object.keys(node)) walk((node as Tree)[key], `${path}.${key}`);
  };
  for (const [name, value] of Object.entries(facade))
    if (value !== null && typeof value === 'object') walk(value, name);
  return out;
}

/** Words that look like an i18next key shown raw ("calls.dialer.title", "inCall.status.ringing"). */
export function looksLikeRawKey(word: string): boolean {
  return /^[\w-]+(\.[\w-]+)+$/.test(word.trim());
}

/** Pseudo-translates resources: every sentence wrapped in ⟦…⟧, its {{variables}} untouched. */
export function pseudoLanguage(resources: Tree): Tree {
  const wrap = (node: unknown): unknown =>
    typeof node === 'string'
      ? `⟦${node}⟧`
      : node !== null && typeof node === 'object'
        ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, wrap(v)]))
        : node;
  return wrap(resources) as Tree;
}

/**
 * With the pseudo-language in force, the facade words that are not wrapped: they came from a
 * literal in a facade module, not from i18next (a module not converted yet, docs/i18n.md). Values
 * without a letter ("0:07" from formatDuration) are numbers, not words.
 */
export function literalWords(words: Map<string, string>): string[] {
  return [...words]
    .filter(([, word]) => /\p{L}/u.test(word) && !word.includes('⟦'))
    .map(([path, word]) => `${path}: "${word}"`);
}

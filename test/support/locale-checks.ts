/**
 * The checks that keep the renderer's languages complete (docs/i18n.md): every language has the
 * keys English has, the same {{variables}} per key, and the plural forms its own plural rules
 * need; and every word the facade (renderer/strings/index.ts) hands out comes from i18next, never
 * a key shown raw, an empty string or an English literal left in a facade module.
 */

import { type ResourceTree, resourceProblems } from '../../common/i18n/resource-check';

type Tree = { readonly [key: string]: unknown };

/** Sentences that are empty on purpose, by path: a connected participant needs no status line. */
export const INTENTIONALLY_EMPTY = new Set(['calls:inCall.participantState.connected']);

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

/**
 * What is wrong with `other` against the reference language (English), one line each; empty when
 * nothing is. The rules are main's too (common/i18n/resource-check.ts), applied per namespace.
 */
export function compareLanguages(
  reference: Tree,
  referenceLanguage: string,
  other: Tree,
  otherLanguage: string,
): string[] {
  const namespaces = [...new Set([...Object.keys(reference), ...Object.keys(other)])];
  return namespaces.flatMap((namespace) =>
    resourceProblems(
      { language: referenceLanguage, resources: (reference[namespace] ?? {}) as ResourceTree },
      { language: otherLanguage, resources: (other[namespace] ?? {}) as ResourceTree },
      { namespace, intentionallyEmpty: INTENTIONALLY_EMPTY },
    ),
  );
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

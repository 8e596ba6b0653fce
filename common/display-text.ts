/**
 * Text that came from outside Switchboard, made safe to show or to log. One module for both
 * processes: the renderer cleans remote names where they enter its model, and main cleans them
 * again before a notification (a compromised renderer is outside too).
 */

/** Longer names are cut: a notification, a tile or a list row has room for about this much. */
export const MAX_REMOTE_NAME_LENGTH = 64;

/**
 * Characters that change how the text around them is displayed without being visible:
 * C0/C1 controls, bidi embeddings, overrides, isolates and marks (a right-to-left override turns
 * "Alice‮gnp.exe" around), zero-width and other format characters, line/paragraph separators,
 * variation selectors and the Hangul fillers that render as blanks. ZWNJ and ZWJ (U+200C/U+200D)
 * are kept: Persian, Indic scripts and emoji sequences need them to render correctly, and they
 * cannot reorder or hide text.
 */
const INVISIBLE_OR_REORDERING =
  /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Variation_Selector}\u115f\u1160\u3164\uffa0]/gu;

/**
 * A name a remote party chose (their ACS display name, a caller id), ready for any place it is
 * shown: invisible and reordering characters removed, runs of white space made one space, cut to
 * `max` characters (whole code points, never half a surrogate pair) with an ellipsis.
 */
export function sanitizeRemoteName(name: string, max: number = MAX_REMOTE_NAME_LENGTH): string {
  // Line breaks and tabs separate words: they become spaces before the rest is removed.
  const visible = name
    .replace(/[\s\u0085]+/gu, ' ')
    .replace(INVISIBLE_OR_REORDERING, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const codePoints = Array.from(visible);
  if (codePoints.length <= max) return visible;
  return `${codePoints
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Escapes what a log line must not contain literally: a newline would start a forged line, and
 * other controls or bidi characters would make the line display as something else. Each such
 * character becomes a visible escape (`\n`, `\r`, `\t`, `\u202e`); everything else is unchanged.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu,
    (character) => NAMED_ESCAPES[character] ?? `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Some Linux notification servers render a subset of HTML in the body (the freedesktop
 * notification spec's `body-markup` capability): a caller named `<b>IT Support</b>` or
 * `<a href=…>` must show as typed, not as markup.
 */
export function escapeNotificationMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (character) => MARKUP_ESCAPES[character] ?? character);
}

const MARKUP_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

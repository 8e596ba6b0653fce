/**
 * How the directory finds and orders people, independent of the store: every text is *folded*
 * (NFKD, combining marks dropped, lower case) so that "zoe" finds "Zoë" and "ADA" finds "Ada", and
 * folded texts are compared byte-wise by both stores (SQLite BINARY, PostgreSQL "C"), where a
 * prefix is one index range `[prefix, successor(prefix))`.
 *
 * A person is found by a prefix of any *word* of their name, of their whole name (so "ada lov"
 * finds "Ada Lovelace"), or of their email.
 */

/** Folds a text for search and ordering; whitespace runs become one space. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Longest word stored: a prefix query is at most PEOPLE_QUERY_MAX_LENGTH (100) characters. */
const MAX_WORD_LENGTH = 200;

/**
 * The words a person is found by: each whitespace-separated part of the name, the parts of those
 * split at punctuation ("Jean-Luc" gives "jean-luc", "jean" and "luc"; "O'Brien" gives "brien"),
 * the whole name, and the whole email.
 */
export function searchWords(displayName: string, email: string | null): string[] {
  const name = fold(displayName);
  const words = new Set<string>();
  if (name) words.add(name);
  for (const part of name.split(' ')) {
    if (part) words.add(part);
    for (const piece of part.split(/[^\p{L}\p{N}]+/u)) if (piece) words.add(piece);
  }
  const folded = email === null ? '' : fold(email);
  if (folded) words.add(folded);
  return [...words].map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/** The directory's order: by folded name; the (unique) ACS id breaks ties. */
export const sortNameOf = (displayName: string): string => fold(displayName);

/**
 * The smallest string greater than every string that starts with `prefix` (byte-wise, which for
 * UTF-8 is code-point order): the last code point incremented, skipping the surrogate range.
 */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop() as string;
    const code = last.codePointAt(0) as number;
    if (code < 0x10ffff) {
      const next = code + 1 === 0xd800 ? 0xe000 : code + 1;
      return points.join('') + String.fromCodePoint(next);
    }
  }
  // Only U+10FFFF…: nothing sorts after it.
  return '\u{10ffff}'.repeat(prefix.length + 1);
}

/** A position in the directory's order: the last person of the previous page. */
export interface DirectoryPosition {
  readonly sortName: string;
  readonly communicationUserId: string;
}

/** Opaque to clients: base64url of a JSON pair. Not secret (it names someone the caller was shown). */
export function encodeCursor(position: DirectoryPosition): string {
  return Buffer.from(JSON.stringify([position.sortName, position.communicationUserId]), 'utf8').toString('base64url');
}

/** Answers null for anything `encodeCursor` did not make. */
export function decodeCursor(cursor: string): DirectoryPosition | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      value[1].length > 0
    ) {
      return { sortName: value[0], communicationUserId: value[1] };
    }
  } catch {
    // Not base64url JSON: refused below.
  }
  return null;
}

/**
 * The directory's folding, words, prefix ranges and cursors (backend/directory/search-words.ts):
 * the rules both stores rely on.
 */
import { describe, expect, test } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  fold,
  prefixUpperBound,
  searchWords,
} from '../../../backend/directory/search-words';

describe('fold', () => {
  test('drops case and accents, and collapses whitespace', () => {
    expect(fold('  Zoë   ÅNGSTRÖM\tMüller ')).toBe('zoe angstrom muller');
    expect(fold('ﬁona')).toBe('fiona');
  });
  test('a text of marks only folds to nothing', () => {
    expect(fold('\u0301\u0308')).toBe('');
  });
});

describe('searchWords', () => {
  test('each name part, its pieces at punctuation, the whole name and the email', () => {
    expect(searchWords("Jean-Luc O'Brien", 'JL.OBrien@Example.com').sort()).toEqual(
      ['jean-luc', 'jean', 'luc', "o'brien", 'o', 'brien', "jean-luc o'brien", 'jl.obrien@example.com'].sort(),
    );
  });
  test('no email, no email word; no duplicates', () => {
    expect(searchWords('Ada', null)).toEqual(['ada']);
  });
});

describe('prefixUpperBound', () => {
  test('is above every string with the prefix and below the next prefix, byte-wise', () => {
    const bound = prefixUpperBound('ab');
    expect(bound).toBe('ac');
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    for (const inside of ['ab', 'ab\u{10ffff}x', 'abz', 'ab€']) {
      expect(Buffer.compare(utf8(inside), utf8(bound))).toBe(-1);
    }
    expect(Buffer.compare(utf8('ac'), utf8(bound))).toBe(0);
  });
  test('steps over the surrogate range and past the last code point', () => {
    expect(prefixUpperBound('a\ud7ff')).toBe('a\ue000');
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
  });
});

describe('cursors', () => {
  test('round-trip, and anything else is refused', () => {
    const position = { sortName: 'zoe adams', communicationUserId: '8:acs:1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const garbage of [
      'not-a-cursor',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["a",""]').toString('base64url'),
    ]) {
      expect(decodeCursor(garbage)).toBeNull();
    }
  });
});

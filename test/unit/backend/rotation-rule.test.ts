import { describe, expect, test } from 'vitest';
import {
  bearerToken,
  hashRefreshToken,
  isWellFormedRefreshToken,
  newRefreshToken,
} from '../../../backend/sessions/refresh-token';
import {
  judgePresentedToken,
  type RefreshTokenRecord,
  type SessionRecord,
} from '../../../backend/sessions/session-store';

const now = new Date('2026-01-01T00:00:00Z');
const h = (name: string) => hashRefreshToken(name);

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: 's',
    communicationUserId: '8:acs:x',
    displayName: 'x',
    subject: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 1000),
    revokedAt: null,
    revokeReason: null,
    anchorHash: null,
    generation: 0,
    ...overrides,
  };
}
const token = (name: string, parent: string | null): RefreshTokenRecord => ({
  hash: h(name),
  sessionId: 's',
  parentHash: parent === null ? null : h(parent),
  generation: 0,
  issuedAt: now,
});

describe('judgePresentedToken', () => {
  test('before the first refresh, only the first token is valid', () => {
    expect(judgePresentedToken(session(), token('t0', null), now)).toBe('valid');
    expect(judgePresentedToken(session(), token('t1', 't0'), now)).toBe('reused');
  });

  test('the anchor and its children are valid; anything else is reuse', () => {
    const anchored = session({ anchorHash: h('t1') });
    expect(judgePresentedToken(anchored, token('t1', 't0'), now)).toBe('valid'); // lost answer / race
    expect(judgePresentedToken(anchored, token('t2', 't1'), now)).toBe('valid');
    expect(judgePresentedToken(anchored, token('t2b', 't1'), now)).toBe('valid'); // a sibling from a race
    expect(judgePresentedToken(anchored, token('t0', null), now)).toBe('reused');
    expect(judgePresentedToken(anchored, token('t1b', 't0'), now)).toBe('reused'); // the anchor's sibling
    expect(judgePresentedToken(anchored, token('t3', 't2'), now)).toBe('reused'); // a grandchild cannot exist unused
  });

  test('revocation wins over everything; expiry over a valid token', () => {
    expect(judgePresentedToken(session({ revokedAt: now }), token('t0', null), now)).toBe('revoked');
    expect(judgePresentedToken(session({ expiresAt: now }), token('t0', null), now)).toBe('expired');
  });
});

describe('refresh tokens', () => {
  test('256 random bits as 43 base64url characters, hashed with SHA-256', () => {
    // 300 crosses the pool of random bytes several times (refresh-token.ts draws 64 tokens' worth at once).
    const tokens = new Set(Array.from({ length: 300 }, newRefreshToken));
    expect(tokens.size).toBe(300);
    for (const value of tokens) {
      expect(isWellFormedRefreshToken(value)).toBe(true);
      const bytes = Buffer.from(value, 'base64url');
      expect(bytes).toHaveLength(32);
      expect(bytes.equals(Buffer.alloc(32))).toBe(false); // never a handed-out (zeroed) slot
    }
    expect(hashRefreshToken('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(isWellFormedRefreshToken('A'.repeat(42))).toBe(false);
    expect(isWellFormedRefreshToken(`${'A'.repeat(42)}=`)).toBe(false);
  });

  test('the bearer scheme is case-insensitive and carries exactly one token', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

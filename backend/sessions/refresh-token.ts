/**
 * Refresh tokens: 256 random bits, base64url (43 characters). Only their SHA-256 hash is ever
 * stored, so a copy of the database cannot be used to refresh anyone's session.
 */
import { hash, randomFillSync } from 'node:crypto';

const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const TOKEN_BYTES = 32;

/*
 * Random bytes are drawn from the CSPRNG 64 tokens at a time, and every byte is handed out once:
 * one `randomFillSync` per token was a visible share of a refresh's CPU (docs/performance.md,
 * "Where a refresh's CPU goes"), its fixed cost per call far above the 32 bytes' own. Node's
 * `randomUUID` pools the same way. The pool holds only bytes not yet handed out, never a token.
 */
const pool = Buffer.alloc(TOKEN_BYTES * 64);
let poolOffset = pool.length;

export function newRefreshToken(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString('base64url', poolOffset, poolOffset + TOKEN_BYTES);
  pool.fill(0, poolOffset, poolOffset + TOKEN_BYTES);
  poolOffset += TOKEN_BYTES;
  return token;
}

/** Cheap format check before any database work: garbage never reaches the store. */
export function isWellFormedRefreshToken(value: string): boolean {
  return REFRESH_TOKEN_PATTERN.test(value);
}

/** One-shot SHA-256 (`crypto.hash`): no Hash object per call. */
export function hashRefreshToken(token: string): Buffer {
  return hash('sha256', token, 'buffer');
}

/** `Authorization: Bearer <token>` → the token, or null when the header is absent or malformed. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '');
  return match?.[1] ?? null;
}

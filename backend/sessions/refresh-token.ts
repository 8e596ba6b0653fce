/**
 * Refresh tokens: 256 random bits, base64url (43 characters). Only their SHA-256 hash is ever
 * stored, so a copy of the database cannot be used to refresh anyone's session.
 */
import { createHash, randomBytes } from 'node:crypto';

const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Cheap format check before any database work: garbage never reaches the store. */
export function isWellFormedRefreshToken(value: string): boolean {
  return REFRESH_TOKEN_PATTERN.test(value);
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** `Authorization: Bearer <token>` → the token, or null when the header is absent or malformed. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '');
  return match?.[1] ?? null;
}

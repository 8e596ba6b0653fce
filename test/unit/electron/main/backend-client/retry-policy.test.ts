import { expect, test } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs } from '../../../../../electron/main/backend-client/retry-policy';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

test('full jitter: a uniform draw under a ceiling that doubles per retry and stops at the cap', () => {
  expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n, () => 0.999999))).toEqual([
    99, 199, 399, 799, 999, 999,
  ]);
  expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
});

test('Retry-After as seconds or an HTTP date; anything else is ignored', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  expect(parseRetryAfterMs('7', now)).toBe(7000);
  expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfterMs('soon', now)).toBeNull();
  expect(parseRetryAfterMs(null, now)).toBeNull();
});

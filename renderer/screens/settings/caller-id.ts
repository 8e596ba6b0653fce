/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{1,14}$/.test(value);
}

/** Accepts what people type ("+1 425-555-0123") and returns E.164, or null when it cannot be. */
export function normaliseCallerId(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, '');
  return isE164(compact) ? compact : null;
}

/**
 * The phone-number library (libphonenumber-js), wrapped for the call box and history. Import this
 * module only through `import()` (phone-numbers-loader.ts): its metadata costs a quarter of a
 * megabyte of heap for as long as the window lives, and most sessions never type a number.
 * Everything else reaches it as a `PhoneNumbers` value handed in by the caller (call-target.ts).
 */
// The library's default "min" metadata: it formats every country and checks a number's length for
// it; "max" adds per-type patterns, 73 KB more in this chunk and 0.18 MB more heap once it loads.
// The telephone network is the final judge of a number anyway, and over-precise patterns would
// refuse a newly allocated range until the next update.
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

export type { CountryCode };

/** What the library read from a typed number. */
export interface ParsedPhoneNumber {
  valid: boolean;
  /** `+14255550100`. */
  e164: string;
  /** `+1 425 555 0100`. */
  international: string;
  /** An extension the user typed after the number (`ext 12`), if any. */
  extension: string | undefined;
}

export interface PhoneNumbers {
  /** Reads a typed number; national numbers in `defaultCountry`. Undefined when it is no number. */
  parse(input: string, defaultCountry?: CountryCode): ParsedPhoneNumber | undefined;
  /** `+14255550100` → `+1 425 555 0100`; anything unreadable comes back as given. */
  formatInternational(e164: string): string;
  /** The country of a number such as a caller id (`+14255550100` → `US`). */
  countryOf(e164: string): CountryCode | undefined;
}

export const phoneNumbers: PhoneNumbers = {
  parse(input, defaultCountry) {
    const phone = parsePhoneNumberFromString(input, defaultCountry);
    if (!phone) return undefined;
    return {
      valid: phone.isValid(),
      e164: phone.number,
      international: phone.formatInternational(),
      extension: phone.ext,
    };
  },
  formatInternational: (e164) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164,
  countryOf: (e164) => parsePhoneNumberFromString(e164)?.country,
};

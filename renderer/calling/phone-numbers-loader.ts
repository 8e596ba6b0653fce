/**
 * Loads the phone-number library (phone-numbers.ts) on first need, in its own chunk, once per
 * window. The promise is kept so every caller shares one load; once it has arrived the library is
 * also available synchronously (`loadedPhoneNumbers`) for pure code such as call-target.ts.
 */
import type { PhoneNumbers } from './phone-numbers';

let loading: Promise<PhoneNumbers> | null = null;
let loaded: PhoneNumbers | null = null;

export function loadPhoneNumbers(): Promise<PhoneNumbers> {
  loading ??= import('./phone-numbers').then(
    (module) => {
      loaded = module.phoneNumbers;
      return loaded;
    },
    (error: unknown) => {
      // A chunk that failed to load (a broken install) is tried again at the next need.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The library if it has already arrived, else null (nothing is started). */
export function loadedPhoneNumbers(): PhoneNumbers | null {
  return loaded;
}

import { useEffect, useState } from 'react';
import type { PhoneNumbers } from './phone-numbers';
import { loadedPhoneNumbers, loadPhoneNumbers } from './phone-numbers-loader';

/**
 * The phone-number library for a component: null until it is loaded. `needed` starts the load
 * (a phone number is typed, shown or linked); the component re-renders when it arrives. Once
 * loaded (by this component or any other) it is returned whatever `needed` says.
 */
export function usePhoneNumbers(needed: boolean): PhoneNumbers | null {
  const [phoneNumbers, setPhoneNumbers] = useState(loadedPhoneNumbers);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const available = phoneNumbers ?? loadedPhoneNumbers();
  useEffect(() => {
    if (!needed || available) return;
    let current = true;
    loadPhoneNumbers().then(
      (loaded) => current && setPhoneNumbers(loaded),
      (error: unknown) => current && setFailure({ error }),
    );
    return () => {
      current = false;
    };
  }, [needed, available]);
  // The app's own chunk is missing (a broken install): fail like a lazy screen whose chunk is
  // missing, into the screen's error boundary, rather than "checking" for ever.
  if (failure) throw failure.error;
  return available;
}

import { ACS_USER_ID } from './acs-id';
import { phoneOfRawId } from './display-name';
import type { CallTarget } from './model';

/**
 * The target to call a caller back on, from the SDK's raw id of the caller: ACS users (`8:acs:…`
 * and the sovereign clouds' prefixes) and phone numbers (`4:+…`). Teams users, bots and the like
 * have no CallTarget kind: null. Kept apart from call-target.ts so that the calling store does not
 * pull the phone-number metadata into its chunk; the ACS id pattern is shared (acs-id.ts).
 */
export function callbackTargetFromRawId(rawId: string): CallTarget | null {
  if (ACS_USER_ID.test(rawId)) return { kind: 'acs-user', communicationUserId: rawId };
  const phone = phoneOfRawId(rawId);
  return phone ? { kind: 'phone', e164: phone } : null;
}

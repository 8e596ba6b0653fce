/**
 * What an ACS user id looks like (`8:acs:<resource>_<user>`, and the GCC High and DoD clouds'
 * prefixes). Dependency-free, so the calling store can use it without the call box's phone
 * metadata; the call box (call-target.ts) uses the same patterns.
 */
export const ACS_USER_ID = /^8:(?:acs|gcch-acs|dod-acs):[0-9A-Za-z][0-9A-Za-z_-]{7,199}$/;
/** Starts like an ACS user id, whatever follows. */
export const ACS_USER_PREFIX = /^8:(?:acs|gcch-acs|dod-acs):/i;

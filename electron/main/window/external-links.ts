/**
 * The window never navigates away from the app and never opens another window. A link the user
 * clicks goes to the OS browser only when it is a well-formed https URL without credentials;
 * anything else (file:, javascript:, custom schemes that would launch other apps) is dropped.
 */
export function externalLinkToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '' || parsed.hostname === 'localhost') return null;
  return parsed.href;
}

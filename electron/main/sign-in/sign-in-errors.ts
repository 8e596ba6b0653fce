/**
 * Why a company sign-in (OIDC in the system browser) did not produce a token, as codes the UI
 * branches on and sentences a user can act on. Messages never carry a code, a token or a
 * verifier; the IdP's own description is sanitised before it is shown.
 */

export type OidcSignInErrorCode =
  | 'cancelled' // the user pressed Cancel
  | 'timed-out' // nobody finished in the browser within the time limit
  | 'idp-error' // the IdP answered with an OAuth error (access_denied, invalid_grant…)
  | 'idp-unreachable' // discovery or the token endpoint could not be reached
  | 'clock-skew' // the IdP's tokens look expired or not yet valid by this computer's clock
  | 'rejected'; // the answer failed a check (state, nonce, signature…): possibly an attack

export class OidcSignInError extends Error {
  override readonly name = 'OidcSignInError';
  constructor(
    readonly code: OidcSignInErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The IdP's `error_description` is text from another party: keep printable characters only, no
 * markup, bounded, and never anything that looks like a token or a URL with parameters.
 */
export function sanitiseIdpDescription(description: unknown): string | null {
  if (typeof description !== 'string') return null;
  const cleaned = description
    // Addresses and anything token-like first, while their characters are still intact.
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '…')
    .replace(/[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(\.[A-Za-z0-9_-]*)?/g, '…')
    .replace(/[A-Za-z0-9_+/=-]{32,}/g, '…')
    .replace(/[^\p{L}\p{N}\p{P}\p{Zs}]/gu, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  return cleaned.length > 200 ? `${cleaned.slice(0, 199)}…` : cleaned;
}

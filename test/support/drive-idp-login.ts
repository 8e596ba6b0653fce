/**
 * The system browser, as far as a sign-in needs one: opens the authorization URL, follows the
 * IdP's redirects with a cookie jar, fills in `oidc-provider`'s development login (as `account`)
 * and consent forms, and finally requests the loopback redirect, as the browser would, so that the
 * app's listener receives the code. Answers what the loopback listener showed.
 *
 * `deny: true` presses the consent page's cancel link instead (the IdP then redirects with
 * `error=access_denied`).
 */
import type { TestAccount } from './test-idp';

export interface BrowserVisit {
  /** The URL the IdP finally redirected to (the app's loopback redirect with code or error). */
  readonly redirectedTo: URL;
  /** The loopback listener's answer. */
  readonly status: number;
  readonly page: string;
}

export async function driveIdpLogin(
  authorizationUrl: string,
  account: TestAccount,
  options: {
    deny?: boolean;
    /** Sends the browser somewhere else than the IdP's redirect (another port, another state…). */
    redirectOverride?: (url: URL) => URL;
    /** Stops before the redirect is requested: the code is then only in `redirectedTo`. */
    stopAtRedirect?: boolean;
  } = {},
): Promise<BrowserVisit> {
  const cookies = new Map<string, string>();
  const request = async (url: URL, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair?.indexOf('=') ?? -1;
      if (pair && separator > 0) cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  };
  const issuerOrigin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let response = await request(url);
  for (let step = 0; step < 20; step++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location') ?? '', url);
      await response.arrayBuffer();
      if (next.origin !== issuerOrigin) {
        // Leaving the IdP: the app's loopback redirect.
        if (options.stopAtRedirect) return { redirectedTo: next, status: 0, page: '' };
        const target = options.redirectOverride ? options.redirectOverride(next) : next;
        const final = await fetch(target);
        return { redirectedTo: next, status: final.status, page: await final.text() };
      }
      url = next;
      response = await request(url);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (response.status !== 200 || !action) {
      throw new Error(`the IdP showed an unexpected page (HTTP ${response.status}): ${page.slice(0, 300)}`);
    }
    const form = new URLSearchParams();
    if (page.includes('name="prompt" value="login"')) {
      form.set('prompt', 'login');
      form.set('login', account.sub);
      form.set('password', 'any');
    } else if (options.deny) {
      const abort = /href="([^"]*\/abort)"/.exec(page)?.[1];
      if (!abort) throw new Error('the consent page has no cancel link');
      url = new URL(abort.replaceAll('&amp;', '&'), url);
      response = await request(url);
      continue;
    } else {
      form.set('prompt', 'consent');
    }
    url = new URL(action.replaceAll('&amp;', '&'), url);
    response = await request(url, {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
  throw new Error('the IdP kept redirecting');
}

/**
 * Runs the desktop's real sign-in module (electron/main/sign-in) against the test IdP, with
 * `driveIdpLogin` as the system browser: what `shell.openExternal` would do, done over HTTP.
 */
import { signInWithOidc } from '../../electron/main/sign-in/oidc-sign-in';
import { type BrowserVisit, driveIdpLogin } from './drive-idp-login';
import { TEST_IDP_CLIENT_ID, TEST_IDP_SCOPES, type TestAccount, type TestIdp } from './test-idp';

export async function idpAccessToken(idp: TestIdp, account: TestAccount): Promise<string> {
  let visit: Promise<BrowserVisit> | undefined;
  const result = await signInWithOidc({
    issuer: idp.issuer,
    clientId: TEST_IDP_CLIENT_ID,
    scopes: TEST_IDP_SCOPES,
    openExternal: async (url) => {
      visit = driveIdpLogin(url, account);
      visit.catch(() => {});
    },
  });
  await visit;
  return result.accessToken;
}

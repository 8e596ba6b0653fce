/**
 * The stand-in for Microsoft Entra ID's token signing: RS256 access tokens whose `aud` is the
 * resource they were requested for. The managed-identity endpoint issues them and the ACS
 * stand-in verifies them, as ACS verifies Entra tokens against Entra's published keys.
 */
import { randomUUID } from 'node:crypto';
import { type CryptoKey, generateKeyPair, jwtVerify, SignJWT } from 'jose';

export const ENTRA_TEST_ISSUER = 'https://sts.windows.net/00000000-0000-0000-0000-00000000e17a/';

export interface EntraAccessToken {
  readonly accessToken: string;
  /** Epoch seconds. */
  readonly expiresOn: number;
}

export interface EntraIssuer {
  /** Issues an access token for `resource` (e.g. `https://communication.azure.com/`) to `objectId`. */
  issue(
    resource: string,
    claims?: { objectId?: string; appId?: string; lifetimeSeconds?: number },
  ): Promise<EntraAccessToken>;
  /** Verifies signature, issuer, expiry and audience; answers the claims or null. */
  verify(token: string, audiences: readonly string[]): Promise<Record<string, unknown> | null>;
}

export async function createEntraIssuer(): Promise<EntraIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  return {
    async issue(resource, claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresOn = now + (claims.lifetimeSeconds ?? 24 * 3600);
      const accessToken = await new SignJWT({
        oid: claims.objectId ?? '11111111-1111-1111-1111-111111111111',
        appid: claims.appId ?? '22222222-2222-2222-2222-222222222222',
        idtyp: 'app',
      })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .setIssuer(ENTRA_TEST_ISSUER)
        .setAudience(resource)
        .setIssuedAt(now)
        .setNotBefore(now - 300)
        .setExpirationTime(expiresOn)
        .sign(privateKey as CryptoKey);
      return { accessToken, expiresOn };
    },
    async verify(token, audiences) {
      try {
        const { payload } = await jwtVerify(token, publicKey as CryptoKey, {
          algorithms: ['RS256'],
          issuer: ENTRA_TEST_ISSUER,
          audience: [...audiences],
        });
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}

/**
 * The token servers of Microsoft's ACS calling samples (docs/token-path.md, "ACS sample token servers"), as
 * far as Switchboard relies on them. Those servers are a few lines of Express over
 * `@azure/communication-identity`:
 *
 * - `POST /token` → `createUserAndToken(scopes)` → `{token, expiresOn, user: {communicationUserId}}`.
 *   The scope comes from the body's `scope` in some samples and from `?scope=` in others, so
 *   Switchboard sends both (`voip`). Every call creates a new ACS identity.
 * - `POST /refreshToken/:id` → `getToken({communicationUserId: id}, scopes)` →
 *   `{user, token, expiresOn}`. No secret: whoever knows a user id gets tokens for it.
 * - Each route is mounted with `cors()`, which answers `OPTIONS` itself (204) without running the
 *   route: the side-effect-free probe "Test connection" uses.
 *
 * `expiresOn` is a JavaScript `Date` serialised by `JSON.stringify`: an ISO 8601 string in UTC.
 * Answers are parsed leniently (unknown keys dropped). Pure ES: no Node, no DOM.
 */
import { z } from 'zod';
import { BackendAccessTokenSchema, BackendUserSchema } from './backend-contract';

export const acsSampleRoutes = {
  token: '/token',
  refreshToken: '/refreshToken',
} as const;

/** The only scope Switchboard asks for: calling. */
export const ACS_SAMPLE_SCOPE = 'voip';

/** `POST /token?scope=voip` with body `{"scope":"voip"}`. */
export function acsSampleTokenPath(): string {
  return `${acsSampleRoutes.token}?scope=${ACS_SAMPLE_SCOPE}`;
}

/** `POST /refreshToken/<communicationUserId>` (the id percent-encoded: it contains `:`). */
export function acsSampleRefreshPath(communicationUserId: string): string {
  return `${acsSampleRoutes.refreshToken}/${encodeURIComponent(communicationUserId)}`;
}

/** An id no ACS resource issues (ACS ids start with `8:`): what the `OPTIONS` probe names. */
export const ACS_SAMPLE_PROBE_USER_ID = 'switchboard-probe';

const AcsSampleUserSchema = z.object({ communicationUserId: BackendUserSchema.shape.communicationUserId });

/** `200` from `POST /token`: a new identity and its first token. */
export const AcsSampleTokenAnswerSchema = BackendAccessTokenSchema.extend({ user: AcsSampleUserSchema });
export type AcsSampleTokenAnswer = z.infer<typeof AcsSampleTokenAnswerSchema>;

/** `200` from `POST /refreshToken/:id`: a new token; `user` echoes the id when present. */
export const AcsSampleRefreshAnswerSchema = BackendAccessTokenSchema.extend({ user: AcsSampleUserSchema.optional() });
export type AcsSampleRefreshAnswer = z.infer<typeof AcsSampleRefreshAnswerSchema>;

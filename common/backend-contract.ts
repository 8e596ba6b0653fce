/**
 * The trusted backend contract, v1 (docs/backend-openapi.yaml): route paths, request and answer shapes, the
 * error body. Declared once: the reference backend (`backend/`) validates what it receives and
 * what it sends with these schemas, and the main process's backend client validates answers
 * with the same ones. Pure ES: no Node, no DOM.
 *
 * Answers are parsed leniently (unknown keys are dropped, not refused) so that a v1 client keeps
 * working when a backend adds a field; anything a v1 client relies on is required here.
 */
import { z } from 'zod';

/** The `api` value of a v1 discovery document. A client refuses any other value. */
export const BACKEND_API_VERSION = 'switchboard/1';

/** Every route of the contract. `${backendUrl}${backendRoutes.token}` is the full address. */
export const backendRoutes = {
  discovery: '/.well-known/switchboard',
  sessions: '/v1/sessions',
  token: '/v1/token',
  currentSession: '/v1/sessions/current',
  /** The company directory (`oidc` sessions only): `GET ?query=&limit=&cursor=`. */
  people: '/v1/people',
  health: '/healthz',
} as const;

/** `GET /v1/people/{communicationUserId}`: resolves one ACS id to a person of the same organisation. */
export const personRoute = (communicationUserId: string): string =>
  `${backendRoutes.people}/${encodeURIComponent(communicationUserId)}`;
export type BackendRoute = (typeof backendRoutes)[keyof typeof backendRoutes];

/** How a user proves who they are to `POST /v1/sessions`. */
export const SignInModeSchema = z.enum(['open', 'oidc']);
export type SignInMode = z.infer<typeof SignInModeSchema>;

/** E.164: a plus, a non-zero country code digit, at most 15 digits in all. No spaces. */
export const E164PhoneNumberSchema = z
  .string()
  .regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 phone number such as +14255550123 (a plus, then digits only)');

const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const DiscoveryDocumentSchema = z.object({
  api: z.literal(BACKEND_API_VERSION),
  signIn: z.array(SignInModeSchema).min(1),
  /** Present when `signIn` includes `oidc`: where the app gets the token it shows to `POST /v1/sessions`. */
  oidc: z
    .object({
      issuer: z.url(),
      clientId: z.string().min(1),
      scopes: z.array(z.string().min(1)),
    })
    .optional(),
  /** Present when the deployer configured a number to show as caller id on phone calls. */
  pstn: z.object({ alternateCallerId: E164PhoneNumberSchema }).optional(),
  /**
   * Set only by the development run without ACS credentials: tokens come from the offline ACS
   * stand-in, so sign-in works but calls cannot connect. The app says so plainly.
   */
  development: z.object({ offlineAcs: z.literal(true) }).optional(),
});
export type DiscoveryDocument = z.infer<typeof DiscoveryDocumentSchema>;

export const DisplayNameSchema = z.string().trim().min(1).max(256);

/**
 * Body of `POST /v1/sessions`. In `oidc` mode the name comes from the verified token and the
 * body's `displayName` is ignored (clients may still send one).
 */
export const CreateSessionRequestSchema = z.object({ displayName: DisplayNameSchema });
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;

/** Body of `POST /v1/token`: empty today; the refresh token travels in `Authorization`. */
export const RefreshTokenRequestSchema = z.object({});
export type RefreshTokenRequest = z.infer<typeof RefreshTokenRequestSchema>;

export const BackendUserSchema = z.object({
  communicationUserId: z.string().min(1).max(512),
  displayName: z.string().max(256),
});
export type BackendUser = z.infer<typeof BackendUserSchema>;

/** An ACS user access token: the JWT the calling SDK needs, and when it expires (ISO 8601). */
export const BackendAccessTokenSchema = z.object({
  token: z.string().min(1),
  expiresOn: IsoDateTimeSchema,
});
export type BackendAccessToken = z.infer<typeof BackendAccessTokenSchema>;

/** The opaque refresh token (rotated on every use) and when the session itself ends. */
export const BackendSessionSchema = z.object({
  refreshToken: z.string().min(1).max(512),
  expiresOn: IsoDateTimeSchema,
});
export type BackendSession = z.infer<typeof BackendSessionSchema>;

/**
 * A short-lived bearer for the company directory, issued with every session and token answer of an
 * `oidc` session (absent in `open` mode, where nobody's name is verified). It is not the refresh
 * token: that one rotates on every use, and presenting an old one revokes the session.
 */
export const DirectoryAccessSchema = z.object({
  token: z.string().min(1).max(2048),
  expiresOn: IsoDateTimeSchema,
});
export type DirectoryAccess = z.infer<typeof DirectoryAccessSchema>;

/** `201` from `POST /v1/sessions` and `200` from `POST /v1/token` share this shape. */
export const SessionAnswerSchema = z.object({
  user: BackendUserSchema,
  accessToken: BackendAccessTokenSchema,
  session: BackendSessionSchema,
  /** Present for `oidc` sessions of a backend that offers the directory. */
  directory: DirectoryAccessSchema.optional(),
});
export type SessionAnswer = z.infer<typeof SessionAnswerSchema>;

/** One person of the directory: the name and email the organisation verified, and their one ACS identity. */
export const DirectoryPersonSchema = z.object({
  communicationUserId: z.string().min(1).max(512),
  displayName: z.string().max(256),
  email: z.string().max(320).nullable(),
});
export type DirectoryPerson = z.infer<typeof DirectoryPersonSchema>;

export const PEOPLE_QUERY_MAX_LENGTH = 100;
export const PEOPLE_PAGE_MAX = 50;

/** Query of `GET /v1/people`: a name or email prefix, a page size, and the cursor of the previous page. */
export const PeopleQuerySchema = z.object({
  query: z.string().trim().min(1).max(PEOPLE_QUERY_MAX_LENGTH),
  limit: z.coerce.number().int().min(1).max(PEOPLE_PAGE_MAX).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

/** `200` from `GET /v1/people`. `nextCursor` is null on the last page. */
export const PeoplePageSchema = z.object({
  people: z.array(DirectoryPersonSchema),
  nextCursor: z.string().nullable(),
});
export type PeoplePage = z.infer<typeof PeoplePageSchema>;

/** `200` from `GET /v1/people/{communicationUserId}`; unknown or out-of-organisation ids answer 404. */
export const PersonAnswerSchema = z.object({ person: DirectoryPersonSchema });
export type PersonAnswer = z.infer<typeof PersonAnswerSchema>;

/** `200` from `POST /v1/token`: `session.refreshToken` is the rotated one. */
export const TokenAnswerSchema = SessionAnswerSchema;
export type TokenAnswer = SessionAnswer;

/** Every non-2xx answer. `message` is for people and never contains a secret. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string().min(1), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * The codes the reference backend sends. Clients branch on the HTTP status first (401 ends the
 * session; 429/502/503 are retried honouring `Retry-After`); the code says why, for logs and UI.
 */
export const backendErrorCodes = {
  invalidRequest: 'invalid_request', // 400: body or header malformed
  unauthorized: 'unauthorized', // 401: missing or unknown refresh token / sign-in proof
  forbidden: 'forbidden', // 403: oidc sign-in verified, but the account lacks a claim the backend requires
  sessionRevoked: 'session_revoked', // 401: signed out, or revoked after reuse
  sessionExpired: 'session_expired', // 401: the session's own lifetime ended
  refreshTokenReused: 'refresh_token_reused', // 401: an old refresh token came back; the session is revoked
  notFound: 'not_found', // 404
  methodNotAllowed: 'method_not_allowed', // 405
  payloadTooLarge: 'payload_too_large', // 413
  unsupportedMediaType: 'unsupported_media_type', // 415
  rateLimited: 'rate_limited', // 429 with Retry-After
  acsUnavailable: 'acs_unavailable', // 502/503 with Retry-After: ACS failed or throttled us
  identityProviderUnavailable: 'idp_unavailable', // 503 with Retry-After: the OIDC provider's keys cannot be fetched
  internal: 'internal', // 500: a bug; the message never carries details
} as const;
export type BackendErrorCode = (typeof backendErrorCodes)[keyof typeof backendErrorCodes];

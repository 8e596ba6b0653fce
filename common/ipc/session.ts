/**
 * IPC contract: session, token and configuration. Imported by main (handlers), preload (the
 * bridge) and renderer (callers): the one place these shapes are declared.
 */
import { z } from 'zod';
import { DisplayNameSchema } from '../backend-contract';
import { LanguageSchema, LanguageStateSchema } from '../i18n/languages';
import { event, invoke, send } from './descriptor';

/** Why a session ended, in terms the UI can turn into words. */
export const SessionEndReasonSchema = z.enum([
  'signed-out', // the user asked
  'revoked', // the backend answered 401: revoked, expired or reused refresh token
  'backend-changed', // the user pointed the app at another backend
  'keychain-unavailable', // restore impossible; never used for a live session
]);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;

export const CommunicationUserSchema = z.object({
  communicationUserId: z.string().min(1).max(512),
  displayName: z.string().max(256),
});
export type CommunicationUser = z.infer<typeof CommunicationUserSchema>;

/**
 * What a backend speaks: the Switchboard contract (docs/backend-openapi.yaml), or the token server of Microsoft's
 * ACS calling samples (`common/acs-sample-contract.ts`), which authenticates nobody.
 */
export const BackendProtocolSchema = z.enum(['switchboard', 'acs-sample']);
export type BackendProtocol = z.infer<typeof BackendProtocolSchema>;

/**
 * Present when the backend signs people in through their organisation (`oidc`): the sign-in
 * screen then offers "Sign in with your organisation" instead of a name field.
 */
export const OrganisationSignInSchema = z.object({
  /** The IdP's host (e.g. login.microsoftonline.com), shown so the user knows where they will sign in. */
  issuerHost: z.string(),
  /** The IdP can end its own session (`end_session_endpoint`): sign-out can offer it. */
  canEndSession: z.boolean(),
});
export type OrganisationSignIn = z.infer<typeof OrganisationSignInSchema>;

export const SessionStateSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('signed-out'),
    reason: SessionEndReasonSchema.optional(),
    /** A sentence for the banner, already free of secrets. */
    message: z.string().optional(),
    organisation: OrganisationSignInSchema.optional(),
  }),
  z.object({ status: z.literal('restoring') }),
  z.object({
    status: z.literal('signed-in'),
    user: CommunicationUserSchema,
    backendUrl: z.string(),
    /** False when the keychain was unavailable: the session lives only until the app quits. */
    remembered: z.boolean(),
    /** True when the backend's tokens come from the offline ACS stand-in (development). */
    offlineDevelopment: z.boolean(),
    /**
     * What the backend speaks (absent from older main processes: read as 'switchboard'). With
     * 'acs-sample' nobody was authenticated and sign-out cannot revoke anything on the server.
     */
    protocol: BackendProtocolSchema.optional(),
  }),
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

// The same display-name rule the backend enforces: declared once, in the backend contract.
// Absent for an organisation sign-in (the name comes from the organisation).
export const SignInRequestSchema = z.object({ displayName: DisplayNameSchema.optional() });
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

/** What the renderer gets on sign-in or a failure, never an exception with a stack. */
export const ResultErrorSchema = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
});
export type ResultError = z.infer<typeof ResultErrorSchema>;

export const SignInResultSchema = z.union([
  z.object({ ok: z.literal(true), session: SessionStateSchema }),
  ResultErrorSchema,
]);
export type SignInResult = z.infer<typeof SignInResultSchema>;

/** A token request carries an id so that the renderer can abort its own wait across IPC. */
export const TokenRequestSchema = z.object({ requestId: z.string().uuid() });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const AccessTokenSchema = z.object({
  token: z.string().min(1),
  /** ISO 8601. */
  expiresOn: z.string(),
});
export type AccessToken = z.infer<typeof AccessTokenSchema>;

export const TokenResultSchema = z.union([
  z.object({ ok: z.literal(true), accessToken: AccessTokenSchema }),
  ResultErrorSchema,
]);
export type TokenResult = z.infer<typeof TokenResultSchema>;

export const ConfigSourceSchema = z.enum(['command-line', 'environment', 'administrator', 'user', 'none']);
export type ConfigSource = z.infer<typeof ConfigSourceSchema>;

/**
 * How the OS writes times (main reads it: electron/main/config/system-clock.ts). `locale`: a BCP 47
 * tag, null when the OS names none; `hourCycle`: the user's 12/24-hour override, null for the
 * locale's own default.
 */
export const ClockSchema = z.object({
  locale: z.string().max(64).nullable(),
  hourCycle: z.enum(['h11', 'h12', 'h23', 'h24']).nullable(),
});
export type Clock = z.infer<typeof ClockSchema>;

export const AppConfigSchema = z.object({
  backendUrl: z.string().nullable(),
  backendUrlSource: ConfigSourceSchema,
  /** Set by command line, environment or administrator: the settings screen shows it read-only. */
  backendUrlLocked: z.boolean(),
  /** E.164 caller id for phone calls: the user's override, else the backend's discovery document. */
  alternateCallerId: z.string().nullable(),
  alternateCallerIdSource: z.enum(['user', 'backend', 'none']),
  clock: ClockSchema,
  /** The language both processes speak (common/i18n/languages.ts). */
  language: LanguageStateSchema,
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

export const ConfigUpdateSchema = z
  .object({
    backendUrl: z.string().max(2048).optional(),
    /** null clears the user's override and falls back to the backend's value. */
    alternateCallerId: z.string().max(32).nullable().optional(),
    /** The language override; null follows the OS again. */
    language: LanguageSchema.nullable().optional(),
  })
  .strict();
export type ConfigUpdate = z.infer<typeof ConfigUpdateSchema>;

export const ConfigSetResultSchema = z.union([
  z.object({ ok: z.literal(true), config: AppConfigSchema }),
  ResultErrorSchema,
]);
export type ConfigSetResult = z.infer<typeof ConfigSetResultSchema>;

export const ConfigTestRequestSchema = z.object({ backendUrl: z.string().max(2048) }).strict();
export type ConfigTestRequest = z.infer<typeof ConfigTestRequestSchema>;

export const ConfigTestResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    backendUrl: z.string(),
    signIn: z.array(z.string()),
    alternateCallerId: z.string().nullable(),
    /** True for servers that authenticate nobody (open sign-in, ACS sample token servers). */
    unauthenticated: z.boolean(),
    /** Which protocol the server speaks (absent from older main processes: read as 'switchboard'). */
    protocol: BackendProtocolSchema.optional(),
    /** A sentence on what this server means for the user (limits, risks), when there is one. */
    notice: z.string().optional(),
  }),
  ResultErrorSchema,
]);
export type ConfigTestResult = z.infer<typeof ConfigTestResultSchema>;

/**
 * The descriptor tables. `window.switchboard.session`, `.token` and `.config` are derived from
 * these; the renderer's wrapper (renderer/bridge) maps an AbortSignal onto `token.abort`.
 */
export const sessionIpc = {
  get: invoke('switchboard:session:get', null, SessionStateSchema),
  signIn: invoke('switchboard:session:sign-in', SignInRequestSchema, SignInResultSchema),
  signOut: invoke('switchboard:session:sign-out', null, SessionStateSchema),
  /** Cancels an organisation sign-in waiting on the browser. */
  cancelSignIn: send('switchboard:session:cancel-sign-in', z.object({}).strict()),
  /** Opens the organisation's sign-out page in the browser; answers whether there is one. */
  endOrganisationSession: invoke('switchboard:session:end-organisation-session', null, z.boolean()),
  onChange: event('switchboard:session:changed', SessionStateSchema),
} as const;

export const tokenIpc = {
  get: invoke('switchboard:token:get', TokenRequestSchema, TokenResultSchema),
  abort: send('switchboard:token:abort', TokenRequestSchema),
} as const;

export const configIpc = {
  get: invoke('switchboard:config:get', null, AppConfigSchema),
  set: invoke('switchboard:config:set', ConfigUpdateSchema, ConfigSetResultSchema),
  test: invoke('switchboard:config:test', ConfigTestRequestSchema, ConfigTestResultSchema),
  /** After every change, whoever made it: the renderer mirrors the configuration as it does the session. */
  onChange: event('switchboard:config:changed', AppConfigSchema),
} as const;

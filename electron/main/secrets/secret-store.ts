/**
 * Where the refresh state lives between runs. Every keychain call in the app goes through this
 * interface (docs/testing.md, Keychain: keytar is archived upstream; `findCredentials` is never called).
 */
import { z } from 'zod';
import { BackendSessionSchema, BackendUserSchema } from '../../../common/backend-contract';

/** One entry per backend: the keychain account is the backend's origin. */
export const SwitchboardRefreshStateSchema = z
  .object({
    /** Marks our own entries: anything without it is foreign and discarded. */
    kind: z.literal('switchboard-refresh-state/1'),
    backendUrl: z.string().min(1),
    communicationUserId: BackendUserSchema.shape.communicationUserId,
    displayName: BackendUserSchema.shape.displayName,
    refreshToken: BackendSessionSchema.shape.refreshToken,
  })
  .strict();
export type SwitchboardRefreshState = z.infer<typeof SwitchboardRefreshStateSchema>;

/**
 * A session with an ACS sample token server (`common/acs-sample-contract.ts`): no refresh token
 * exists there, the identity's id is what renews the token. The display name is ours alone.
 */
export const AcsSampleRefreshStateSchema = z
  .object({
    kind: z.literal('acs-sample-refresh-state/1'),
    backendUrl: z.string().min(1),
    communicationUserId: BackendUserSchema.shape.communicationUserId,
    displayName: BackendUserSchema.shape.displayName,
    /** Never present (such servers have none); declared so that reading it on any state gives undefined. */
    refreshToken: z.never().optional(),
    /**
     * How many renewals in a row the server vanished right after (dropped the connection, then
     * stopped answering): counted across launches, because each launch's renewal crashes it again.
     */
    vanishedAfterRenewal: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type AcsSampleRefreshState = z.infer<typeof AcsSampleRefreshStateSchema>;

/** What the keychain holds for one backend; `kind` says which protocol it speaks. */
export const RefreshStateSchema = z.discriminatedUnion('kind', [
  SwitchboardRefreshStateSchema,
  AcsSampleRefreshStateSchema,
]);
export type RefreshState = z.infer<typeof RefreshStateSchema>;

export interface SecretStore {
  /** The refresh state stored for this backend origin, or null (absent, corrupt or foreign: the latter are deleted). */
  load(backendOrigin: string): Promise<RefreshState | null>;
  /** Stores the state; resolves once it is durable (or, in the fallback, held in memory). */
  save(backendOrigin: string, state: RefreshState): Promise<void>;
  clear(backendOrigin: string): Promise<void>;
  /** False when sessions die with the process (no usable keychain): the UI says sign-in is not remembered. */
  readonly persistent: boolean;
}

/**
 * Parses what the keychain returned. Anything that is not exactly our JSON for this origin is
 * reported as unusable so that the caller deletes it instead of crashing or trusting it.
 */
export function parseStoredRefreshState(
  raw: string,
  backendOrigin: string,
): { ok: true; state: RefreshState } | { ok: false; why: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, why: 'the entry is not JSON' };
  }
  const parsed = RefreshStateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, why: 'the entry is not a Switchboard refresh state' };
  let origin: string;
  try {
    origin = new URL(parsed.data.backendUrl).origin;
  } catch {
    return { ok: false, why: 'the entry names an invalid backend' };
  }
  if (origin !== backendOrigin) return { ok: false, why: 'the entry belongs to another backend' };
  return { ok: true, state: parsed.data };
}

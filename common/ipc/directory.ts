/**
 * IPC contract: the company directory. The renderer asks main, which holds the session's directory
 * bearer (common/backend-contract.ts `DirectoryAccessSchema`) and calls the backend's `/v1/people`.
 * The bearer never crosses this bridge: only people do.
 */
import { z } from 'zod';
import { DirectoryPersonSchema, PEOPLE_QUERY_MAX_LENGTH } from '../backend-contract';
import { invoke } from './descriptor';
import { ResultErrorSchema } from './session';

/**
 * Whether this session has a directory, and when not, why (the call box says it in words):
 *  - `open-sign-in`: the backend signs people in by name only; nobody's name is verified;
 *  - `not-offered`: the backend (an older one, or an ACS sample server) has no directory;
 *  - `signed-out`: no session.
 */
export const DirectoryAvailabilitySchema = z.union([
  z.object({ available: z.literal(true) }),
  z.object({ available: z.literal(false), reason: z.enum(['open-sign-in', 'not-offered', 'signed-out']) }),
]);
export type DirectoryAvailability = z.infer<typeof DirectoryAvailabilitySchema>;

export const DirectorySearchRequestSchema = z
  .object({
    query: z.string().trim().min(1).max(PEOPLE_QUERY_MAX_LENGTH),
    /** The previous page's `nextCursor`. */
    cursor: z.string().min(1).max(512).optional(),
  })
  .strict();
export type DirectorySearchRequest = z.infer<typeof DirectorySearchRequestSchema>;

export const DirectorySearchResultSchema = z.union([
  z.object({ ok: z.literal(true), people: z.array(DirectoryPersonSchema), nextCursor: z.string().nullable() }),
  ResultErrorSchema,
]);
export type DirectorySearchResult = z.infer<typeof DirectorySearchResultSchema>;

export const DirectoryResolveRequestSchema = z.object({ communicationUserId: z.string().min(1).max(512) }).strict();
export type DirectoryResolveRequest = z.infer<typeof DirectoryResolveRequestSchema>;

/** `person: null` when the id is nobody of this organisation (a guest, or a caller from elsewhere). */
export const DirectoryResolveResultSchema = z.union([
  z.object({ ok: z.literal(true), person: DirectoryPersonSchema.nullable() }),
  ResultErrorSchema,
]);
export type DirectoryResolveResult = z.infer<typeof DirectoryResolveResultSchema>;

export const directoryIpc = {
  availability: invoke('switchboard:directory:availability', null, DirectoryAvailabilitySchema),
  search: invoke('switchboard:directory:search', DirectorySearchRequestSchema, DirectorySearchResultSchema),
  resolve: invoke('switchboard:directory:resolve', DirectoryResolveRequestSchema, DirectoryResolveResultSchema),
} as const;

/**
 * IPC contract: recent calls and favourites. The main process keeps them in userData (atomic
 * writes); the renderer reads and changes them only through these descriptors. Every string
 * and list is capped so a misbehaving renderer cannot grow the file without bound.
 */
import { z } from 'zod';
import { invoke } from './descriptor';
import { FAVOURITES_LIMIT, RECENT_CALLS_LIMIT } from './history-limits';

/**
 * A call target as the dialer understood it. Mirrors `CallTarget` in renderer/calling/model.ts;
 * renderer/history/ asserts at compile time that the two stay identical.
 */
export const CallTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('acs-user'), communicationUserId: z.string().min(1).max(512) }),
  z.object({ kind: z.literal('phone'), e164: z.string().regex(/^\+[1-9]\d{1,14}$/) }),
  z.object({ kind: z.literal('group'), groupId: z.string().uuid() }),
  z.object({ kind: z.literal('teams-meeting'), meetingLink: z.string().url().max(4096) }),
  z.object({ kind: z.literal('room'), roomId: z.string().min(1).max(128) }),
  // A Teams meeting joined by its meeting id (digits) and passcode, as printed in the invitation.
  z.object({
    kind: z.literal('teams-meeting-id'),
    meetingId: z.string().regex(/^\d{9,20}$/),
    passcode: z.string().max(64),
  }),
]);
export type CallTargetRecord = z.infer<typeof CallTargetSchema>;

/** How a call ended, from the user's side: what the recents list shows next to it. */
export const CallOutcomeSchema = z.enum(['completed', 'missed', 'declined', 'failed']);
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;

export { FAVOURITES_LIMIT, RECENT_CALLS_LIMIT } from './history-limits';

export const RecentCallInputSchema = z
  .object({
    target: CallTargetSchema,
    /** The name shown for it (a display name, or the formatted target). */
    title: z.string().max(256),
    direction: z.enum(['outgoing', 'incoming']),
    video: z.boolean(),
    /** Epoch ms. */
    startedAt: z.number().int().nonnegative(),
    /** Seconds connected; 0 when the call never connected. */
    durationSeconds: z
      .number()
      .int()
      .nonnegative()
      .max(7 * 24 * 3600),
    outcome: CallOutcomeSchema,
  })
  .strict();
export type RecentCallInput = z.infer<typeof RecentCallInputSchema>;

export const RecentCallSchema = RecentCallInputSchema.extend({ id: z.string().min(1).max(64) });
export type RecentCall = z.infer<typeof RecentCallSchema>;

export const FavouriteInputSchema = z
  .object({
    target: CallTargetSchema,
    label: z.string().trim().min(1).max(128),
  })
  .strict();
export type FavouriteInput = z.infer<typeof FavouriteInputSchema>;

export const FavouriteSchema = FavouriteInputSchema.extend({
  id: z.string().min(1).max(64),
  /** Epoch ms. */
  addedAt: z.number().int().nonnegative(),
});
export type Favourite = z.infer<typeof FavouriteSchema>;

/** The whole list, newest first; also the shape of the file on disk (with a version). */
export const CallHistorySchema = z.object({
  recents: z.array(RecentCallSchema).max(RECENT_CALLS_LIMIT),
  favourites: z.array(FavouriteSchema).max(FAVOURITES_LIMIT),
});
export type CallHistory = z.infer<typeof CallHistorySchema>;

export const HistoryIdSchema = z.object({ id: z.string().min(1).max(64) }).strict();

export const historyIpc = {
  get: invoke('switchboard:history:get', null, CallHistorySchema),
  recordCall: invoke('switchboard:history:record-call', RecentCallInputSchema, CallHistorySchema),
  removeRecent: invoke('switchboard:history:remove-recent', HistoryIdSchema, CallHistorySchema),
  clearRecents: invoke('switchboard:history:clear-recents', null, CallHistorySchema),
  /** Adding a target that is already a favourite renames it instead of adding a second one. */
  addFavourite: invoke('switchboard:history:add-favourite', FavouriteInputSchema, CallHistorySchema),
  removeFavourite: invoke('switchboard:history:remove-favourite', HistoryIdSchema, CallHistorySchema),
} as const;

/**
 * IPC contract: recent calls and favourites. The main process keeps them in userData (atomic
 * writes); the renderer reads and changes them only through these descriptors. Every string
 * and list is capped so a misbehaving renderer cannot grow the file without bound.
 */
import { z } from 'zod';
import { invoke } from './descriptor';
import { FAVOURITES_LIMIT, MAX_PEOPLE_PER_CALL, RECENT_CALLS_LIMIT } from './history-limits';

/** A person (an ACS user) or a phone number: what a call to several people at once rings. */
const AcsUserTargetSchema = z.object({
  kind: z.literal('acs-user'),
  communicationUserId: z.string().min(1).max(512),
});
const PhoneTargetSchema = z.object({ kind: z.literal('phone'), e164: z.string().regex(/^\+[1-9]\d{1,14}$/) });
export const PersonTargetSchema = z.discriminatedUnion('kind', [AcsUserTargetSchema, PhoneTargetSchema]);

/**
 * A call target as the dialer understood it. Mirrors `CallTarget` in renderer/calling/model.ts;
 * renderer/history/ asserts at compile time that the two stay identical.
 */
export const CallTargetSchema = z.discriminatedUnion('kind', [
  AcsUserTargetSchema,
  PhoneTargetSchema,
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

export { FAVOURITES_LIMIT, MAX_PEOPLE_PER_CALL, RECENT_CALLS_LIMIT } from './history-limits';

const RecentCallFields = z
  .object({
    target: CallTargetSchema,
    /**
     * A call to several people at once: everyone rung with `target` (itself a person then), in
     * the order rung. Absent for a call to one person or place, so files written before it
     * existed load as they are, and a release without it still reads those entries.
     */
    others: z
      .array(PersonTargetSchema)
      .min(1)
      .max(MAX_PEOPLE_PER_CALL - 1)
      .optional(),
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

/** Only people are rung together: a group call, meeting or room has no `others`. */
const othersArePeopleWithPersonTarget = (entry: z.infer<typeof RecentCallFields>, ctx: z.RefinementCtx) => {
  if (entry.others && entry.target.kind !== 'acs-user' && entry.target.kind !== 'phone') {
    ctx.addIssue({ code: 'custom', path: ['others'], message: 'only a call to a person rings others with it' });
  }
};

export const RecentCallInputSchema = RecentCallFields.superRefine(othersArePeopleWithPersonTarget);
export type RecentCallInput = z.infer<typeof RecentCallInputSchema>;

export const RecentCallSchema = RecentCallFields.extend({ id: z.string().min(1).max(64) }).superRefine(
  othersArePeopleWithPersonTarget,
);
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

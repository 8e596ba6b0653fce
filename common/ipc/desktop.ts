/**
 * IPC contract: desktop integration. The renderer reports what main needs to know about calls
 * (tray state, incoming-call alerts, power-save, quit and update decisions); main hands the
 * renderer call links to confirm, screen-share sources to pick from, OS media-access answers and
 * the updater's state. Every list and string is capped: a misbehaving renderer cannot flood main.
 */
import { z } from 'zod';
import { event, invoke, send } from './descriptor';

/** What main needs from the calling store; nothing secret, nothing the OS shell does not show. */
export const DesktopCallStateSchema = z
  .object({
    /** The calling agent's status (renderer/calling/model.ts `AgentStatus`). */
    agent: z.enum(['signed-out', 'loading-sdk', 'connecting', 'connected', 'unreachable', 'failed']),
    /** True from dialing or accepting until the call has ended. */
    callActive: z.boolean(),
    /** The header of the current call (a name or a formatted number), for the tray tooltip. */
    callTitle: z.string().max(256).nullable(),
    incoming: z
      .array(
        z.object({
          id: z.string().min(1).max(256),
          callerDisplayName: z.string().max(256),
        }),
      )
      .max(16),
  })
  .strict();
export type DesktopCallState = z.infer<typeof DesktopCallStateSchema>;

/** Where a call link came from, so the confirmation can say it. */
export const CallLinkSourceSchema = z.enum(['switchboard', 'tel', 'callto']);
export type CallLinkSource = z.infer<typeof CallLinkSourceSchema>;

/**
 * A call link main has checked (scheme, shape, length, no control or bidi characters). `target`
 * is still text: the renderer reads it with the call box's parser (renderer/calling/call-target.ts)
 * and asks the user before dialing anything.
 */
export const PendingCallLinkSchema = z.object({
  id: z.string().min(1).max(64),
  source: CallLinkSourceSchema,
  target: z.string().min(1).max(512),
  /** Epoch ms when the OS handed the link to Switchboard. */
  receivedAt: z.number().int().nonnegative(),
});
export type PendingCallLink = z.infer<typeof PendingCallLinkSchema>;

/** The opt-in link schemes: Switchboard registers as their handler only when the user asks. */
export const CallLinkSettingsSchema = z.object({ tel: z.boolean(), callto: z.boolean() }).strict();
export type CallLinkSettings = z.infer<typeof CallLinkSettingsSchema>;

/** Closing the window hides it to the tray (Windows, Linux) so calls keep ringing; on unless the user turns it off. */
export const DEFAULT_KEEP_RUNNING_IN_TRAY = true;

/** The desktop settings the user changes in Settings: the link opt-in and keeping Switchboard running in the tray. */
export const DesktopSettingsSchema = CallLinkSettingsSchema.extend({ keepRunningInTray: z.boolean() }).strict();
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

/**
 * Main's answer: the same, with `keepRunningInTray` defaulting on when a handler leaves it out (a
 * main that keeps only call links, such as a test harness, still answers in the contract's terms).
 */
const DesktopSettingsReplySchema = CallLinkSettingsSchema.extend({
  keepRunningInTray: z.boolean().default(DEFAULT_KEEP_RUNNING_IN_TRAY),
}).strict();

export const ScreenShareSourceSchema = z.object({
  id: z.string().min(1).max(256),
  name: z.string().max(512),
  kind: z.enum(['screen', 'window']),
  /** A small PNG as a `data:image/png;base64,…` URL; empty when the OS gave none. */
  thumbnailDataUrl: z
    .string()
    .max(2_000_000)
    .refine((value) => value === '' || value.startsWith('data:image/png;base64,'), 'a PNG data URL'),
});
export type ScreenShareSource = z.infer<typeof ScreenShareSourceSchema>;

/** macOS screen-recording permission as main sees it; elsewhere always `granted`. */
export const ScreenRecordingAccessSchema = z.enum(['granted', 'denied', 'not-determined']);
export type ScreenRecordingAccess = z.infer<typeof ScreenRecordingAccessSchema>;

export const ScreenSharePickRequestSchema = z.object({
  requestId: z.string().min(1).max(64),
  sources: z.array(ScreenShareSourceSchema).max(64),
  screenRecordingAccess: ScreenRecordingAccessSchema,
});
export type ScreenSharePickRequest = z.infer<typeof ScreenSharePickRequestSchema>;

export const ScreenShareChoiceSchema = z
  .object({
    requestId: z.string().min(1).max(64),
    /** null: the user cancelled. */
    sourceId: z.string().min(1).max(256).nullable(),
  })
  .strict();
export type ScreenShareChoice = z.infer<typeof ScreenShareChoiceSchema>;

export const MediaKindSchema = z.enum(['camera', 'microphone']);
export type MediaKind = z.infer<typeof MediaKindSchema>;

export const MediaAccessStatusSchema = z.enum(['granted', 'denied', 'not-determined', 'restricted', 'unknown']);
export type MediaAccessStatus = z.infer<typeof MediaAccessStatusSchema>;

export const MediaAccessRequestSchema = z.object({ camera: z.boolean(), microphone: z.boolean() }).strict();
export type MediaAccessRequest = z.infer<typeof MediaAccessRequestSchema>;

export const MediaAccessReportSchema = z.object({
  camera: MediaAccessStatusSchema,
  microphone: MediaAccessStatusSchema,
  /** True where main can open the OS settings pane for camera/microphone privacy. */
  canOpenSettings: z.boolean(),
});
export type MediaAccessReport = z.infer<typeof MediaAccessReportSchema>;

/** Which OS privacy pane to open. Main maps each to a fixed URL: the renderer never sends one. */
export const SettingsPaneSchema = z.enum(['camera', 'microphone', 'screen-recording']);
export type SettingsPane = z.infer<typeof SettingsPaneSchema>;

export const UpdateStateSchema = z.discriminatedUnion('status', [
  /** Development, unsigned build, or no update feed configured. */
  z.object({ status: z.literal('disabled'), reason: z.string().max(256) }),
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('checking') }),
  z.object({ status: z.literal('downloading'), version: z.string().max(64), percent: z.number().min(0).max(100) }),
  /** Downloaded. `canRestartNow` is false while a call is active: the offer waits for the call to end. */
  z.object({ status: z.literal('ready'), version: z.string().max(64), canRestartNow: z.boolean() }),
]);
export type UpdateState = z.infer<typeof UpdateStateSchema>;

/**
 * The user answered an incoming call from its OS notification: its Accept or Decline action
 * (Windows toasts, macOS), or a click on the notification itself (`show`: everywhere else too).
 * `callId` is the id the renderer reported in `DesktopCallState.incoming`.
 */
export const IncomingCallActionSchema = z.object({
  callId: z.string().min(1).max(256),
  action: z.enum(['accept', 'decline', 'show']),
});
export type IncomingCallAction = z.infer<typeof IncomingCallActionSchema>;

export const OkResultSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type OkResult = z.infer<typeof OkResultSchema>;

export const desktopIpc = {
  /** The renderer reports call state on every change that matters to main. */
  reportCallState: send('switchboard:desktop:call-state', DesktopCallStateSchema),
  /** Returns and clears the call links waiting for confirmation (queued before the window was ready). */
  takeCallLinks: invoke('switchboard:desktop:take-call-links', null, z.array(PendingCallLinkSchema).max(8)),
  /** Main has queued a new link: the renderer takes it with `takeCallLinks`. */
  onCallLinksPending: event('switchboard:desktop:call-links-pending', z.object({ count: z.number().int() })),
  /**
   * The desktop settings (call links and the tray). The names say "call link" because that is all
   * they held at first; the renderer always sends the whole object.
   */
  getCallLinkSettings: invoke('switchboard:desktop:call-link-settings', null, DesktopSettingsReplySchema),
  setCallLinkSettings: invoke(
    'switchboard:desktop:set-call-link-settings',
    DesktopSettingsSchema,
    DesktopSettingsReplySchema,
  ),
  /** getDisplayMedia asked for a source: the renderer shows its picker and answers with `chooseScreenShareSource`. */
  onScreenSharePick: event('switchboard:desktop:screen-share-pick', ScreenSharePickRequestSchema),
  chooseScreenShareSource: invoke('switchboard:desktop:screen-share-choose', ScreenShareChoiceSchema, OkResultSchema),
  /** Asks the OS for camera/microphone access where it needs asking (macOS) before first use. */
  ensureMediaAccess: invoke('switchboard:desktop:media-access', MediaAccessRequestSchema, MediaAccessReportSchema),
  openPrivacySettings: invoke('switchboard:desktop:open-privacy-settings', SettingsPaneSchema, OkResultSchema),
  /** The user confirmed quitting (or closing, or signing out) during a call: hang up cleanly first. */
  onHangUpRequest: event(
    'switchboard:desktop:hang-up-request',
    z.object({ reason: z.enum(['quit', 'close-window', 'sign-out']) }),
  ),
  /** The user acted on an incoming call's notification: the ringing card answers as if clicked. */
  onIncomingCallAction: event('switchboard:desktop:incoming-call-action', IncomingCallActionSchema),
  getUpdateState: invoke('switchboard:desktop:update-state', null, UpdateStateSchema),
  onUpdateState: event('switchboard:desktop:update-state-changed', UpdateStateSchema),
  /** Refused while a call is active: an update never drops a call. */
  restartToUpdate: invoke('switchboard:desktop:restart-to-update', null, OkResultSchema),
} as const;

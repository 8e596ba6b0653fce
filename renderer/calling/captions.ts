/**
 * `Features.Captions` → the call's `CaptionsView`: start, stop, the spoken language, and the last
 * lines said, each with the speaker's name. The service sends a phrase as a run of Partial results
 * that each revise the text, then one Final: a speaker's Partial line is replaced in place (same
 * id) until its Final arrives, so the pane does not grow a line per revision. Only the last
 * MAX_CAPTION_LINES lines are kept: a long meeting must not grow the state without bound.
 */
import { captionStrings } from '../strings';
import { remoteDisplayName } from './display-name';
import type { CaptionLine, CaptionsView } from './model';
import type {
  CommunicationIdentifier,
  SdkCaptions,
  SdkCaptionsFeature,
  SdkCaptionsInfo,
  SdkRemoteParticipant,
} from './sdk-surface';

export const MAX_CAPTION_LINES = 50;
/** What the SDK captions in when nothing else is asked for (its own default). */
export const FALLBACK_SPOKEN_LANGUAGE = 'en-us';

/**
 * The spoken language to start with: the one the call already uses, else the first of the
 * user's languages (the OS's, through the browser engine) that the service supports, matched on
 * the full tag and then on the language alone, else the SDK's default.
 */
export function defaultSpokenLanguage(
  active: string | null | undefined,
  supported: readonly string[],
  preferred: readonly string[],
): string {
  if (active) return active;
  const lower = supported.map((tag) => tag.toLowerCase());
  for (const wanted of preferred.map((tag) => tag.toLowerCase())) {
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return supported[exact] as string;
    const base = wanted.split('-')[0];
    const sameLanguage = lower.findIndex((tag) => tag.split('-')[0] === base);
    if (sameLanguage >= 0) return supported[sameLanguage] as string;
  }
  return supported.includes(FALLBACK_SPOKEN_LANGUAGE) || supported.length === 0
    ? FALLBACK_SPOKEN_LANGUAGE
    : (supported[0] as string);
}

export interface CaptionsTrackerOptions {
  feature: SdkCaptionsFeature | null;
  rawId(identifier: CommunicationIdentifier): string;
  /** The signed-in user's raw id: their own lines read "You". */
  me: string;
  /** The call's participants now: a participant's current name beats the one the caption carries. */
  participants(): ReadonlyArray<SdkRemoteParticipant>;
  onChange(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class CaptionsTracker {
  private lines: CaptionLine[] = [];
  /** Speaker key → the id of their line still being revised (Partial). */
  private readonly revising = new Map<string, string>();
  private pending: 'starting' | 'stopping' | null = null;
  private stopOnceActive = false;
  private requestedLanguage: string | null = null;
  private problem: string | null = null;
  private watched: SdkCaptions | null = null;
  private nextId = 0;
  private disposed = false;

  constructor(private readonly options: CaptionsTrackerOptions) {
    const { feature } = options;
    if (!feature) return;
    feature.on('CaptionsKindChanged', this.onKindChanged);
    this.watch(feature.captions);
  }

  snapshot(): CaptionsView {
    const captions = this.options.feature?.captions ?? null;
    if (!captions) {
      return {
        status: 'unavailable',
        kind: 'acs',
        spokenLanguage: null,
        supportedLanguages: [],
        lines: [],
        problem: captionStrings.unavailable,
      };
    }
    const active = captions.isCaptionsFeatureActive;
    return {
      status: active
        ? this.pending === 'stopping'
          ? 'stopping'
          : 'on'
        : this.pending === 'starting'
          ? 'starting'
          : 'off',
      kind: captions.kind === 'TeamsCaptions' ? 'teams' : 'acs',
      spokenLanguage: captions.activeSpokenLanguage || this.requestedLanguage,
      supportedLanguages: [...(captions.supportedSpokenLanguages ?? [])],
      lines: this.lines,
      problem: this.problem,
    };
  }

  /** Starts captions; a refusal ends up in `problem`, in words, and does not throw. */
  async start(spokenLanguage?: string): Promise<void> {
    const captions = this.options.feature?.captions;
    if (!captions) {
      this.problem = captionStrings.unavailable;
      this.options.onChange();
      return;
    }
    if (captions.isCaptionsFeatureActive) return;
    const language =
      spokenLanguage ??
      defaultSpokenLanguage(
        captions.activeSpokenLanguage,
        captions.supportedSpokenLanguages ?? [],
        globalThis.navigator?.languages ?? [],
      );
    this.requestedLanguage = language;
    this.pending = 'starting';
    this.stopOnceActive = false;
    this.problem = null;
    this.options.onChange();
    try {
      await captions.startCaptions({ spokenLanguage: language });
    } catch (error) {
      this.pending = null;
      this.problem = captionStrings.startFailed(captions.kind === 'TeamsCaptions' ? 'teams' : 'acs', messageOf(error));
      this.options.onChange();
    }
  }

  async stop(): Promise<void> {
    const captions = this.options.feature?.captions;
    if (!captions?.isCaptionsFeatureActive) {
      // Nothing runs yet: a start still pending is stopped as soon as the service confirms it.
      this.stopOnceActive = this.pending === 'starting';
      this.pending = null;
      this.problem = null;
      this.options.onChange();
      return;
    }
    this.pending = 'stopping';
    this.problem = null;
    this.options.onChange();
    try {
      await captions.stopCaptions();
    } catch (error) {
      this.pending = null;
      this.problem = captionStrings.stopFailed(messageOf(error));
      this.options.onChange();
    }
  }

  async setSpokenLanguage(language: string): Promise<void> {
    const captions = this.options.feature?.captions;
    this.requestedLanguage = language;
    if (!captions?.isCaptionsFeatureActive) {
      this.options.onChange(); // used by the next start
      return;
    }
    this.problem = null;
    try {
      await captions.setSpokenLanguage(language);
    } catch (error) {
      this.problem = captionStrings.languageFailed(language, messageOf(error));
    }
    this.options.onChange();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.options.feature?.off('CaptionsKindChanged', this.onKindChanged);
    this.unwatch();
  }

  private readonly onKindChanged = () => {
    // A Teams meeting swaps the captions object for a TeamsCaptions one: follow the new object.
    this.unwatch();
    if (this.options.feature) this.watch(this.options.feature.captions);
    this.options.onChange();
  };

  private readonly onActiveChanged = () => {
    this.pending = null;
    this.revising.clear();
    this.options.onChange();
    if (this.stopOnceActive && this.options.feature?.captions.isCaptionsFeatureActive) {
      this.stopOnceActive = false;
      void this.stop();
    }
  };

  private readonly onLanguageChanged = () => this.options.onChange();

  private readonly onCaption = (info: SdkCaptionsInfo) => {
    const text = info.spokenText.trim();
    if (!text) return;
    const key = info.speaker.identifier
      ? this.options.rawId(info.speaker.identifier)
      : `name:${info.speaker.displayName ?? ''}`;
    const isFinal = info.resultType === 'Final';
    const revisingId = this.revising.get(key);
    // The line being revised may have scrolled out of the bounded list: then it starts afresh.
    if (revisingId !== undefined && this.lines.some((line) => line.id === revisingId)) {
      this.lines = this.lines.map((line) => (line.id === revisingId ? { ...line, text, isFinal } : line));
    } else {
      const line: CaptionLine = { id: `caption-${this.nextId++}`, speaker: this.speakerName(info), text, isFinal };
      this.lines = [...this.lines, line].slice(-MAX_CAPTION_LINES);
      if (!isFinal) this.revising.set(key, line.id);
    }
    if (isFinal) this.revising.delete(key);
    this.options.onChange();
  };

  private speakerName(info: SdkCaptionsInfo): string {
    const { identifier, displayName } = info.speaker;
    if (!identifier) return remoteDisplayName(displayName, '');
    const id = this.options.rawId(identifier);
    if (id === this.options.me) return captionStrings.you;
    const participant = this.options.participants().find((p) => this.options.rawId(p.identifier) === id);
    return remoteDisplayName(participant?.displayName || displayName, id);
  }

  private watch(captions: SdkCaptions | null | undefined): void {
    if (!captions) return;
    this.watched = captions;
    captions.on('CaptionsReceived', this.onCaption);
    captions.on('CaptionsActiveChanged', this.onActiveChanged);
    captions.on('SpokenLanguageChanged', this.onLanguageChanged);
  }

  private unwatch(): void {
    const captions = this.watched;
    if (!captions) return;
    this.watched = null;
    captions.off('CaptionsReceived', this.onCaption);
    captions.off('CaptionsActiveChanged', this.onActiveChanged);
    captions.off('SpokenLanguageChanged', this.onLanguageChanged);
  }
}

/**
 * Call links waiting for the user's confirmation. The OS can hand Switchboard a link before the
 * app is ready, before the window exists, or while the renderer reloads; the inbox keeps it until
 * the renderer takes it (pull, so a renderer that is not listening yet loses nothing), and tells a
 * listener that something arrived so main can bring the window forward.
 */
import type { PendingCallLink } from '../../../common/ipc/desktop';
import type { CallLinkOptions, ParsedCallLink } from './call-link';
import { parseCallLink } from './call-link';

/** More than this many unconfirmed links is a flood, not a person clicking: keep the newest. */
export const MAX_PENDING_LINKS = 4;
/** The same link twice within this window is one click delivered twice (macOS open-url + argv). */
export const DUPLICATE_WINDOW_MS = 2_000;

export type InboxOutcome =
  | { readonly accepted: true; readonly link: PendingCallLink }
  | { readonly accepted: false; readonly reason: string };

export interface CallLinkInboxOptions {
  /** The opt-in schemes, read on every link (the user may change the setting while running). */
  readonly linkOptions: () => CallLinkOptions;
  readonly now?: () => number;
  readonly newId?: () => string;
}

export class CallLinkInbox {
  private readonly pending: PendingCallLink[] = [];
  private readonly listeners = new Set<(link: PendingCallLink) => void>();
  private readonly now: () => number;
  private readonly newId: () => string;
  private counter = 0;

  constructor(private readonly options: CallLinkInboxOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => `link-${++this.counter}`);
  }

  /** Validates a raw link and queues it; a refused link is reported, never queued. */
  receive(raw: string): InboxOutcome {
    const parsed = parseCallLink(raw, this.options.linkOptions());
    if (!parsed.ok) return { accepted: false, reason: parsed.reason };
    return this.enqueue(parsed.link);
  }

  private enqueue(link: ParsedCallLink): InboxOutcome {
    const now = this.now();
    const duplicate = this.pending.find(
      (p) => p.source === link.source && p.target === link.target && now - p.receivedAt < DUPLICATE_WINDOW_MS,
    );
    if (duplicate) return { accepted: true, link: duplicate };
    const entry: PendingCallLink = { id: this.newId(), source: link.source, target: link.target, receivedAt: now };
    this.pending.push(entry);
    if (this.pending.length > MAX_PENDING_LINKS) this.pending.splice(0, this.pending.length - MAX_PENDING_LINKS);
    for (const listener of this.listeners) listener(entry);
    return { accepted: true, link: entry };
  }

  /** Hands every waiting link to the renderer, oldest first, and forgets them. */
  take(): PendingCallLink[] {
    return this.pending.splice(0);
  }

  get size(): number {
    return this.pending.length;
  }

  onLink(listener: (link: PendingCallLink) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * The log line for a received link. The link itself may be personal data (a phone number): the
 * verdict is logged, never the link. A refusal's reason can quote the sender's text (a parameter
 * name); the logger escapes control characters in every line (logging.ts).
 */
export function inboxVerdictLine(
  outcome: InboxOutcome,
  origin: string,
): { readonly level: 'info' | 'warn'; readonly message: string } {
  return outcome.accepted
    ? { level: 'info', message: `call link received (${origin}, ${outcome.link.source})` }
    : { level: 'warn', message: `call link refused (${origin}): ${outcome.reason}` };
}

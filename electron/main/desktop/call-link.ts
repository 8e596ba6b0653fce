/**
 * Call links: `switchboard://call?to=<target>` always, `tel:<number>` and `callto:<target>` when
 * the user opted in. This module checks the link's envelope only — scheme, shape, size, and that
 * nothing in it can mislead the person reading the confirmation (control, bidi and invisible
 * characters). What the target *means* is decided by the call box's parser in the renderer
 * (renderer/calling/call-target.ts), which shows it to the user before anything is dialed: the
 * target syntax is parsed in exactly one place.
 */
import { escapeControlCharacters } from '../../../common/display-text';
import type { CallLinkSource } from '../../../common/ipc/desktop';

export const CALL_LINK_SCHEME = 'switchboard';
/** Schemes the user may let Switchboard handle besides its own (Settings → call links). */
export const OPTIONAL_CALL_LINK_SCHEMES = ['tel', 'callto'] as const;
export type OptionalCallLinkScheme = (typeof OPTIONAL_CALL_LINK_SCHEMES)[number];

/** Longer than any target the call box accepts (a Teams link with its context is the longest). */
export const MAX_CALL_LINK_LENGTH = 2048;
export const MAX_TARGET_LENGTH = 512;

export interface ParsedCallLink {
  readonly source: CallLinkSource;
  /** The target as text for the call box's parser: decoded, trimmed, checked for safe characters. */
  readonly target: string;
}

export type CallLinkParse =
  | { readonly ok: true; readonly link: ParsedCallLink }
  | { readonly ok: false; readonly reason: string };

export interface CallLinkOptions {
  /** The opt-in schemes currently enabled; `switchboard:` is always accepted. */
  readonly enabledSchemes: ReadonlySet<OptionalCallLinkScheme>;
}

/**
 * C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width and other invisible
 * format characters, line/paragraph separators: each can make a link display as something other
 * than what would be dialed ("Trojan Source" style), so a link holding any of them is refused.
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Variation_Selector}\u115f\u1160\u3164\uffa0]/u;

/** RFC 3966 global number: `+`, digits, visual separators only. */
const TEL_GLOBAL_NUMBER = /^\+[0-9][0-9().\- ]{1,40}$/;

const refuse = (reason: string): CallLinkParse => ({ ok: false, reason });

export function parseCallLink(raw: string, options: CallLinkOptions): CallLinkParse {
  if (typeof raw !== 'string' || raw.length === 0) return refuse('the link is empty');
  if (raw.length > MAX_CALL_LINK_LENGTH) return refuse(`the link is longer than ${MAX_CALL_LINK_LENGTH} characters`);
  if (UNSAFE_CHARACTERS.test(raw)) return refuse('the link contains control or invisible characters');

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (!scheme) return refuse('the link has no scheme');
  if (scheme === CALL_LINK_SCHEME) return parseSwitchboardLink(raw);
  if (scheme === 'tel' || scheme === 'callto') {
    if (!options.enabledSchemes.has(scheme))
      return refuse(`${scheme}: links are not enabled in Switchboard's settings`);
    return scheme === 'tel' ? parseTelLink(raw) : parseCalltoLink(raw);
  }
  return refuse(`Switchboard does not handle ${scheme}: links`);
}

function parseSwitchboardLink(raw: string): CallLinkParse {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('the link is not a valid URL');
  }
  if (url.username || url.password || url.port) return refuse('the link carries a user name, password or port');
  if (url.hostname.toLowerCase() !== 'call') return refuse('only switchboard://call links are supported');
  if (url.pathname !== '' && url.pathname !== '/') return refuse('the link has an unexpected path');
  if (url.hash) return refuse('the link has an unexpected fragment');
  // URLSearchParams decodes broken percent-encoding leniently (into U+FFFD): refuse it instead.
  if (decodeOrNull(url.search.replace(/\+/g, ' ')) === null) return refuse('the link is not correctly encoded');
  const names = [...url.searchParams.keys()];
  const unknown = names.filter((name) => name !== 'to');
  if (unknown.length > 0) {
    // Decoded names are the sender's text: escaped, bounded, so the reason stays one honest line.
    const named = unknown.slice(0, 3).map((name) => escapeControlCharacters(name.slice(0, 40)));
    return refuse(`the link has unexpected parameters (${named.join(', ')})`);
  }
  const targets = url.searchParams.getAll('to');
  if (targets.length !== 1) return refuse('the link must name exactly one target (to=…)');
  return checkedTarget('switchboard', targets[0] ?? '');
}

function parseTelLink(raw: string): CallLinkParse {
  const body = decodeOrNull(raw.slice('tel:'.length));
  if (body === null) return refuse('the tel: link is not correctly encoded');
  // `;ext=`, `;isub=`, `;phone-context=`: ACS dials numbers, not extensions or local contexts.
  if (body.includes(';')) return refuse('tel: links with parameters (extension, phone context) are not supported');
  const number = body.trim();
  if (!TEL_GLOBAL_NUMBER.test(number)) return refuse('the tel: link is not an international number (+…)');
  return checkedTarget('tel', number);
}

function parseCalltoLink(raw: string): CallLinkParse {
  const body = decodeOrNull(raw.slice('callto:'.length).replace(/^\/\//, ''));
  if (body === null) return refuse('the callto: link is not correctly encoded');
  return checkedTarget('callto', body.replace(/\/$/, ''));
}

function checkedTarget(source: CallLinkSource, decoded: string): CallLinkParse {
  const target = decoded.trim();
  if (target.length === 0) return refuse('the link names no target');
  if (target.length > MAX_TARGET_LENGTH) return refuse(`the target is longer than ${MAX_TARGET_LENGTH} characters`);
  // Percent-encoding can smuggle what the raw check could not see.
  if (UNSAFE_CHARACTERS.test(target)) return refuse('the target contains control or invisible characters');
  // A link must never turn into a script or a local file, whatever the parser downstream does.
  if (/^(?:javascript|data|vbscript|file|blob|about|app|switchboard):/i.test(target)) {
    return refuse('the target is not something Switchboard can call');
  }
  return { ok: true, link: { source, target } };
}

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The call link among a process's arguments (Windows and Linux pass it on the command line, to
 * the first launch and through `second-instance`). Only an argument that *starts* with a handled
 * scheme counts; Chromium switches and the app path are never links.
 */
export function findCallLinkArgument(argv: readonly string[], options: CallLinkOptions): string | null {
  const schemes = [CALL_LINK_SCHEME, ...options.enabledSchemes];
  for (const argument of argv) {
    if (argument.startsWith('-')) continue;
    const lower = argument.toLowerCase();
    if (schemes.some((scheme) => lower.startsWith(`${scheme}:`))) return argument;
  }
  return null;
}

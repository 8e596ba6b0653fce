import { type BackendUrl, parseBackendUrl } from '../../common/backend-url';

/** A test's own backend address, parsed as main parses one before any client is built. */
export function backendUrl(text: string): BackendUrl {
  const parsed = parseBackendUrl(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed;
}

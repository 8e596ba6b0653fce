/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler (a
 * header also covers the SDK's blob: worker, which a <meta> tag would not reach).
 * - script-src 'self' 'wasm-unsafe-eval': only our bundle; no inline script, no eval. WebAssembly
 *   may compile: the effects package (background blur, noise suppression; renderer/calling/effects.ts)
 *   runs its models in WebAssembly, loaded from our own bundle.
 * - worker-src blob:: the calling SDK spawns its worker from a blob URL (DESIGN §6).
 * - connect-src: the configured backend's origin plus ACS's service hosts (signalling, media
 *   relays, telemetry), over https and wss. Nothing else can be fetched.
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts style rules at run time; styles cannot run code.
 */

/** Hosts the calling SDK talks to (Microsoft's ACS firewall guidance: *.skype.com, *.microsoft.com, *.azure.net, *.azure.com, *.office.com). */
export const ACS_HOST_PATTERNS = [
  '*.communication.azure.com',
  '*.azure.com',
  '*.azure.net',
  '*.skype.com',
  '*.microsoft.com',
  '*.office.com',
];

export function contentSecurityPolicy(backendOrigin: string | null): string {
  const acs = ACS_HOST_PATTERNS.flatMap((host) => [`https://${host}`, `wss://${host}`]);
  const connect = ["'self'", ...(backendOrigin ? [backendOrigin] : []), ...acs];
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    'worker-src blob:',
    `connect-src ${connect.join(' ')}`,
    `media-src 'self' blob: mediastream: ${acs.filter((s) => s.startsWith('https:')).join(' ')}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}

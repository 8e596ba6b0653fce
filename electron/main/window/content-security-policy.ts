/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol handler (a
 * header also covers the SDK's blob: worker, which a <meta> tag would not reach).
 * - script-src 'self' 'wasm-unsafe-eval': only our bundle; no inline script, no eval. WebAssembly
 *   may compile: the effects package (background blur, noise suppression; renderer/calling/effects.ts)
 *   runs its models in WebAssembly, loaded from our own bundle.
 * - worker-src blob:: the calling SDK spawns its worker from a blob URL (docs/acs-facts.md, Calling SDK).
 * - connect-src: our own origin plus exactly the service families the calling SDK talks to
 *   (ACS_SERVICE_HOSTS), over https and wss. Not the backend: main talks to it, the renderer never
 *   does. Not Azure-wide wildcards: `*.azure.com` and `*.azure.net` include names anyone can rent
 *   (`<name>.<region>.cloudapp.azure.com`), which would let injected script send the ACS token out.
 * - media-src: our own files, blob: and mediastream: only. Call audio and video arrive as
 *   MediaStreams set through `srcObject`, which media-src does not govern; nothing is loaded by URL.
 * - style-src 'unsafe-inline': Fluent UI (Griffel) inserts style rules at run time; styles cannot run code.
 */

/**
 * The hosts the calling SDK (2.x) contacts, from the service URLs in its bundle
 * (node_modules/@azure/communication-calling/dist/sdk.bundle.js) and the requests it makes in the
 * Chromium test (test/integration/security/csp.test.ts). Every family is a Microsoft service
 * domain where customers cannot create names. docs/security.md lists what each one is for.
 */
export const ACS_SERVICE_HOSTS = [
  // ACS registrar, relay authentication, trouter (push), ECS configuration, the media gateway.
  '*.communication.microsoft.com',
  // Conversation service (api.cc), flight proxy, edge tokens, trouter and relays.
  '*.skype.com',
  // Teams interop (meetings, Teams users): flight proxy, config, trouter, relays.
  '*.teams.microsoft.com',
] as const;

/** Telemetry (1DS collector) takes plain https posts only. */
export const ACS_TELEMETRY_HOSTS = ['*.events.data.microsoft.com'] as const;

export function contentSecurityPolicy(): string {
  const connect = [
    "'self'",
    ...ACS_SERVICE_HOSTS.flatMap((host) => [`https://${host}`, `wss://${host}`]),
    ...ACS_TELEMETRY_HOSTS.map((host) => `https://${host}`),
  ];
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    'worker-src blob:',
    `connect-src ${connect.join(' ')}`,
    "media-src 'self' blob: mediastream:",
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

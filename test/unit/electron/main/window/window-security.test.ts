import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAppProtocolHandler } from '../../../../../electron/main/window/app-protocol';
import { contentSecurityPolicy } from '../../../../../electron/main/window/content-security-policy';
import { externalLinkToOpen } from '../../../../../electron/main/window/external-links';
import { isPermissionGranted } from '../../../../../electron/main/window/permissions';

const APP = 'app://localhost';

test.each([
  ['media', ['audio', 'video'], true],
  ['media', ['audio'], true],
  ['display-capture', undefined, true],
  ['geolocation', undefined, false],
  ['notifications', undefined, false],
  ['clipboard-read', undefined, false],
  ['openExternal', undefined, false],
])('%s %j for our origin → %s', (permission, mediaTypes, granted) => {
  expect(isPermissionGranted({ permission, requestingUrl: `${APP}/index.html`, mediaTypes }, APP)).toBe(granted);
});

test('camera and microphone are denied to any other origin and to subframes', () => {
  expect(isPermissionGranted({ permission: 'media', requestingUrl: 'https://evil.example/' }, APP)).toBe(false);
  expect(isPermissionGranted({ permission: 'media', requestingUrl: 'app://evil/' }, APP)).toBe(false);
  expect(isPermissionGranted({ permission: 'media', requestingUrl: `${APP}/`, isMainFrame: false }, APP)).toBe(false);
});

test.each([
  ['https://learn.microsoft.com/azure', 'https://learn.microsoft.com/azure'],
  ['http://example.com', null],
  ['file:///etc/passwd', null],
  ['javascript:alert(1)', null],
  ['ms-settings:privacy', null],
  ['https://user:pw@example.com', null],
  ['not a url', null],
])('external link %s → %s', (url, expected) => {
  expect(externalLinkToOpen(url)).toBe(expected);
});

test('the CSP allows only our scripts, blob workers, and connections to ACS (never the backend)', () => {
  const csp = contentSecurityPolicy();
  const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
  // WebAssembly may compile (the effects package); JavaScript eval stays refused.
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(directives.get('worker-src')).toEqual(['blob:']);
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(csp).not.toContain('calls.example.com');
  expect(directives.get('connect-src')).toContain('wss://*.skype.com');
  expect(directives.get('connect-src')).not.toContain('https://*.azure.com');
  expect(directives.get('connect-src')).not.toContain('*');
  // JavaScript eval is never allowed ('wasm-unsafe-eval' above is WebAssembly compilation only).
  expect(csp).not.toMatch(/(?<!wasm-)unsafe-eval/);
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'switchboard-renderer-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, '..', 'outside-secret.txt'), 'secret').catch(() => {});
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(join(root, '..', 'outside-secret.txt'), { force: true });
});

test('app://localhost serves the renderer folder with the CSP, and nothing outside it', async () => {
  const handle = createAppProtocolHandler(root, () => "script-src 'self'");
  const js = await handle(new Request('app://localhost/assets/app.js'));
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
  expect(js.headers.get('content-security-policy')).toBe("script-src 'self'");
  const route = await handle(new Request('app://localhost/settings'));
  await expect(route.text()).resolves.toContain('<title>app</title>');
  for (const path of [
    '/../outside-secret.txt',
    '/%2e%2e/outside-secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2foutside-secret.txt',
  ]) {
    const response = await handle(new Request(`app://localhost${path}`));
    expect(await response.text()).not.toBe('secret');
  }
  expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
});

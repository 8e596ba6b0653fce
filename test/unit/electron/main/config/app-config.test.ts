import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { AppConfigStore, type ConfigSources } from '../../../../../electron/main/config/app-config';

let dir: string;
let sources: ConfigSources;
let logged: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-config-'));
  logged = [];
  sources = {
    argv: [],
    env: {},
    administratorFile: join(dir, 'admin.json'),
    userDataDir: dir,
    log: (m) => logged.push(m),
  };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('precedence: command line, then environment, then administrator file, then the user', async () => {
  await writeFile(join(dir, 'admin.json'), JSON.stringify({ backendUrl: 'https://admin.example.com' }));
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ backendUrl: 'https://user.example.com' }));
  const all = await AppConfigStore.open({
    ...sources,
    argv: ['app', '--backend-url', 'https://cli.example.com/'],
    env: { SWITCHBOARD_BACKEND_URL: 'https://env.example.com' },
  });
  expect(all.snapshot()).toMatchObject({
    backendUrl: 'https://cli.example.com',
    backendUrlSource: 'command-line',
    backendUrlLocked: true,
  });
  const env = await AppConfigStore.open({ ...sources, env: { SWITCHBOARD_BACKEND_URL: 'https://env.example.com' } });
  expect(env.snapshot()).toMatchObject({ backendUrl: 'https://env.example.com', backendUrlSource: 'environment' });
  const admin = await AppConfigStore.open(sources);
  expect(admin.snapshot()).toMatchObject({
    backendUrl: 'https://admin.example.com',
    backendUrlSource: 'administrator',
  });
  await rm(join(dir, 'admin.json'));
  const user = await AppConfigStore.open(sources);
  expect(user.snapshot()).toMatchObject({
    backendUrl: 'https://user.example.com',
    backendUrlSource: 'user',
    backendUrlLocked: false,
  });
});

test('an invalid source is reported and skipped (http to a remote host, userinfo)', async () => {
  const config = await AppConfigStore.open({
    ...sources,
    argv: ['--backend-url=http://calls.example.com'],
    env: { SWITCHBOARD_BACKEND_URL: 'https://me:pw@calls.example.com' },
  });
  expect(config.backendUrl).toBeNull();
  expect(logged.join('\n')).toMatch(/command-line: Plain http:\/\/ is only allowed/);
  expect(logged.join('\n')).toMatch(/environment: Remove the user name and password/);
});

test('the user setting is written atomically, normalised, and read back at the next launch', async () => {
  const config = await AppConfigStore.open(sources);
  const outcome = await config.update({ backendUrl: ' https://Calls.Example.com/api/ ' });
  expect(outcome).toMatchObject({
    ok: true,
    backendChanged: true,
    config: { backendUrl: 'https://calls.example.com/api' },
  });
  expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual({
    backendUrl: 'https://calls.example.com/api',
  });
  expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const again = await AppConfigStore.open(sources);
  expect(again.backendUrl).toBe('https://calls.example.com/api');
  await expect(again.update({ backendUrl: 'https://calls.example.com/api' })).resolves.toMatchObject({
    backendChanged: false,
  });
});

test('a locked backend URL cannot be changed from settings; an invalid one is refused with the reason', async () => {
  const locked = await AppConfigStore.open({ ...sources, env: { SWITCHBOARD_BACKEND_URL: 'https://env.example.com' } });
  await expect(locked.update({ backendUrl: 'https://other.example.com' })).resolves.toMatchObject({
    ok: false,
    code: 'locked',
    message: expect.stringMatching(/set by the environment \(SWITCHBOARD_BACKEND_URL\)/),
  });
  const open = await AppConfigStore.open(sources);
  await expect(open.update({ backendUrl: 'ftp://x' })).resolves.toMatchObject({ ok: false, code: 'invalid' });
});

test("caller id: the backend's by default, the user's override wins, null clears it back", async () => {
  const config = await AppConfigStore.open(sources);
  config.setDiscoveredCallerId('+14255550100');
  expect(config.snapshot()).toMatchObject({ alternateCallerId: '+14255550100', alternateCallerIdSource: 'backend' });
  await expect(config.update({ alternateCallerId: '+44 20 7946 0000' })).resolves.toMatchObject({
    ok: true,
    config: { alternateCallerId: '+442079460000', alternateCallerIdSource: 'user' },
  });
  await expect(config.update({ alternateCallerId: 'call me' })).resolves.toMatchObject({ ok: false, code: 'invalid' });
  await expect(config.update({ alternateCallerId: null })).resolves.toMatchObject({
    config: { alternateCallerId: '+14255550100', alternateCallerIdSource: 'backend' },
  });
});

test('a corrupt settings file is ignored with a note, not a crash', async () => {
  await writeFile(join(dir, 'settings.json'), '{ half');
  const config = await AppConfigStore.open(sources);
  expect(config.backendUrl).toBeNull();
  expect(logged.join('\n')).toMatch(/it is not JSON/);
});

test('the language follows the OS until the user overrides it, and the override survives a restart', async () => {
  const config = await AppConfigStore.open({ ...sources, systemLanguages: ['fr-FR', 'nl-BE', 'en-US'] });
  expect(config.snapshot().language).toEqual({ current: 'nl', override: null, system: 'nl' });
  const changed: string[] = [];
  config.onChange((next) => changed.push(next.language.current));
  expect(await config.update({ language: 'en' })).toMatchObject({ ok: true, backendChanged: false });
  expect(changed).toEqual(['en']);
  const reopened = await AppConfigStore.open({ ...sources, systemLanguages: ['nl-NL'] });
  expect(reopened.snapshot().language).toEqual({ current: 'en', override: 'en', system: 'nl' });
  await reopened.update({ language: null });
  expect(reopened.snapshot().language).toEqual({ current: 'nl', override: null, system: 'nl' });
});

import { beforeEach, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { invoke, send } from '../../../../../common/ipc';

// Electron mocked at the module boundary: ipcMain records what main registers.
const registered = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
}));
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      registered.handlers.set(channel, handler),
    removeHandler: (channel: string) => registered.handlers.delete(channel),
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      registered.listeners.set(channel, listener),
    removeListener: (channel: string) => registered.listeners.delete(channel),
  },
}));

const { createWindowIpc } = await import('../../../../../electron/main/ipc/electron-ipc');

const table = {
  greet: invoke(
    'switchboard:test:greet',
    z.object({ name: z.string().min(1) }).strict(),
    z.object({ text: z.string() }),
  ),
  ping: send('switchboard:test:ping', z.object({ n: z.number() })),
} as const;

const ourWindow = {
  isDestroyed: () => false,
  webContents: { id: 7, send: vi.fn() },
};
const fromUs = { sender: { id: 7 }, senderFrame: { url: 'app://localhost/index.html' } };

let greet: ReturnType<typeof vi.fn>;
let ping: ReturnType<typeof vi.fn>;
let logged: string[];

beforeEach(() => {
  registered.handlers.clear();
  registered.listeners.clear();
  logged = [];
  greet = vi.fn(({ name }: { name: string }) => ({
    text: `hello ${name}`,
    secretExtra: 'must not reach the renderer',
  }));
  ping = vi.fn();
  const ipc = createWindowIpc(
    () => ourWindow as never,
    (m) => logged.push(m),
  );
  ipc.register(table, { greet, ping } as never);
});

const call = (event: unknown, ...args: unknown[]) => {
  const handler = registered.handlers.get('switchboard:test:greet');
  if (!handler) throw new Error('not registered');
  return handler(event, ...args);
};

test('a call from our window on app://localhost reaches the handler, and the answer is cut to its schema', async () => {
  await expect(call(fromUs, { name: 'Ada' })).resolves.toEqual({ text: 'hello Ada' });
  expect(greet).toHaveBeenCalledWith({ name: 'Ada' }, { senderId: 7 });
});

test.each([
  [
    'another webContents',
    { sender: { id: 8 }, senderFrame: { url: 'app://localhost/' } },
    /did not come from the Switchboard window/,
  ],
  [
    'our window after navigating elsewhere',
    { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } },
    /not the Switchboard app/,
  ],
  ['an embedded frame', { sender: { id: 7 }, senderFrame: { url: 'app://localhost/', parent: {} } }, /embedded frame/],
  ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }, /no longer exists/],
])('a call from %s is refused before the handler runs', async (_label, event, reason) => {
  await expect(call(event, { name: 'Ada' })).rejects.toThrow(reason);
  expect(greet).not.toHaveBeenCalled();
  expect(logged.join('\n')).toMatch(/refused switchboard:test:greet/);
});

test.each([
  ['a missing field', [{}]],
  ['a wrong type', [{ name: 42 }]],
  ['an extra field', [{ name: 'Ada', admin: true }]],
  ['no argument', []],
  ['two arguments', [{ name: 'Ada' }, 'extra']],
])('a malformed payload (%s) is refused with a clear error and main keeps running', async (_label, args) => {
  await expect(call(fromUs, ...args)).rejects.toThrow(/refused switchboard:test:greet: .*(malformed|argument)/);
  expect(greet).not.toHaveBeenCalled();
  // And the next good call still works.
  await expect(call(fromUs, { name: 'Bo' })).resolves.toEqual({ text: 'hello Bo' });
});

test('a malformed payload error names the field but never echoes the value', async () => {
  const error = await Promise.resolve(call(fromUs, { name: 'secret-refresh-token-value', admin: 'x' })).catch(
    (e: Error) => e,
  );
  expect(String(error)).not.toContain('secret-refresh-token-value');
});

test('a handler that throws unexpectedly gives the renderer a generic message, not the internals', async () => {
  greet.mockImplementation(() => {
    throw new Error('ENOENT /home/user/.secret');
  });
  await expect(call(fromUs, { name: 'Ada' })).rejects.toThrow(/could not complete switchboard:test:greet/);
  await expect(call(fromUs, { name: 'Ada' })).rejects.not.toThrow(/ENOENT/);
});

test('a send from a foreign sender or with a bad payload is dropped without throwing', () => {
  const listener = registered.listeners.get('switchboard:test:ping');
  if (!listener) throw new Error('not registered');
  expect(() => listener({ sender: { id: 99 }, senderFrame: { url: 'app://localhost/' } }, { n: 1 })).not.toThrow();
  expect(() => listener(fromUs, { n: 'one' })).not.toThrow();
  expect(ping).not.toHaveBeenCalled();
  listener(fromUs, { n: 1 });
  expect(ping).toHaveBeenCalledWith({ n: 1 }, { senderId: 7 });
});

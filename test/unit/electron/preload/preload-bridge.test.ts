import { expect, test, vi } from 'vitest';
import { bridgeContract, IPC_CHANNEL_PREFIX } from '../../../../common/ipc';

// Electron mocked at the module boundary: record what the preload exposes and sends.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  sent: [] as unknown[][],
  listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args);
      return 'answer';
    },
    send: (...args: unknown[]) => electron.sent.push(args),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      electron.listeners.set(channel, listener),
    removeListener: (channel: string) => electron.listeners.delete(channel),
  },
}));

await import('../../../../electron/preload/preload');
const bridge = electron.exposed.get('switchboard') as Record<string, Record<string, (...args: unknown[]) => unknown>>;

test('the preload exposes exactly one global, shaped like bridgeContract, made only of functions', () => {
  expect([...electron.exposed.keys()]).toEqual(['switchboard']);
  expect(Object.keys(bridge).sort()).toEqual(Object.keys(bridgeContract).sort());
  for (const [namespace, table] of Object.entries(bridgeContract)) {
    expect(Object.keys(bridge[namespace] ?? {}).sort()).toEqual(Object.keys(table).sort());
    for (const fn of Object.values(bridge[namespace] ?? {})) expect(typeof fn).toBe('function');
  }
  // Nothing generic: no ipcRenderer, no invoke(channel).
  expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipcRenderer|invoke|send/);
});

test('each function is bound to its own switchboard: channel and passes exactly its one argument', async () => {
  const { session, token } = bridge as unknown as {
    session: { get: (...a: unknown[]) => Promise<unknown>; signIn: (...a: unknown[]) => Promise<unknown> };
    token: { abort: (...a: unknown[]) => void };
  };
  await expect(session.get('smuggled')).resolves.toBe('answer');
  await session.signIn({ displayName: 'Ada' }, 'extra');
  token.abort({ requestId: 'x' });
  expect(electron.invoked).toEqual([
    ['switchboard:session:get'],
    ['switchboard:session:sign-in', { displayName: 'Ada' }],
  ]);
  expect(electron.sent).toEqual([['switchboard:token:abort', { requestId: 'x' }]]);
  for (const [channel] of [...electron.invoked, ...electron.sent])
    expect(String(channel)).toMatch(new RegExp(`^${IPC_CHANNEL_PREFIX}`));
});

test('an event subscription gives the page the payload only (never the IPC event) and can be undone', () => {
  const heard: unknown[] = [];
  const onChange = bridge.session?.onChange as ((l: (p: unknown) => void) => () => void) | undefined;
  if (!onChange) throw new Error('session.onChange is missing');
  const unsubscribe = onChange((payload) => heard.push(payload));
  const listener = electron.listeners.get('switchboard:session:changed');
  listener?.({ sender: 'ipc internals' }, { status: 'signed-out' });
  expect(heard).toEqual([{ status: 'signed-out' }]);
  unsubscribe();
  expect(electron.listeners.has('switchboard:session:changed')).toBe(false);
});

import { expect, test } from 'vitest';
import {
  CallLinkInbox,
  DUPLICATE_WINDOW_MS,
  MAX_PENDING_LINKS,
} from '../../../../../electron/main/desktop/call-link-inbox';

function inbox(clock = { now: 1_000 }) {
  return new CallLinkInbox({ linkOptions: () => ({ enabledSchemes: new Set(['tel']) }), now: () => clock.now });
}

test('links received before anyone listens wait, in order, until taken once', () => {
  const box = inbox();
  box.receive('switchboard://call?to=%2B14255550100');
  box.receive('tel:+442079460000');
  expect(box.size).toBe(2);
  const taken = box.take();
  expect(taken.map((l) => [l.source, l.target])).toEqual([
    ['switchboard', '+14255550100'],
    ['tel', '+442079460000'],
  ]);
  expect(box.take()).toEqual([]);
});

test('a refused link is reported with its reason and never queued or announced', () => {
  const box = inbox();
  const announced: string[] = [];
  box.onLink((link) => announced.push(link.id));
  const outcome = box.receive('switchboard://call?to=javascript%3Aalert(1)');
  expect(outcome).toEqual({ accepted: false, reason: 'the target is not something Switchboard can call' });
  expect(box.size).toBe(0);
  expect(announced).toEqual([]);
});

test('listeners hear each new link; the same click delivered twice is one link', () => {
  const clock = { now: 1_000 };
  const box = inbox(clock);
  const announced: string[] = [];
  box.onLink((link) => announced.push(link.target));
  box.receive('switchboard://call?to=%2B14255550100');
  clock.now += 10;
  box.receive('switchboard://call?to=%2B14255550100');
  expect(box.size).toBe(1);
  clock.now += DUPLICATE_WINDOW_MS;
  box.receive('switchboard://call?to=%2B14255550100');
  expect(box.size).toBe(2);
  expect(announced).toEqual(['+14255550100', '+14255550100']);
});

test('a flood keeps only the newest links', () => {
  const box = inbox();
  for (let i = 0; i < 20; i++) box.receive(`switchboard://call?to=%2B1425555${String(i).padStart(4, '0')}`);
  const taken = box.take();
  expect(taken).toHaveLength(MAX_PENDING_LINKS);
  expect(taken.at(-1)?.target).toBe('+14255550019');
});

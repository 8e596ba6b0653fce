import { expect, test } from 'vitest';
import { parseStoredRefreshState } from '../../../../../electron/main/secrets/secret-store';

const origin = 'https://calls.example.com';
const switchboard = {
  kind: 'switchboard-refresh-state/1',
  backendUrl: origin,
  communicationUserId: '8:acs:1',
  displayName: 'Ada',
  refreshToken: 'r1',
};
const acsSample = {
  kind: 'acs-sample-refresh-state/1',
  backendUrl: origin,
  communicationUserId: '8:acs:2',
  displayName: 'Grace',
};

test('both protocols’ entries are read back as stored', () => {
  expect(parseStoredRefreshState(JSON.stringify(switchboard), origin)).toEqual({ ok: true, state: switchboard });
  expect(parseStoredRefreshState(JSON.stringify(acsSample), origin)).toEqual({ ok: true, state: acsSample });
});

test.each([
  ['a sample entry carrying a refresh token', { ...acsSample, refreshToken: 'r1' }],
  ['a Switchboard entry without its refresh token', { ...switchboard, refreshToken: undefined }],
  ['an unknown kind', { ...acsSample, kind: 'acs-sample-refresh-state/2' }],
  ['a sample entry without a user id', { ...acsSample, communicationUserId: '' }],
])('%s is not ours and is reported unusable (the store deletes it)', (_what, entry) => {
  expect(parseStoredRefreshState(JSON.stringify(entry), origin)).toEqual({
    ok: false,
    why: 'the entry is not a Switchboard refresh state',
  });
});

test('a sample entry for another backend is refused like any other', () => {
  expect(parseStoredRefreshState(JSON.stringify(acsSample), 'https://other.example.com')).toEqual({
    ok: false,
    why: 'the entry belongs to another backend',
  });
});

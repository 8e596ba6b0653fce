import { describe, expect, test } from 'vitest';
import type { SessionState } from '../../../../../common/ipc';
import { type DirectoryFacts, directoryAvailability } from '../../../../../electron/main/directory/availability';

const signedIn = (protocol: 'switchboard' | 'acs-sample' = 'switchboard'): SessionState => ({
  status: 'signed-in',
  user: { communicationUserId: '8:acs:ada', displayName: 'Ada' },
  backendUrl: 'https://backend.example',
  remembered: true,
  offlineDevelopment: false,
  protocol,
});

const facts = (overrides: Partial<DirectoryFacts>): DirectoryFacts => ({
  session: signedIn(),
  signInModes: ['oidc'],
  offer: true,
  ...overrides,
});

describe('directoryAvailability', () => {
  test.each<[string, Partial<DirectoryFacts>, ReturnType<typeof directoryAvailability>]>([
    ['an organisation session whose answers carry the bearer', {}, { available: true }],
    ['the bearer is known even if discovery was not read', { signInModes: null }, { available: true }],
    ['no session', { session: { status: 'signed-out' } }, { available: false, reason: 'signed-out' }],
    ['a session being restored', { session: { status: 'restoring' } }, { available: false, reason: 'signed-out' }],
    [
      'an ACS sample token server',
      { session: signedIn('acs-sample'), offer: false },
      { available: false, reason: 'not-offered' },
    ],
    ['an open backend', { signInModes: ['open'], offer: false }, { available: false, reason: 'open-sign-in' }],
    [
      'an open backend, before any answer',
      { signInModes: ['open'], offer: 'not-yet' },
      { available: false, reason: 'open-sign-in' },
    ],
    [
      'an organisation backend without the directory (older)',
      { offer: false },
      { available: false, reason: 'not-offered' },
    ],
    [
      'answers without a bearer, discovery unread',
      { signInModes: null, offer: false },
      { available: false, reason: 'not-offered' },
    ],
    ['an organisation session before its first answer', { offer: 'not-yet' }, 'ask-the-backend'],
    ['an organisation session whose backend cannot be reached', { offer: 'unreachable' }, { available: true }],
    [
      'nothing known and nothing reachable',
      { signInModes: null, offer: 'unreachable' },
      { available: false, reason: 'not-offered' },
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(directoryAvailability(facts(overrides))).toEqual(expected);
  });
});

/**
 * One name for the OS's password store wherever a user reads it: main's sentence when a session
 * cannot be restored, and the renderer's banner and session-ended fallback. ("keyring", "credential
 * store", "this computer's keychain" and the like were the variants.)
 */
import { expect, test } from 'vitest';
import { keychainUnavailableMessage } from '../../../../../electron/main/token/token-broker';
import { appStrings } from '../../../../../renderer/strings';

const sentences = {
  'main: session not restored': keychainUnavailableMessage(),
  'renderer: banner while signed in': appStrings.keychainUnavailable,
  'renderer: session ended': appStrings.sessionEnded['keychain-unavailable'],
};

test.each(Object.entries(sentences))('%s says "system keychain" and no other name for it', (_where, sentence) => {
  expect(sentence).toContain('system keychain');
  expect(sentence).not.toMatch(
    /keyring|credential (store|manager)|secret service|computer's keychain|computer’s keychain/i,
  );
});

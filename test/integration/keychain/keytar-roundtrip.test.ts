import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, expect, test } from 'vitest';

// Runs against the isolated gnome-keyring that scripts/with-test-keyring.sh starts; on other OSes
// a service name of our own keeps the user's entries out of reach, and afterAll cleans up.
const service = `switchboard-test-${randomUUID()}`;
const account = 'https://backend.example.test';

afterAll(async () => {
  await keytar.deletePassword(service, account);
});

test("the keychain is the isolated test keyring, not the user's", () => {
  if (process.platform === 'linux') expect(process.env.SWITCHBOARD_TEST_KEYRING).toBe('1');
});

test('set, get and delete through keytar against the real Secret Service', async () => {
  const value = JSON.stringify({ refreshToken: randomUUID() });
  await keytar.setPassword(service, account, value);
  await expect(keytar.getPassword(service, account)).resolves.toBe(value);
  await expect(keytar.deletePassword(service, account)).resolves.toBe(true);
  await expect(keytar.getPassword(service, account)).resolves.toBeNull();
});

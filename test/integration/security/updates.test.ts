/**
 * Finding 9: the release workflow marked Linux builds `signedBuild=true` although nothing signs
 * them. The marker now says what verifies an update (update-policy.ts `UpdateVerification`), the
 * workflow never calls a Linux build signed, and the app reads any other marker as "none"
 * (updates off). docs/security.md says what each verification is worth and that quitting
 * installs a downloaded update, as the coordinator configures electron-updater.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { decideUpdatePolicy, updateVerificationFrom } from '../../../electron/main/desktop/update-policy';

const root = resolve(import.meta.dirname, '../../..');
const workflow = parse(readFileSync(resolve(root, '.github/workflows/release.yml'), 'utf8'));
const script: string = workflow.jobs.installers.steps.map((step: { run?: string }) => step.run ?? '').join('\n');

test('the workflow records what verifies each build; Linux is never called signed', () => {
  expect(script).not.toMatch(/signedBuild|signed=true/);
  expect(script).toContain('verification=none\n');
  expect(script).toContain('if [ "$RUNNER_OS" = "Linux" ]; then verification=release-sha512');
  expect(script).toContain('elif [ -n "$CSC_LINK" ]; then verification=code-signature');
  expect(script).toContain('-c.extraMetadata.switchboard.updateVerification=$verification');
});

test('a build carrying the old "signedBuild" marker, or none, gets no updates', () => {
  const release = { isPackaged: true, feedConfigured: true, disabledByAdministrator: false };
  const policyFor = (pkg: unknown) =>
    decideUpdatePolicy({ ...release, updateVerification: updateVerificationFrom(pkg) }).enabled;
  expect(policyFor({ switchboard: { signedBuild: true } })).toBe(false);
  expect(policyFor({ switchboard: { signedBuild: 'true' } })).toBe(false);
  expect(policyFor({})).toBe(false);
  expect(policyFor({ switchboard: { updateVerification: 'release-sha512' } })).toBe(true);
  expect(policyFor({ switchboard: { updateVerification: 'code-signature' } })).toBe(true);
});

test('docs/security.md says how a Linux update is verified and that quitting installs an update', () => {
  const doc = readFileSync(resolve(root, 'docs/security.md'), 'utf8');
  expect(doc).toMatch(/sha512/);
  expect(doc).toMatch(/latest-linux\.yml/);
  expect(doc).toMatch(/`autoInstallOnAppQuit`/);
  expect(doc).not.toMatch(/installed only on the user's "Restart to update"/);
});

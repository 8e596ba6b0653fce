/**
 * `npm run backend -- offboard --subject <sub> [--delete-identity]`: the command-line side of
 * offboarding.ts. Reads the same settings as the server (it must be the same database and ACS
 * resource), needs `SIGN_IN_MODE=oidc` (the mapping is keyed by OIDC_ISSUER), prints one line.
 */
import { parseArgs } from 'node:util';
import { createBackend } from '../app';
import type { BackendConfig } from '../config';
import { offboard } from './offboarding';

export const OFFBOARD_USAGE =
  'Usage: npm run backend -- offboard --subject <OIDC sub> [--delete-identity]\n' +
  '  Revokes every session of that person and every ACS token of their identity.\n' +
  '  --delete-identity also deletes the person → ACS identity mapping and the ACS identity.';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseOffboardArgs(args: readonly string[]): { subject: string; deleteIdentity: boolean } {
  let values: { subject?: string; 'delete-identity'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { subject: { type: 'string' }, 'delete-identity': { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${OFFBOARD_USAGE}`);
  }
  const subject = values.subject?.trim();
  if (!subject) throw new UsageError(`offboard needs --subject <OIDC sub>.\n${OFFBOARD_USAGE}`);
  return { subject, deleteIdentity: values['delete-identity'] === true };
}

/** Runs the command; answers the line to print. Throws `UsageError` for bad arguments or settings. */
export async function runOffboardCommand(
  config: BackendConfig,
  args: readonly string[],
  extras: Omit<Parameters<typeof createBackend>[0], 'config'> = {},
): Promise<string> {
  const { subject, deleteIdentity } = parseOffboardArgs(args);
  if (!config.oidc) {
    throw new UsageError('offboard works with SIGN_IN_MODE=oidc and the same OIDC_ISSUER as the server.');
  }
  const backend = await createBackend({ ...extras, config: { ...config, logLevel: 'silent' } });
  try {
    const identities = backend.identities;
    if (!identities) throw new Error('oidc mode without an identity store');
    const outcome = await offboard(
      { store: backend.store, identities, acs: backend.acs },
      { issuer: config.oidc.issuer, subject, deleteIdentity, now: new Date() },
    );
    const identity = outcome.communicationUserId
      ? outcome.identityDeleted
        ? `ACS identity ${outcome.communicationUserId} and its mapping deleted`
        : `ACS tokens of ${outcome.communicationUserId} revoked`
      : 'no ACS identity mapped to this subject';
    return `offboarded ${subject}: ${outcome.sessionsRevoked} session(s) revoked; ${identity}.`;
  } finally {
    await backend.close();
  }
}

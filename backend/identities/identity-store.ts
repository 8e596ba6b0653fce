/**
 * One person, one ACS identity: the mapping from a verified OIDC person (issuer, `sub`) to the
 * ACS identity every session of theirs uses, with the name and email their IdP last vouched for
 * (kept for the company directory, backend/directory/, with the words it is searched by). Two implementations (SQLite, PostgreSQL) pass one contract suite
 * (test/integration/backend/identity-store.test.ts).
 *
 * Race safety is the store's job: `claim` inserts only when no mapping exists and answers the
 * mapping that won, so two first sign-ins of one person, on one instance or on several sharing
 * PostgreSQL, end with exactly one mapping; the caller deletes the ACS identity that lost.
 */

export interface PersonKey {
  /** The issuer exactly as in the token's `iss`. */
  readonly issuer: string;
  /** The token's `sub`: stable per person and issuer. */
  readonly subject: string;
}

export interface PersonRecord extends PersonKey {
  readonly communicationUserId: string;
  /** `name`, else `preferred_username`, else `email`, from the latest verified sign-in. */
  readonly displayName: string;
  readonly email: string | null;
  readonly createdAt: Date;
  /** The latest sign-in that refreshed the name and email. */
  readonly updatedAt: Date;
  /** When offboarding hid the person from the directory; null once they sign in again. */
  readonly offboardedAt: Date | null;
}

export interface NewPerson extends PersonKey {
  readonly communicationUserId: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly now: Date;
}

export interface IdentityStore {
  /** Creates the table if needed. Idempotent; safe with several instances starting at once. */
  migrate(): Promise<void>;
  find(key: PersonKey): Promise<PersonRecord | null>;
  /**
   * Inserts the mapping unless one exists for (issuer, subject); answers the stored mapping and
   * whether this call created it. `created: false` with another `communicationUserId` means a
   * concurrent sign-in won: the caller's ACS identity is unused.
   */
  claim(person: NewPerson): Promise<{ readonly person: PersonRecord; readonly created: boolean }>;
  /**
   * Records the name and email of a later sign-in (and its search words), and shows the person in
   * the directory again if offboarding had hidden them.
   */
  updateProfile(key: PersonKey, profile: { displayName: string; email: string | null; now: Date }): Promise<void>;
  /**
   * Writes the sort name and search words of rows from before the directory (migration 4), as
   * `updateProfile` with their own name, email and time would; answers how many. Run at start-up.
   */
  indexUnindexedPeople(): Promise<number>;
  /** Offboarding that keeps the mapping: the person leaves the directory until they sign in again. */
  hideFromDirectory(key: PersonKey, now: Date): Promise<void>;
  /** Deletes the mapping; answers what was deleted (offboarding). */
  delete(key: PersonKey): Promise<PersonRecord | null>;
  close(): Promise<void>;
}

/** A `people` row as both stores read it (SQLite keeps times as epoch milliseconds). */
export interface PersonRow {
  issuer: string;
  subject: string;
  communication_user_id: string;
  display_name: string;
  email: string | null;
  created_at: Date | number;
  updated_at: Date | number;
  offboarded_at: Date | number | null;
}

/** `indexUnindexedPeople` for either store: each row's profile rewritten as it is, words included. */
export async function indexPeople(
  store: Pick<IdentityStore, 'updateProfile'>,
  rows: readonly PersonRow[],
): Promise<number> {
  for (const row of rows) {
    const person = personFromRow(row);
    await store.updateProfile(person, { displayName: person.displayName, email: person.email, now: person.updatedAt });
  }
  return rows.length;
}

export function personFromRow(row: PersonRow): PersonRecord {
  return {
    issuer: row.issuer,
    subject: row.subject,
    communicationUserId: row.communication_user_id,
    displayName: row.display_name,
    email: row.email,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    offboardedAt: row.offboarded_at === null ? null : new Date(row.offboarded_at),
  };
}

/** The company directory: people found in the call box, and names the organisation vouches for. */

export const directoryStrings = {
  /** The call box's placeholder when there is a directory to search. */
  placeholder: 'A name, email, phone number, Teams link or call id',
  suggestionsLabel: 'People in your organisation',
  searching: 'Looking for people…',
  noOneFound: (query: string) => `No one found for “${query}”.`,
  searchFailed: (detail: string) => `The directory could not be searched: ${detail}`,
  /** Why the box offers no names, in the words of the situation (common/ipc/directory.ts). */
  unavailable: {
    'open-sign-in':
      'No company directory: this server lets people sign in with any name, so names cannot be looked up or verified.',
    'not-offered': 'No company directory: this server does not offer one.',
  },
  verified: 'Verified by your organisation',
  /** A caller the directory does not know: the name is whatever they chose. */
  unverified: 'Name chosen by the caller, not verified',
} as const;

/** Calls to several people at once (chips in the call box) and adding someone mid-call (issue 14). */

export const groupCallStrings = {
  /** The chips above the call box: everyone the next call rings. */
  listLabel: 'People to call',
  /** The button beside the call box that turns what was typed into a chip. */
  addToList: 'Add to the people to call',
  addToListHint: 'Add this person and type the next one. A comma or semicolon adds them too.',
  /** A chip's dismiss button, read with the chip's name. */
  removeFromList: (name: string) => `Remove ${name}`,
  /** Said to screen readers as the list changes. */
  added: (name: string, count: number) => `Added ${name}. ${peopleCount(count)} to call.`,
  removed: (name: string, count: number) =>
    count === 0 ? `Removed ${name}. Nobody to call yet.` : `Removed ${name}. ${peopleCount(count)} to call.`,
  alreadyListed: (name: string) => `${name} is already on the list.`,
  /** Something in the box that is no person or phone number, while there are chips. */
  cannotMix:
    'A group call id, Teams meeting, room or meeting ID cannot be called together with people. Remove the people above to join it, or clear the box.',
  /** What the box says while chips are there and it is empty. */
  readyToCall: (count: number) => `Call or Video call rings ${count === 1 ? 'this person' : `all ${count} people`}.`,
  /** Video with only phone numbers on the list. */
  videoNeedsPerson: 'Phone calls are audio only: add a person to make a video call.',
  tooMany: (limit: number) =>
    `A call from Switchboard rings at most ${limit} people at once. Add more once the call has started.`,

  /** The people pane's field for adding someone to the call in progress. */
  addPeople: 'Add people',
  addPeoplePlaceholder: 'Call id or phone number',
  addPeopleDirectoryPlaceholder: 'Name, call id or number',
  addButton: 'Add to the call',
  addButtonLabel: (what: string) => `Add ${what} to the call`,
  adding: (name: string) => `Ringing ${name}…`,
  addedToCall: (name: string) => `${name} joined the call.`,
  notAPerson: 'Only a person (a name or call id) or a phone number can be added to a call.',
  phoneNotAllowed: 'This call does not let you add phone numbers.',
  peopleNotAllowed: 'This call only lets you add phone numbers.',
  /** Why adding failed, with the reason the SDK or the service gave. */
  addFailed: (detail: string) => `Could not add them: ${detail}`,
  didNotJoin: (name: string, reason: string) => `${name} did not join: ${reason}`,
};

function peopleCount(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

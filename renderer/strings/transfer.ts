/** Call transfer (renderer/calling/transfer.ts, renderer/screens/in-call/Transfer.tsx). */

export const transferStrings = {
  control: 'Transfer',
  title: 'Transfer this call',
  /** What happens, said before anything is done. */
  intro: (name: string) => `${name} is connected to the person you choose, and your part of the call ends.`,
  targetLabel: 'Transfer to',
  targetPlaceholder: 'A name, a phone number or an ACS id',
  targetHint: 'Type a name from the directory, a phone number (+1 425 555 0100) or an ACS id (8:acs:…).',
  /** What the box understood, before the button is pressed. */
  understood: (display: string) => `Transfers to ${display}`,
  transfer: 'Transfer',
  transferLabel: (name: string) => `Transfer to ${name}`,
  cancel: 'Cancel',
  close: 'Close',
  heldHeading: 'Or to a call on hold',
  heldHint: 'Connects the two people and ends both of your calls (a consult transfer).',
  toHeldCall: 'Transfer to the held call',
  toHeldCallLabel: (name: string) => `Transfer to the held call with ${name}`,
  /** Said in the call while the service works on it. */
  transferring: (name: string) => `Transferring to ${name}…`,
  /** The sender's end message, on the ended-call card. */
  transferred: (name: string) => `Transferred to ${name}.`,
  failed: (name: string, detail: string) => `The call could not be transferred to ${name}. ${detail}`,
  /** The transfer's error code in words (SIP semantics, as the call end reasons). */
  failures: {
    busy: 'They are busy.',
    declined: 'They declined it.',
    noAnswer: 'Nobody answered.',
    notFound: 'That person or number could not be found.',
    forbidden: 'Azure Communication Services did not allow it for this call.',
    unavailable: 'They are not available right now.',
    other: (code: number, subCode: number) => `The service refused it (code ${code}, subcode ${subCode}).`,
  },
  /** transfer() threw before anything was sent. */
  refused: (detail: string) => `The transfer could not start: ${detail}`,
  /** The transferee's notice, on the new call. */
  arrived: (name: string) => `You were transferred to ${name}.`,
  dismiss: 'Dismiss',
  /** Why the control offers no picker in this call. */
  unavailable: {
    group:
      'Group calls, Teams meetings and rooms cannot be transferred. Azure Communication Services transfers calls between two people only: a call with one person or one phone number.',
    notConnected: 'A call can be transferred once it is connected.',
    unsupported: 'Azure Communication Services offers no transfer for this call.',
    busy: 'A transfer is already under way.',
  },
  /** What the picker refuses before asking the service. */
  problems: {
    notAPerson: 'A call can be transferred to a person or a phone number only, not to a meeting or a room.',
    same: 'That is who you are talking to already.',
    noCallerId:
      'Transferring to a phone number needs a phone number on the Azure Communication Services resource (an ACS number or Direct Routing), set as the caller id in Settings → Phone calls.',
    heldCallGone: 'That call is no longer on hold.',
  },
};

/**
 * A call as the screens show it: every participant the company directory knows is named by the
 * directory (the name their organisation vouches for), not by the display name they chose, and a
 * 1:1 call is headed by that name. The calling layer's own names stay the fallback.
 */
import { useMemo } from 'react';
import type { DirectoryPerson } from '../../../common/backend-contract';
import type { CallView } from '../../calling/model';
import { useDirectoryPeople } from '../../directory/directory-context';

/**
 * The one other person of a 1:1 call (dialled, or the caller who was answered), else null. A call
 * to several people is no 1:1 call even while one of them is on the line (or none, once ended).
 */
export function soleParty(call: CallView): string | null {
  if (call.participants.length > 1 || call.others.length > 0) return null;
  if (call.target?.kind === 'acs-user') return call.target.communicationUserId;
  if (call.target === null) return call.participants[0]?.id ?? null;
  return null;
}

export function withDirectoryNames(call: CallView, people: ReadonlyMap<string, DirectoryPerson>): CallView {
  const party = soleParty(call);
  const partyName = party ? people.get(party)?.displayName : undefined;
  return {
    ...call,
    title: partyName ?? call.title,
    participants: call.participants.map((participant) => {
      const person = people.get(participant.id);
      return person ? { ...participant, displayName: person.displayName } : participant;
    }),
  };
}

export function useNamedCall(call: CallView | null): CallView | null {
  const ids = call
    ? [
        ...call.participants.map((participant) => participant.id),
        ...(call.target?.kind === 'acs-user' ? [call.target.communicationUserId] : []),
      ]
    : [];
  const people = useDirectoryPeople(ids);
  return useMemo(() => (call && people.size > 0 ? withDirectoryNames(call, people) : call), [call, people]);
}

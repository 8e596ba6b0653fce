/**
 * What a "who to call" text box understands, shared by the call box and the call's "Add people"
 * field: the text parsed as a target (call-target.ts, the phone-number library loaded when a
 * number is typed), and, when the text is a name, the company directory's people for it as a
 * combobox's list (arrows move the highlight, Escape closes it, the highlighted person is the
 * target). The boxes decide what Enter and their buttons do with it.
 */
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import type { DirectoryPerson } from '../../../common/backend-contract';
import { needsPhoneNumbers, parseCallTarget } from '../../calling/call-target';
import type { PersonTarget } from '../../calling/model';
import { usePhoneNumbers } from '../../calling/use-phone-numbers';
import { useDirectoryState, useNameCheck, usePeopleSearch } from '../../directory/directory-context';
import { directoryStrings } from '../../strings';
import { useAlternateCallerId } from './use-caller-id';

/** Fewer letters than this find too many people to be worth a round trip. */
const SEARCH_MIN_LENGTH = 2;

export const personTarget = (person: DirectoryPerson): PersonTarget => ({
  kind: 'acs-user',
  communicationUserId: person.communicationUserId,
});

export function useTargetEntry(value: string) {
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const callerId = useAlternateCallerId();
  const configuredCallerId = callerId.status === 'ready' ? callerId.callerId : null;
  // The phone-number library loads when a number is typed, not before: the input is "checking"
  // for the few milliseconds that takes. The caller-id note is only shown for a parsed number,
  // so by then the library is there to format the caller id too.
  const phoneNumbers = usePhoneNumbers(needsPhoneNumbers(value, { callerId: configuredCallerId }));
  const parsed = useMemo(
    () => parseCallTarget(value, { phoneNumbers, callerId: configuredCallerId }),
    [value, phoneNumbers, configuredCallerId],
  );
  const directory = useDirectoryState();
  const typedName = parsed.status === 'invalid' && parsed.problem === 'unrecognized';
  const query = directory.available && typedName && value.trim().length >= SEARCH_MIN_LENGTH ? value.trim() : null;
  const search = usePeopleSearch(query);
  const people = query !== null && (search.status === 'done' || search.status === 'searching') ? search.people : [];
  const [listDismissed, setListDismissed] = useState(false);
  // Each answer starts at its first person, so Enter takes the best match.
  const [highlighted, setHighlighted] = useState({ among: people, index: 0 });
  const highlight = highlighted.among === people ? highlighted.index : 0;
  const showList = !listDismissed && people.length > 0;
  const person = showList ? people[Math.min(highlight, people.length - 1)] : undefined;
  // A pasted id the directory knows is shown, favourited and called by the person's name.
  const idCheck = useNameCheck(
    parsed.status === 'valid' && parsed.target.kind === 'acs-user' ? parsed.target.communicationUserId : null,
  );
  const idPerson = idCheck.status === 'verified' ? idCheck.person : null;
  const target = parsed.status === 'valid' ? parsed.target : person ? personTarget(person) : null;
  /** The name the user knows the target by, when there is one (the directory's), else the text as understood. */
  const targetName =
    parsed.status === 'valid' ? (idPerson?.displayName ?? parsed.display) : (person?.displayName ?? '');

  // Typing "hello" is no error yet, but silence leaves the user guessing: when the box finds no
  // one, or has no directory to ask, say why no names come up.
  const directoryNote =
    query !== null && search.status === 'done' && search.people.length === 0
      ? directoryStrings.noOneFound(query)
      : query !== null && search.status === 'failed'
        ? directoryStrings.searchFailed(search.message)
        : query !== null
          ? directoryStrings.searching
          : !directory.available && directory.reason !== 'checking' && directory.reason !== 'signed-out'
            ? directoryStrings.unavailable[directory.reason]
            : null;

  /** Arrows and Escape for the list; true when the key was the list's (the box does nothing more). */
  const onListKey = (event: KeyboardEvent<HTMLInputElement>): boolean => {
    if (showList && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted({ among: people, index: (highlight + step + people.length) % people.length });
      return true;
    }
    if (event.key === 'ArrowDown' && listDismissed && people.length > 0) {
      event.preventDefault();
      setListDismissed(false);
      return true;
    }
    if (event.key === 'Escape' && showList) {
      event.preventDefault();
      setListDismissed(true);
      return true;
    }
    return false;
  };

  /** The input's combobox attributes: a combobox only when there is a directory to suggest from. */
  const comboboxProps = directory.available
    ? {
        role: 'combobox',
        'aria-autocomplete': 'list' as const,
        'aria-expanded': showList,
        'aria-controls': listId,
        'aria-activedescendant': person ? optionId(highlight) : undefined,
      }
    : {};

  return {
    callerId,
    configuredCallerId,
    phoneNumbers,
    parsed,
    directory,
    query,
    people,
    showList,
    highlight,
    person,
    idPerson,
    target,
    targetName,
    directoryNote,
    listId,
    optionId,
    onListKey,
    /** Typing again opens the list that Escape closed. */
    reopenList: () => setListDismissed(false),
    comboboxProps,
  };
}

export type TargetEntry = ReturnType<typeof useTargetEntry>;

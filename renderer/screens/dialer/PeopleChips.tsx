/**
 * The people the next call rings together, as chips above the call box: added from the box
 * (the Add button, a comma, Enter, a picked person), each dismissable with the mouse or the
 * keyboard (Delete, Backspace or Enter on a chip; Backspace in the empty box removes the last),
 * and every change said to screen readers.
 */
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { callTargetKey } from '../../calling/call-target';
import { targetTitle } from '../../calling/display-name';
import type { PersonTarget } from '../../calling/model';
import { MAX_PEOPLE_PER_CALL } from '../../calling/participants-add';
import { groupCallStrings } from '../../strings';
import { callTitleStrings } from '../../strings/session';
import { visuallyHidden } from '../shared/visually-hidden';

/**
 * The chips themselves (Fluent's TagGroup, with its keyboard navigation) load with the first
 * chip: kept out of the idle home screen, they save ≈ 0.09 MB of heap (docs/performance.md).
 */
const ChipTags = lazy(() => import('./PeopleChipTags'));

const useStyles = makeStyles({
  notice: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  visuallyHidden,
});

export interface PersonChip {
  target: PersonTarget;
  /** How the chip reads: the directory's name, the formatted number, or a readable form of the id. */
  name: string;
}

/** A chip's words: a known person's name, else the number as typed back, else never the raw id. */
export function chipName(target: PersonTarget, understoodAs: string, personName: string | undefined): string {
  if (personName) return personName;
  return target.kind === 'phone' ? understoodAs : targetTitle(target);
}

/** A call to several people is headed by who it rings: "Adele Vance, Lee Gu and 1 other". */
export function groupTitle(names: string[]): string {
  const shown = names.slice(0, 2);
  return callTitleStrings.people(shown, names.length - shown.length);
}

export function usePeopleChips() {
  const [list, setList] = useState<PersonChip[]>([]);
  const [notice, setNotice] = useState<{ text: string; refusal: boolean } | null>(null);
  return {
    list,
    notice,
    /** False when the person is already listed or the list is full (and the user is told). */
    add(target: PersonTarget, name: string): boolean {
      if (list.some((chip) => callTargetKey(chip.target) === callTargetKey(target))) {
        setNotice({ text: groupCallStrings.alreadyListed(name), refusal: true });
        return false;
      }
      if (list.length >= MAX_PEOPLE_PER_CALL) {
        setNotice({ text: groupCallStrings.tooMany(MAX_PEOPLE_PER_CALL), refusal: true });
        return false;
      }
      setList([...list, { target, name }]);
      setNotice({ text: groupCallStrings.added(name, list.length + 1), refusal: false });
      return true;
    },
    remove(key: string): void {
      const chip = list.find((c) => callTargetKey(c.target) === key);
      if (!chip) return;
      setList(list.filter((c) => c !== chip));
      setNotice({ text: groupCallStrings.removed(chip.name, list.length - 1), refusal: false });
    },
    removeLast(): void {
      const last = list.at(-1);
      if (last) this.remove(callTargetKey(last.target));
    },
    clear(): void {
      setList([]);
      setNotice(null);
    },
  };
}

export type PeopleChipsState = ReturnType<typeof usePeopleChips>;

export function PeopleChips(props: { chips: PeopleChipsState; onEmptied: () => void }) {
  const styles = useStyles();
  const { chips } = props;
  return (
    <>
      {chips.list.length > 0 ? (
        <Suspense fallback={null}>
          <ChipTags chips={chips} onEmptied={props.onEmptied} />
        </Suspense>
      ) : null}
      {/* One live region for every change; a refusal (already listed, too many) is shown as well. */}
      <Text
        role="status"
        className={mergeClasses(chips.notice?.refusal ? styles.notice : styles.visuallyHidden)}
        data-testid="call-list-notice"
      >
        {chips.notice?.text ?? ''}
      </Text>
    </>
  );
}

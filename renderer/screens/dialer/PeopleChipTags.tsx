/**
 * The chips of PeopleChips.tsx, its own chunk: Fluent's TagGroup moves between chips with the
 * arrow keys, and Delete, Backspace or Enter on a chip dismisses it.
 */
import { makeStyles, Tag, TagGroup, tokens } from '@fluentui/react-components';
import { callTargetKey } from '../../calling/call-target';
import { groupCallStrings } from '../../strings';
import { TargetIcon } from '../shared/target-icon';
import type { PeopleChipsState } from './PeopleChips';

const useStyles = makeStyles({
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export default function PeopleChipTags(props: { chips: PeopleChipsState; onEmptied: () => void }) {
  const styles = useStyles();
  const { chips } = props;
  return (
    <TagGroup
      className={styles.chips}
      aria-label={groupCallStrings.listLabel}
      onDismiss={(_, data) => {
        chips.remove(String(data.value));
        // The chip that had focus is gone: with none left, typing goes on in the box.
        if (chips.list.length === 1) props.onEmptied();
      }}
      data-testid="call-list"
    >
      {chips.list.map((chip) => (
        <Tag
          key={callTargetKey(chip.target)}
          value={callTargetKey(chip.target)}
          dismissible
          shape="circular"
          // An icon, not an avatar: an avatar's initials are visible text the name would not contain.
          aria-label={groupCallStrings.removeFromList(chip.name)}
          icon={<TargetIcon kind={chip.target.kind} />}
        >
          {chip.name}
        </Tag>
      ))}
    </TagGroup>
  );
}

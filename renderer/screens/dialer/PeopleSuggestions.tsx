import { Avatar, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { DirectoryPerson } from '../../../common/backend-contract';
import { directoryStrings } from '../../strings';
import type { TargetEntry } from '../shared/use-target-entry';

const useStyles = makeStyles({
  list: {
    position: 'absolute',
    top: `calc(100% + ${tokens.spacingVerticalXXS})`,
    left: 0,
    right: 0,
    zIndex: 10,
    padding: tokens.spacingVerticalXS,
    maxHeight: '288px',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  option: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  highlighted: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: `-${tokens.strokeWidthThick}`,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  line: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  email: { color: tokens.colorNeutralForeground3 },
});

/**
 * The call box's people: a listbox owned by the input (aria-activedescendant), so focus stays in
 * the input while the arrows move the highlight. A press calls the person; the mouse never takes
 * focus from the input (which would close the list before the click lands).
 */
export function PeopleSuggestions(props: {
  id: string;
  optionId: (index: number) => string;
  people: DirectoryPerson[];
  highlight: number;
  onPick: (person: DirectoryPerson) => void;
}) {
  const styles = useStyles();
  return (
    <div
      id={props.id}
      role="listbox"
      aria-label={directoryStrings.suggestionsLabel}
      className={styles.list}
      data-testid="people-suggestions"
    >
      {props.people.map((person, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works from the input (aria-activedescendant), as a combobox's options do.
        <div
          key={person.communicationUserId}
          id={props.optionId(index)}
          // The highlighted one kept in view when the arrows scroll a long list (jsdom lays nothing out).
          ref={index === props.highlight ? (option) => option?.scrollIntoView?.({ block: 'nearest' }) : undefined}
          role="option"
          tabIndex={-1}
          aria-selected={index === props.highlight}
          className={mergeClasses(styles.option, index === props.highlight && styles.highlighted)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onPick(person)}
        >
          <Avatar name={person.displayName} size={32} color="colorful" aria-hidden />
          <span className={styles.text}>
            <Text weight="semibold" className={styles.line}>
              {person.displayName}
            </Text>
            {person.email ? (
              <Text size={200} className={mergeClasses(styles.line, styles.email)}>
                {/* The option's name is its text: a space keeps name and email two words ("Adele Vance AdeleV@…"). */}
                {` ${person.email}`}
              </Text>
            ) : null}
          </span>
        </div>
      ))}
    </div>
  );
}

/** The list under a "who to call" box (use-target-entry.ts), while it has people to offer. */
export function EntrySuggestions(props: {
  entry: Pick<TargetEntry, 'showList' | 'listId' | 'optionId' | 'people' | 'highlight'>;
  onPick: (person: DirectoryPerson) => void;
}) {
  const { entry } = props;
  return entry.showList ? (
    <PeopleSuggestions
      id={entry.listId}
      optionId={entry.optionId}
      people={entry.people}
      highlight={entry.highlight}
      onPick={props.onPick}
    />
  ) : null;
}

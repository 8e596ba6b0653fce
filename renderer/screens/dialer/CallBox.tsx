import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CallRegular, StarFilled, StarRegular, VideoRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from 'react';
import type { DirectoryPerson } from '../../../common/backend-contract';
// history-limits, not history: a value import from history.ts would pull zod into the home screen.
import { FAVOURITES_LIMIT } from '../../../common/ipc/history-limits';
import {
  callTargetDisplay,
  callTargetKey,
  needsPhoneNumbers,
  parseCallTarget,
  targetSupportsVideo,
} from '../../calling/call-target';
import { type CallTarget, useCallingActions, useCallingState } from '../../calling/model';
import { usePhoneNumbers } from '../../calling/use-phone-numbers';
import { useDirectoryState, useNameCheck, usePeopleSearch } from '../../directory/directory-context';
import type { HistorySnapshot } from '../../history/history-client';
import { callTargetStrings, dialerStrings, directoryStrings } from '../../strings';
import { ControlTooltip } from '../shared/ControlTooltip';
import { TargetIcon } from '../shared/target-icon';
import { useAction } from '../shared/use-action';
import { useAlternateCallerId } from '../shared/use-caller-id';
import { VerifiedMark } from '../shared/VerifiedMark';
import { PeopleSuggestions } from './PeopleSuggestions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  callButton: { minWidth: '140px' },
  callerId: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  understood: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    wordBreak: 'break-all',
    color: tokens.colorPaletteGreenForeground1,
    fontSize: tokens.fontSizeBase300,
  },
  /** The suggestions hang from the input, over what follows, as a combobox's list does. */
  anchor: { position: 'relative', display: 'flex', flexDirection: 'column' },
});

/** Fewer letters than this find too many people to be worth a round trip. */
const SEARCH_MIN_LENGTH = 2;

const personTarget = (person: DirectoryPerson): CallTarget => ({
  kind: 'acs-user',
  communicationUserId: person.communicationUserId,
});

/**
 * The one call box: type or paste anything callable; it says inline what it understood and
 * enables the call buttons only when there is something to call. Text that is no number, link or
 * id is a name: with a company directory the box suggests people (a combobox: arrows move the
 * highlight, Enter or the call buttons call the highlighted person); without one it says why.
 */
export function CallBox(props: {
  value: string;
  onChange: (value: string) => void;
  history: HistorySnapshot;
  onAddFavourite: (target: CallTarget, label: string) => Promise<void>;
  onRemoveFavourite: (id: string) => Promise<void>;
  onCalled: (target: CallTarget, title: string) => void;
}) {
  const styles = useStyles();
  const inputId = useId();
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const actions = useCallingActions();
  const agent = useCallingState((state) => state.agent);
  const callerId = useAlternateCallerId();
  const placing = useAction();
  const favouriteAction = useAction();
  const [showProblems, setShowProblems] = useState(false);

  const configuredCallerId = callerId.status === 'ready' ? callerId.callerId : null;
  // The phone-number library loads when a number is typed, not before: the input is "checking"
  // for the few milliseconds that takes. The caller-id note below is only shown for a parsed
  // number, so by then the library is there to format the caller id too.
  const phoneNumbers = usePhoneNumbers(needsPhoneNumbers(props.value, { callerId: configuredCallerId }));
  const parsed = useMemo(
    () => parseCallTarget(props.value, { phoneNumbers, callerId: configuredCallerId }),
    [props.value, phoneNumbers, configuredCallerId],
  );
  const directory = useDirectoryState();
  const typedName = parsed.status === 'invalid' && parsed.problem === 'unrecognized';
  const query =
    directory.available && typedName && props.value.trim().length >= SEARCH_MIN_LENGTH ? props.value.trim() : null;
  const search = usePeopleSearch(query);
  const people = query !== null && (search.status === 'done' || search.status === 'searching') ? search.people : [];
  const [listDismissed, setListDismissed] = useState(false);
  // Each answer starts at its first person, so Enter calls the best match.
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
  const isPhone = target?.kind === 'phone';
  const phoneBlocked = isPhone && configuredCallerId === null;
  const canCall = target !== null && !phoneBlocked && agent === 'connected' && !placing.busy;
  const canVideo = canCall && target !== null && targetSupportsVideo(target);

  const favourites = props.history.status === 'ready' ? props.history.history.favourites : [];
  const existingFavourite = target
    ? favourites.find((f) => callTargetKey(f.target) === callTargetKey(target))
    : undefined;

  const place = (video: boolean) => {
    if (!target) return;
    // A person's name heads the call; anything else is titled by the layer (callTitle).
    const name = parsed.status === 'valid' ? idPerson?.displayName : person?.displayName;
    void placing.run(async () => {
      await actions.placeCall(target, { video, ...(name ? { title: name } : {}) });
      props.onCalled(target, name ?? displayForLabel);
    });
  };
  const callPerson = (chosen: DirectoryPerson) => {
    if (agent !== 'connected' || placing.busy) return;
    void placing.run(async () => {
      await actions.placeCall(personTarget(chosen), { video: false, title: chosen.displayName });
      props.onCalled(personTarget(chosen), chosen.displayName);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (showList && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted({ among: people, index: (highlight + step + people.length) % people.length });
      return;
    }
    if (event.key === 'ArrowDown' && listDismissed && people.length > 0) {
      event.preventDefault();
      setListDismissed(false);
      return;
    }
    if (event.key === 'Escape' && showList) {
      event.preventDefault();
      setListDismissed(true);
      return;
    }
    if (event.key !== 'Enter') return;
    if (person) {
      callPerson(person);
      return;
    }
    setShowProblems(true);
    if (canCall) place(false);
  };

  let validationState: 'none' | 'success' | 'error' = 'none';
  let message: ReactNode = null;
  if (parsed.status === 'valid') {
    validationState = 'success';
    message = (
      <span className={styles.understood} data-testid="call-target-understood">
        <TargetIcon kind={parsed.target.kind} />
        {callTargetStrings.understoodAs(parsed.target.kind, parsed.display)}
      </span>
    );
  } else if (parsed.status === 'pending') {
    message = (
      <span className={styles.callerId} data-testid="call-target-checking">
        {callTargetStrings.checking}
      </span>
    );
  } else if (parsed.status === 'invalid' && showProblems) {
    validationState = 'error';
    message = callTargetStrings.problems[parsed.problem];
  } else if (parsed.status === 'invalid' && parsed.problem === 'unrecognized' && !showList) {
    // Typing "hello" is not an error yet, but silence leaves the user guessing: say what works,
    // and, when the box finds no one or has no directory to ask, why no names come up.
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
    message = (
      <span className={styles.callerId} data-testid="call-target-hint">
        {directoryNote ? <span data-testid="directory-note">{directoryNote} </span> : null}
        {callTargetStrings.accepted}
      </span>
    );
  }
  if (parsed.status === 'valid' && idPerson) {
    message = (
      <span className={styles.understood} data-testid="call-target-understood">
        <TargetIcon kind="acs-user" />
        {callTargetStrings.understoodAs('acs-user', idPerson.displayName)}
        <VerifiedMark />
      </span>
    );
  }

  const displayForLabel =
    parsed.status === 'valid' ? (idPerson?.displayName ?? parsed.display) : (person?.displayName ?? '');
  const favouriteLabel = existingFavourite ? dialerStrings.removeFavourite : dialerStrings.addFavourite;
  const atFavouriteLimit = !existingFavourite && favourites.length >= FAVOURITES_LIMIT;

  return (
    <div className={styles.root}>
      <Field
        label={{ children: dialerStrings.inputLabel, htmlFor: inputId }}
        validationState={validationState}
        validationMessage={message}
        validationMessageIcon={null}
        size="large"
      >
        <div className={styles.anchor}>
          <Input
            id={inputId}
            size="large"
            value={props.value}
            placeholder={directory.available ? directoryStrings.placeholder : dialerStrings.inputPlaceholder}
            // A combobox only when there is a directory to suggest from; otherwise a plain text box.
            {...(directory.available
              ? {
                  role: 'combobox',
                  'aria-autocomplete': 'list' as const,
                  'aria-expanded': showList,
                  'aria-controls': listId,
                  'aria-activedescendant': person ? optionId(highlight) : undefined,
                }
              : {})}
            onChange={(_, data) => {
              props.onChange(data.value);
              setListDismissed(false);
              if (data.value.trim() === '') setShowProblems(false);
            }}
            onBlur={() => setShowProblems(props.value.trim() !== '')}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            data-testid="call-box"
            contentAfter={
              target ? (
                <ControlTooltip label={atFavouriteLimit ? dialerStrings.favouriteLimit : favouriteLabel}>
                  <Button
                    appearance="transparent"
                    aria-label={favouriteLabel}
                    aria-pressed={existingFavourite !== undefined}
                    disabled={atFavouriteLimit || favouriteAction.busy || props.history.status !== 'ready'}
                    icon={
                      existingFavourite ? (
                        <StarFilled color={tokens.colorPaletteMarigoldForeground1} />
                      ) : (
                        <StarRegular />
                      )
                    }
                    onClick={() =>
                      favouriteAction.run(() =>
                        existingFavourite
                          ? props.onRemoveFavourite(existingFavourite.id)
                          : props.onAddFavourite(target, displayForLabel),
                      )
                    }
                  />
                </ControlTooltip>
              ) : undefined
            }
          />
          {showList ? (
            <PeopleSuggestions
              id={listId}
              optionId={optionId}
              people={people}
              highlight={highlight}
              onPick={callPerson}
            />
          ) : null}
        </div>
      </Field>

      {isPhone ? (
        <Text
          className={phoneBlocked ? styles.warning : styles.callerId}
          role={phoneBlocked ? 'alert' : undefined}
          data-testid="caller-id-note"
        >
          {callerId.status === 'loading'
            ? dialerStrings.callerIdUnknown
            : configuredCallerId
              ? dialerStrings.callerIdIs(callTargetDisplay({ kind: 'phone', e164: configuredCallerId }, phoneNumbers))
              : dialerStrings.callerIdMissing}
        </Text>
      ) : null}

      <div className={styles.buttons}>
        <Button
          className={styles.callButton}
          appearance="primary"
          size="large"
          icon={<CallRegular />}
          disabled={!canCall}
          aria-label={target ? dialerStrings.audioCallLabel(displayForLabel) : dialerStrings.audioCall}
          onClick={() => place(false)}
        >
          {placing.busy ? dialerStrings.placing : dialerStrings.audioCall}
        </Button>
        <ControlTooltip label={isPhone ? dialerStrings.videoNotForPhone : dialerStrings.videoCall}>
          <Button
            className={styles.callButton}
            size="large"
            icon={<VideoRegular />}
            disabled={!canVideo}
            aria-label={target ? dialerStrings.videoCallLabel(displayForLabel) : dialerStrings.videoCall}
            onClick={() => place(true)}
          >
            {dialerStrings.videoCall}
          </Button>
        </ControlTooltip>
      </div>
      {target && agent !== 'connected' && agent !== 'unreachable' && agent !== 'failed' ? (
        <Text className={styles.callerId}>{dialerStrings.notReady}</Text>
      ) : null}
      {placing.error ? (
        <Text role="alert" className={styles.warning}>
          {dialerStrings.callFailed(placing.error)}
        </Text>
      ) : null}
      {favouriteAction.error ? (
        <Text role="alert" className={styles.warning}>
          {favouriteAction.error}
        </Text>
      ) : null}
    </div>
  );
}

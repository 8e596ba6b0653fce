import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CallRegular, StarFilled, StarRegular, VideoRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from 'react';
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
import type { HistorySnapshot } from '../../history/history-client';
import { callTargetStrings, dialerStrings } from '../../strings';
import { ControlTooltip } from '../shared/ControlTooltip';
import { TargetIcon } from '../shared/target-icon';
import { useAction } from '../shared/use-action';
import { useAlternateCallerId } from '../shared/use-caller-id';

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
});

/**
 * The one call box: type or paste anything callable; it says inline what it understood and
 * enables the call buttons only when there is something to call.
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
  const target = parsed.status === 'valid' ? parsed.target : null;
  const isPhone = target?.kind === 'phone';
  const phoneBlocked = isPhone && configuredCallerId === null;
  const canCall = target !== null && !phoneBlocked && agent === 'connected' && !placing.busy;
  const canVideo = canCall && target !== null && targetSupportsVideo(target);

  const favourites = props.history.status === 'ready' ? props.history.history.favourites : [];
  const existingFavourite = target
    ? favourites.find((f) => callTargetKey(f.target) === callTargetKey(target))
    : undefined;

  const place = (video: boolean) => {
    if (!target || parsed.status !== 'valid') return;
    void placing.run(async () => {
      await actions.placeCall(target, { video });
      props.onCalled(target, parsed.display);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
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
  } else if (parsed.status === 'invalid' && parsed.problem === 'unrecognized') {
    // Typing "hello" is not an error yet, but silence leaves the user guessing: say what works.
    message = (
      <span className={styles.callerId} data-testid="call-target-hint">
        {callTargetStrings.accepted}
      </span>
    );
  }

  const displayForLabel = parsed.status === 'valid' ? parsed.display : '';
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
        <Input
          id={inputId}
          size="large"
          value={props.value}
          placeholder={dialerStrings.inputPlaceholder}
          onChange={(_, data) => {
            props.onChange(data.value);
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
                    existingFavourite ? <StarFilled color={tokens.colorPaletteMarigoldForeground1} /> : <StarRegular />
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

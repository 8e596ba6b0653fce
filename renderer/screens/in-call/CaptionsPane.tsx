import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  mergeClasses,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ClosedCaptionOffRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type CallView, type CaptionsView, useCallingActions } from '../../calling/model';
import { captionStrings, useUiLanguage } from '../../strings';
import { useAction } from '../shared/use-action';
import { visuallyHidden } from '../shared/visually-hidden';

/** How many final lines the screen reader's copy holds: new ones are announced, old ones drop off. */
const ANNOUNCED_LINES = 3;

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  header: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  title: { marginRight: 'auto', alignSelf: 'center' },
  language: { minWidth: '200px', maxWidth: '280px' },
  lines: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '7.5em',
    overflowY: 'auto',
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  speaker: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalS },
  // Still being revised by the service: readable, but quieter than settled text.
  partial: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground2 },
  visuallyHidden,
});

/** `nl-nl` → "Dutch (Netherlands)" in the UI's language; the tag itself if the engine has no name. */
export function spokenLanguageName(tag: string, names: Intl.DisplayNames | null): string {
  try {
    return names?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Spoken languages named in the UI language ("Duits" in Dutch, "German" in English). */
function useLanguageNames(): Intl.DisplayNames | null {
  const uiLanguage = useUiLanguage();
  return useMemo(() => {
    try {
      return new Intl.DisplayNames([uiLanguage], {
        type: 'language',
        languageDisplay: 'standard',
      });
    } catch {
      return null;
    }
  }, [uiLanguage]);
}

/**
 * Whether the captions pane is open, and the one toggle the control bar and the pane share:
 * opening starts captions (unless the call has none: the pane then says so), closing turns them off.
 */
export function useCaptionsToggle(
  call: Pick<CallView, 'id' | 'captions'> | null,
  run: (action: () => Promise<void>) => void,
) {
  const actions = useCallingActions();
  // Kept per call: the next call starts with captions off, as the service has them.
  const [openFor, setOpenFor] = useState<string | null>(null);
  const open = call !== null && openFor === call.id;
  const status = call?.captions.status ?? 'unavailable';
  const toggle = useCallback(() => {
    if (!call) return;
    if (open) {
      setOpenFor(null);
      if (status === 'on' || status === 'starting') run(() => actions.stopCaptions());
      return;
    }
    setOpenFor(call.id);
    if (status === 'off') run(() => actions.startCaptions());
  }, [actions, call, open, status, run]);
  return { open, toggle };
}

/**
 * Live captions under the stage: the last lines with who said them, a speaker's line revised in
 * place until the service settles it. The visible list is not a live region (it changes with every
 * revision); screen readers get their own polite copy with settled (Final) lines only.
 */
export function CaptionsPane(props: { captions: CaptionsView; onTurnOff: () => void }) {
  const styles = useStyles();
  const { captions } = props;
  const actions = useCallingActions();
  const change = useAction();
  const names = useLanguageNames();
  const list = useRef<HTMLOListElement>(null);

  const lastLine = captions.lines.at(-1);
  // Follow the newest line, as a terminal does: the list holds up to 50.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when a line is added or revised
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lastLine]);

  const languages = useMemo(() => {
    const tags = new Set(captions.supportedLanguages);
    if (captions.spokenLanguage) tags.add(captions.spokenLanguage);
    return [...tags]
      .map((tag) => ({ tag, name: spokenLanguageName(tag, names) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [captions.supportedLanguages, captions.spokenLanguage, names]);

  const announced = captions.lines.filter((line) => line.isFinal).slice(-ANNOUNCED_LINES);
  const unavailable = captions.status === 'unavailable';
  const note =
    captions.status === 'starting'
      ? captionStrings.starting
      : captions.status === 'stopping'
        ? captionStrings.stopping
        : captions.status === 'on' && captions.lines.length === 0
          ? captionStrings.waiting
          : null;

  return (
    <section className={styles.pane} aria-label={captionStrings.paneLabel} data-testid="captions-pane">
      <div className={styles.header}>
        <Text weight="semibold" className={styles.title}>
          {captionStrings.paneLabel}
        </Text>
        {!unavailable && languages.length > 0 ? (
          <Field label={captionStrings.spokenLanguage} hint={captionStrings.spokenLanguageHint} size="small">
            <Select
              size="small"
              className={styles.language}
              value={captions.spokenLanguage ?? ''}
              disabled={change.busy}
              onChange={(_, data) => void change.run(() => actions.setSpokenLanguage(data.value))}
            >
              {captions.spokenLanguage ? null : <option value="" disabled />}
              {languages.map(({ tag, name }) => (
                <option key={tag} value={tag}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Button size="small" icon={<ClosedCaptionOffRegular />} onClick={props.onTurnOff}>
          {unavailable ? captionStrings.close : captionStrings.turnOff}
        </Button>
      </div>
      {captions.problem || change.error ? (
        <MessageBar intent="warning" layout="multiline" data-testid="captions-problem">
          <MessageBarBody>{captions.problem ?? change.error}</MessageBarBody>
        </MessageBar>
      ) : null}
      {note ? <Text className={styles.note}>{note}</Text> : null}
      {captions.lines.length > 0 ? (
        // Scrollable, so focusable: a keyboard can scroll back through the last lines.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
        <ol ref={list} className={styles.lines} tabIndex={0} aria-label={captionStrings.paneLabel}>
          {captions.lines.map((line) => (
            <li key={line.id} className={mergeClasses(!line.isFinal && styles.partial)} data-final={line.isFinal}>
              <span className={styles.speaker}>{line.speaker}</span>
              {line.text}
            </li>
          ))}
        </ol>
      ) : null}
      <div
        className={styles.visuallyHidden}
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={captionStrings.liveLabel}
        data-testid="captions-live-region"
      >
        {announced.map((line) => (
          <p key={line.id}>
            {line.speaker}: {line.text}
          </p>
        ))}
      </div>
    </section>
  );
}

/**
 * Settings → Language: follow the system's language, or English or Dutch whatever the system says.
 * Main keeps the choice (config.set({ language })) and pushes the resolved language back with the
 * configuration; the window then switches in place (app/ui-language.ts), calls and all.
 */
import { Field, makeStyles, Radio, RadioGroup, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { type Language, SUPPORTED_LANGUAGES } from '../../../common/i18n/language-codes';
import { useBridge } from '../../bridge/bridge-context';
import { useAppConfig } from '../../session/session-context';
import { languageStrings } from '../../strings';
import { Panel } from '../shared/Panel';

const useStyles = makeStyles({ hint: { color: tokens.colorNeutralForeground3 } });

const SYSTEM = 'system';

/** A language's own name, marked as that language so a screen reader pronounces it right. */
function OwnName({ language }: { language: Language }) {
  return <span lang={language}>{languageStrings.names[language]}</span>;
}

export function LanguageSettings({ className }: { className?: string }) {
  const styles = useStyles();
  const bridge = useBridge();
  const { config } = useAppConfig();
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  if (!config) return null;
  const { override, system } = config.language;

  const choose = (value: string) => {
    const language = SUPPORTED_LANGUAGES.find((known) => known === value) ?? null;
    setProblem(null);
    bridge.config.set({ language }).then(
      (result) => {
        if (!result.ok) setProblem(languageStrings.saveFailed(result.message));
      },
      (error: unknown) =>
        setProblem(languageStrings.saveFailed(error instanceof Error ? error.message : String(error))),
    );
  };

  return (
    <Panel className={className} role="region" aria-label={languageStrings.title} data-testid="language-settings">
      <Subtitle2 as="h3" id={headingId}>
        {languageStrings.title}
      </Subtitle2>
      <Text size={200} className={styles.hint}>
        {languageStrings.intro}
      </Text>
      <Field validationState={problem ? 'error' : 'none'} validationMessage={problem}>
        <RadioGroup
          aria-labelledby={headingId}
          value={override ?? SYSTEM}
          onChange={(_event, data) => choose(data.value)}
        >
          <Radio value={SYSTEM} label={languageStrings.system(languageStrings.names[system])} />
          {SUPPORTED_LANGUAGES.map((language) => (
            <Radio key={language} value={language} label={<OwnName language={language} />} />
          ))}
        </RadioGroup>
      </Field>
    </Panel>
  );
}

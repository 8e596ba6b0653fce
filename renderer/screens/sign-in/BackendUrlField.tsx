/**
 * The backend address with inline validation (the draft's check, the same rule main enforces)
 * and "Test connection" (main fetches the discovery document and reports what it found). Read-only
 * when the address is set by the command line, the environment or an administrator.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { LockClosedRegular, PlugConnectedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppConfig, ConfigTestResult } from '../../../common/ipc';
import { useBridge } from '../../bridge/bridge-context';
import { backendUrlProblemText, configSourceWords, signInStrings } from '../../strings';
import type { BackendUrlDraft } from '../shared/use-backend-url-draft';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'start' },
  field: { alignSelf: 'stretch' },
  result: {
    marginTop: tokens.spacingVerticalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export interface BackendUrlFieldProps {
  config: AppConfig | null;
  draft: BackendUrlDraft;
}

/** The inline message for what the user typed, or null while it is empty and untouched. */
function backendUrlProblem(draft: BackendUrlDraft): string | null {
  if (!draft.touched && draft.value === '') return null;
  return draft.checked.ok ? null : backendUrlProblemText(draft.checked.problem);
}

function TestResult({ result }: { result: ConfigTestResult }) {
  if (!result.ok) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="test-connection-result">
        <MessageBarBody>{result.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent="success" layout="multiline" data-testid="test-connection-result">
        <MessageBarBody>
          {result.protocol === 'acs-sample' ? signInStrings.testFoundAcsSample : signInStrings.testFound(result.signIn)}{' '}
          {result.alternateCallerId
            ? signInStrings.testCallerId(result.alternateCallerId)
            : signInStrings.testNoCallerId}
        </MessageBarBody>
      </MessageBar>
      {result.unauthenticated ? (
        <MessageBar intent="warning" layout="multiline" data-testid="unauthenticated-warning">
          {/* Main's sentence names what this kind of open server allows; the generic one otherwise. */}
          <MessageBarBody>{result.notice ?? signInStrings.unauthenticatedWarning}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export function BackendUrlField({ config, draft }: BackendUrlFieldProps) {
  const styles = useStyles();
  const bridge = useBridge();
  const [testing, setTesting] = useState(false);
  const result = draft.tested;
  const locked = config?.backendUrlLocked ?? false;
  const problem = locked ? null : backendUrlProblem(draft);
  const parsed = draft.checked;

  const test = async () => {
    if (!parsed.ok) {
      draft.touch();
      return;
    }
    setTesting(true);
    draft.setTested(null);
    try {
      draft.setTested(await bridge.config.test({ backendUrl: parsed.url }));
    } catch (error) {
      draft.setTested({ ok: false, code: 'ipc', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <div>
      <div className={styles.column}>
        <Field
          className={styles.field}
          label={signInStrings.backendUrl}
          required={!locked}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem}
          hint={
            locked && config
              ? signInStrings.backendUrlLocked(configSourceWords[config.backendUrlSource])
              : signInStrings.backendUrlHint
          }
        >
          <Input
            type="url"
            value={draft.value}
            readOnly={locked}
            // A read-only outline field looks editable: a locked address is filled and shows a lock.
            appearance={locked ? 'filled-darker' : 'outline'}
            contentBefore={locked ? <LockClosedRegular aria-hidden data-testid="backend-url-lock" /> : undefined}
            placeholder="https://calls.example.com"
            onChange={(_, data) => draft.set(data.value)}
            onBlur={() => draft.touch()}
          />
        </Field>
        <Button
          icon={<PlugConnectedRegular />}
          onClick={() => void test()} // Focusable while testing: a disabled button would drop keyboard focus to the page.
          disabledFocusable={testing || draft.value.trim() === ''}
        >
          {testing ? signInStrings.testing : signInStrings.testConnection}
        </Button>
      </div>
      <div className={styles.result} aria-live="polite">
        {result ? <TestResult result={result} /> : null}
      </div>
    </div>
  );
}

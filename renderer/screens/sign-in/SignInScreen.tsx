/**
 * First run and sign-in: the backend address (unless an administrator set it), the name others
 * will see, and "Sign in". Main does the sign-in; this screen shows its answer in words.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useBridge } from '../../bridge/bridge-context';
import { useAppConfig } from '../../session/session-context';
import { signInStrings } from '../../strings';
import { Panel } from '../shared/Panel';
import { useBackendUrlDraft } from '../shared/use-backend-url-draft';
import { BackendUrlField } from './BackendUrlField';

const useStyles = makeStyles({
  page: { display: 'grid', placeItems: 'start center', paddingTop: tokens.spacingVerticalXXL },
  card: { width: 'min(560px, 100%)', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function SignInScreen() {
  const styles = useStyles();
  const bridge = useBridge();
  const { config } = useAppConfig();
  const backendUrl = useBackendUrlDraft(config?.backendUrl);
  const [displayName, setDisplayName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const nameProblem = nameTouched && displayName.trim() === '' ? signInStrings.displayNameRequired : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNameTouched(true);
    setError(null);
    const parsed = backendUrl.checked;
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    if (displayName.trim() === '') return;
    setBusy(true);
    try {
      if (!config?.backendUrlLocked && parsed.url !== config?.backendUrl) {
        const saved = await bridge.config.set({ backendUrl: parsed.url });
        if (!saved.ok) {
          setError(saved.message);
          return;
        }
      }
      const result = await bridge.session.signIn({ displayName: displayName.trim() });
      if (!result.ok) setError(result.message);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <Panel className={styles.card}>
        <form
          className={styles.form}
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label={signInStrings.title}
        >
          <Title2 as="h2">{signInStrings.title}</Title2>
          <Text>{signInStrings.intro}</Text>
          <BackendUrlField config={config} draft={backendUrl} />
          <Field
            label={signInStrings.displayName}
            required
            hint={signInStrings.displayNameHint}
            validationState={nameProblem ? 'error' : 'none'}
            validationMessage={nameProblem}
          >
            <Input
              value={displayName}
              maxLength={256}
              autoComplete="name"
              onChange={(_, data) => setDisplayName(data.value)}
              onBlur={() => setNameTouched(true)}
            />
          </Field>
          {error ? (
            <MessageBar intent="error" layout="multiline" data-testid="sign-in-error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Button type="submit" appearance="primary" disabledFocusable={busy}>
            {busy ? signInStrings.signingIn : signInStrings.signIn}
          </Button>
        </form>
      </Panel>
    </div>
  );
}

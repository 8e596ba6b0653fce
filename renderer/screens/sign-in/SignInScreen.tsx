/**
 * First run and sign-in: the backend address (unless an administrator set it), the name others
 * will see, and "Sign in". Main does the sign-in; this screen shows its answer in words.
 *
 * When the backend signs people in through their organisation (`session.organisation`), the name
 * field gives way to "Sign in with your organisation" and the IdP's host; while main waits on the
 * browser the screen says "Continue in your browser…" with Cancel. After a sign-out it offers to
 * sign out of the organisation too.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { type FormEvent, useState } from 'react';
import { useBridge } from '../../bridge/bridge-context';
import { useAppConfig, useSession } from '../../session/session-context';
import { signInStrings } from '../../strings';
import { Panel } from '../shared/Panel';
import { useBackendUrlDraft, useClearWhenAddressSettles } from '../shared/use-backend-url-draft';
import { BackendUrlField } from './BackendUrlField';

const useStyles = makeStyles({
  page: { display: 'grid', placeItems: 'start center', paddingTop: tokens.spacingVerticalXXL },
  card: { width: 'min(560px, 100%)', padding: tokens.spacingHorizontalXXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  waiting: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

export function SignInScreen() {
  const styles = useStyles();
  const bridge = useBridge();
  const { config } = useAppConfig();
  const session = useSession();
  const organisation = session.status === 'signed-out' ? session.organisation : undefined;
  const backendUrl = useBackendUrlDraft(config?.backendUrl);
  const [displayName, setDisplayName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // One message per problem: an error is stale once the address is fixed or a test answered.
  useClearWhenAddressSettles(backendUrl, () => setError(null));

  const nameNeeded = !organisation;
  const nameProblem = nameNeeded && nameTouched && displayName.trim() === '' ? signInStrings.displayNameRequired : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNameTouched(true);
    setError(null);
    setNotice(null);
    // A sign-in answer replaces whatever an earlier test said, rather than standing beside it.
    backendUrl.setTested(null);
    const parsed = backendUrl.checked;
    if (!parsed.ok) {
      // The field already says what is wrong with the address, inline: not a second time here.
      backendUrl.touch();
      return;
    }
    if (nameNeeded && displayName.trim() === '') return;
    setBusy(true);
    try {
      if (!config?.backendUrlLocked && parsed.url !== config?.backendUrl) {
        const saved = await bridge.config.set({ backendUrl: parsed.url });
        if (!saved.ok) {
          setError(saved.message);
          return;
        }
      }
      const name = displayName.trim();
      const result = await bridge.session.signIn(name === '' ? {} : { displayName: name });
      // Cancelling is the user's own choice: say so quietly, not as an error.
      if (!result.ok && result.code === 'cancelled') setNotice(result.message);
      else if (!result.ok) setError(result.message);
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
          <Text>{organisation ? signInStrings.organisationIntro(organisation.issuerHost) : signInStrings.intro}</Text>
          <BackendUrlField config={config} draft={backendUrl} />
          {nameNeeded ? (
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
          ) : null}
          {error ? (
            <MessageBar intent="error" layout="multiline" data-testid="sign-in-error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          ) : null}
          {notice ? (
            <MessageBar intent="info" layout="multiline" data-testid="sign-in-notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ) : null}
          {organisation && busy ? (
            <div className={styles.waiting} data-testid="sign-in-waiting" role="status">
              <Spinner size="tiny" label={signInStrings.continueInBrowser} />
              <Text>{signInStrings.continueInBrowserHint}</Text>
              <Button onClick={() => bridge.session.cancelSignIn({})}>{signInStrings.cancel}</Button>
            </div>
          ) : (
            <Button type="submit" appearance="primary" disabledFocusable={busy}>
              {busy
                ? signInStrings.signingIn
                : organisation
                  ? signInStrings.signInWithOrganisation
                  : signInStrings.signIn}
            </Button>
          )}
          {organisation?.canEndSession &&
          session.status === 'signed-out' &&
          session.reason === 'signed-out' &&
          !busy ? (
            <Button appearance="subtle" onClick={() => void bridge.session.endOrganisationSession()}>
              {signInStrings.endOrganisationSession(organisation.issuerHost)}
            </Button>
          ) : null}
        </form>
      </Panel>
    </div>
  );
}

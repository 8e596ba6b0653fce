/**
 * Settings: the account (who is signed in, the ACS id, sign out), the backend (read-only when an
 * administrator set it; changing it signs out of the old one) and the caller id for phone calls
 * (the user's override of the backend's value).
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle1,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { type FormEvent, useEffect, useState } from 'react';
import { useBridge } from '../../bridge/bridge-context';
import { useAppConfig, useSession } from '../../session/session-context';
import { settingsStrings } from '../../strings';
import { Panel } from '../shared/Panel';
import { useBackendUrlDraft, useClearWhenAddressSettles } from '../shared/use-backend-url-draft';
import { BackendUrlField } from '../sign-in/BackendUrlField';
import { CallLinkSettings } from './CallLinkSettings';
import { normaliseCallerId } from './caller-id';
import { LanguageSettings } from './LanguageSettings';
import { PreJoinSettings } from './PreJoinSettings';
import { SoundSettings } from './SoundSettings';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '720px',
    marginInline: 'auto',
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  id: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

type Notice = { intent: 'success' | 'error'; text: string } | null;

function NoticeBar({ notice, testId }: { notice: Notice; testId: string }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

export function SettingsScreen() {
  const styles = useStyles();
  const bridge = useBridge();
  const session = useSession();
  const { config } = useAppConfig();
  const backendUrl = useBackendUrlDraft(config?.backendUrl);
  const [backendNotice, setBackendNotice] = useState<Notice>(null);
  useClearWhenAddressSettles(backendUrl, () =>
    setBackendNotice((notice) => (notice?.intent === 'error' ? null : notice)),
  );
  const [callerId, setCallerId] = useState('');
  const [callerIdTouched, setCallerIdTouched] = useState(false);
  const [callerIdNotice, setCallerIdNotice] = useState<Notice>(null);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    if (config?.alternateCallerIdSource === 'user' && config.alternateCallerId) setCallerId(config.alternateCallerId);
  }, [config]);

  const callerIdProblem =
    callerIdTouched && callerId.trim() !== '' && !normaliseCallerId(callerId) ? settingsStrings.callerIdInvalid : null;

  const saveBackend = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = backendUrl.checked;
    if (!parsed.ok) {
      // The field says what is wrong inline; a notice below would say it a second time.
      backendUrl.touch();
      return;
    }
    const result = await bridge.config.set({ backendUrl: parsed.url });
    setBackendNotice(
      result.ok ? { intent: 'success', text: settingsStrings.backendSaved } : { intent: 'error', text: result.message },
    );
  };

  const saveCallerId = async (event: FormEvent) => {
    event.preventDefault();
    setCallerIdTouched(true);
    const normalised = normaliseCallerId(callerId);
    if (!normalised) {
      setCallerIdNotice({ intent: 'error', text: settingsStrings.callerIdInvalid });
      return;
    }
    const result = await bridge.config.set({ alternateCallerId: normalised });
    setCallerIdNotice(
      result.ok
        ? { intent: 'success', text: settingsStrings.callerIdSaved }
        : { intent: 'error', text: result.message },
    );
    if (result.ok) {
      setCallerId(normalised);
    }
  };

  const clearCallerId = async () => {
    const result = await bridge.config.set({ alternateCallerId: null });
    setCallerIdNotice(
      result.ok
        ? { intent: 'success', text: settingsStrings.callerIdSaved }
        : { intent: 'error', text: result.message },
    );
    if (result.ok) {
      setCallerId('');
      setCallerIdTouched(false);
    }
  };

  const signOut = async () => {
    setSigningOut(true);
    try {
      await bridge.session.signOut();
    } finally {
      setSigningOut(false);
    }
  };

  const backendCallerId =
    config?.alternateCallerIdSource === 'backend' && config.alternateCallerId ? config.alternateCallerId : null;

  return (
    <div className={styles.page}>
      <Subtitle1 as="h2">{settingsStrings.title}</Subtitle1>

      <Panel className={styles.card} role="region" aria-label={settingsStrings.account}>
        <Subtitle2 as="h3">{settingsStrings.account}</Subtitle2>
        {session.status === 'signed-in' ? (
          <>
            <Text>{settingsStrings.signedInAs(session.user.displayName)}</Text>
            <Field label={settingsStrings.myId}>
              <Text className={styles.id} data-testid="my-acs-id">
                {session.user.communicationUserId}
              </Text>
            </Field>
          </>
        ) : null}
        <div className={styles.actions}>
          <Button icon={<SignOutRegular />} onClick={() => void signOut()} disabledFocusable={signingOut}>
            {signingOut ? settingsStrings.signingOut : settingsStrings.signOut}
          </Button>
        </div>
        {session.status === 'signed-in' && session.protocol === 'acs-sample' ? (
          <Text data-testid="sign-out-local-only">{settingsStrings.signOutLocalOnly}</Text>
        ) : null}
      </Panel>

      <Panel className={styles.card} role="region" aria-label={settingsStrings.backend}>
        <Subtitle2 as="h3">{settingsStrings.backend}</Subtitle2>
        <form onSubmit={(event) => void saveBackend(event)} noValidate className={styles.card} style={{ padding: 0 }}>
          <BackendUrlField config={config} draft={backendUrl} />
          {config && !config.backendUrlLocked ? (
            <>
              <Text size={200}>{settingsStrings.backendChangeWarning}</Text>
              <div className={styles.actions}>
                <Button
                  type="submit"
                  disabled={backendUrl.value.trim() === '' || backendUrl.value.trim() === config.backendUrl}
                >
                  {settingsStrings.saveBackend}
                </Button>
              </div>
            </>
          ) : null}
          <NoticeBar notice={backendNotice} testId="backend-notice" />
        </form>
      </Panel>

      <Panel className={styles.card} role="region" aria-label={settingsStrings.phoneCalls}>
        <Subtitle2 as="h3">{settingsStrings.phoneCalls}</Subtitle2>
        <form onSubmit={(event) => void saveCallerId(event)} noValidate className={styles.card} style={{ padding: 0 }}>
          <Field
            label={settingsStrings.callerId}
            hint={
              backendCallerId
                ? settingsStrings.callerIdFromBackend(backendCallerId)
                : config?.alternateCallerIdSource === 'none'
                  ? settingsStrings.callerIdNone
                  : settingsStrings.callerIdHint
            }
            validationState={callerIdProblem ? 'error' : 'none'}
            validationMessage={callerIdProblem}
          >
            <Input
              type="tel"
              value={callerId}
              placeholder={backendCallerId ?? '+14255550123'}
              onChange={(_, data) => {
                setCallerId(data.value);
                setCallerIdNotice(null);
              }}
              onBlur={() => setCallerIdTouched(true)}
            />
          </Field>
          <div className={styles.actions}>
            <Button type="submit" disabled={callerId.trim() === ''}>
              {settingsStrings.saveCallerId}
            </Button>
            {config?.alternateCallerIdSource === 'user' ? (
              <Button appearance="subtle" onClick={() => void clearCallerId()}>
                {settingsStrings.clearCallerId}
              </Button>
            ) : null}
          </div>
          <NoticeBar notice={callerIdNotice} testId="caller-id-notice" />
        </form>
      </Panel>
      {/* Desktop settings (call-link opt-in, keep running in the tray); only in the desktop app. */}
      <LanguageSettings className={styles.card} />
      <SoundSettings />
      <PreJoinSettings />
      <CallLinkSettings className={styles.card} />
    </div>
  );
}

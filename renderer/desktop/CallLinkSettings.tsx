/**
 * The opt-in for tel: and callto: links, for the settings screen. Main registers or unregisters
 * Switchboard as the OS handler when a switch changes.
 */
import { Card, Field, makeStyles, mergeClasses, Switch, Text, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CallLinkSettings as Settings } from '../../common/ipc/desktop';
import { type DesktopBridge, desktopBridgeFromWindow } from './desktop-bridge';
import { callLinkSettingsStrings } from './desktop-strings';

const useStyles = makeStyles({ section: { display: 'grid', gap: tokens.spacingVerticalS } });

/** `className` lets the settings screen give it the same card look as its other sections. */
export function CallLinkSettings({ bridge, className }: { bridge?: DesktopBridge | null; className?: string }) {
  const styles = useStyles();
  const desktop = bridge === undefined ? desktopBridgeFromWindow() : bridge;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    desktop?.getCallLinkSettings().then(setSettings, () => setError(true));
  }, [desktop]);

  if (!desktop || !settings) return null;
  const change = (key: keyof Settings, on: boolean) => {
    desktop.setCallLinkSettings({ ...settings, [key]: on }).then(
      (saved) => {
        setSettings(saved);
        setError(false);
      },
      () => setError(true),
    );
  };
  return (
    <Card className={mergeClasses(styles.section, className)} role="region" aria-label={callLinkSettingsStrings.title}>
      <Title3 as="h3">{callLinkSettingsStrings.title}</Title3>
      <Text>{callLinkSettingsStrings.intro}</Text>
      <Field validationMessage={error ? callLinkSettingsStrings.saveFailed : undefined}>
        <Switch
          label={callLinkSettingsStrings.tel}
          checked={settings.tel}
          onChange={(_event, data) => change('tel', data.checked)}
        />
        <Switch
          label={callLinkSettingsStrings.callto}
          checked={settings.callto}
          onChange={(_event, data) => change('callto', data.checked)}
        />
      </Field>
    </Card>
  );
}

/**
 * The desktop settings on the settings screen: the opt-in for tel: and callto: links (main
 * registers or unregisters Switchboard as the OS handler when a switch changes) and whether
 * closing the window keeps Switchboard running in the tray. Two cards, one settings object in
 * main; every change sends the whole object.
 */
import { Field, makeStyles, mergeClasses, Subtitle2, Switch, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DesktopSettings } from '../../../common/ipc/desktop';
import { useBridge } from '../../bridge/bridge-context';
import { callLinkSettingsStrings, traySettingsStrings } from '../../strings/desktop';
import { Panel } from '../shared/Panel';

const useStyles = makeStyles({ section: { display: 'grid', gap: tokens.spacingVerticalS } });

/** `className` lets the settings screen give each card the same look as its other sections. */
export function CallLinkSettings({ className }: { className?: string }) {
  const styles = useStyles();
  const { desktop } = useBridge();
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [failed, setFailed] = useState<keyof DesktopSettings | 'load' | null>(null);

  useEffect(() => {
    desktop.getCallLinkSettings().then(setSettings, () => setFailed('load'));
  }, [desktop]);

  if (!settings) return null;
  const change = (key: keyof DesktopSettings, on: boolean) => {
    desktop.setCallLinkSettings({ ...settings, [key]: on }).then(
      (saved) => {
        setSettings(saved);
        setFailed(null);
      },
      () => setFailed(key),
    );
  };
  const linkFailed = failed === 'tel' || failed === 'callto';
  const cardClass = mergeClasses(styles.section, className);
  return (
    <>
      <Panel className={cardClass} role="region" aria-label={callLinkSettingsStrings.title}>
        <Subtitle2 as="h3">{callLinkSettingsStrings.title}</Subtitle2>
        <Text>{callLinkSettingsStrings.intro}</Text>
        <Field validationMessage={linkFailed ? callLinkSettingsStrings.saveFailed : undefined}>
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
      </Panel>
      <Panel className={cardClass} role="region" aria-label={traySettingsStrings.title}>
        <Subtitle2 as="h3">{traySettingsStrings.title}</Subtitle2>
        <Text>{traySettingsStrings.intro}</Text>
        <Field validationMessage={failed === 'keepRunningInTray' ? callLinkSettingsStrings.saveFailed : undefined}>
          <Switch
            label={traySettingsStrings.keepRunning}
            checked={settings.keepRunningInTray}
            onChange={(_event, data) => change('keepRunningInTray', data.checked)}
          />
        </Field>
      </Panel>
    </>
  );
}

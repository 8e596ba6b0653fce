import { makeStyles, Switch, Text, Title3, tokens } from '@fluentui/react-components';
import { useCallingActions, useCallingState } from '../../calling/model';
import { PRE_JOIN_KINDS } from '../../calling/pre-join';
import { preJoinSettingsStrings } from '../../strings';
import { Panel } from '../shared/Panel';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * Settings → Before calls: the pre-join check on or off per kind of call. This is where a
 * "Don't show this again" ticked on the check is undone.
 */
export function PreJoinSettings() {
  const styles = useStyles();
  const settings = useCallingState((state) => state.preJoinSettings);
  const actions = useCallingActions();

  return (
    <Panel
      className={styles.card}
      role="region"
      aria-label={preJoinSettingsStrings.title}
      data-testid="pre-join-settings"
    >
      <Title3 as="h3">{preJoinSettingsStrings.title}</Title3>
      <Text size={200} className={styles.hint}>
        {preJoinSettingsStrings.intro}
      </Text>
      {PRE_JOIN_KINDS.map((kind) => (
        <Switch
          key={kind}
          label={preJoinSettingsStrings.shown[kind]}
          checked={settings[kind]}
          onChange={(_, data) => actions.setPreJoinShown(kind, data.checked)}
        />
      ))}
      <Text size={200} className={styles.hint}>
        {preJoinSettingsStrings.hint}
      </Text>
    </Panel>
  );
}

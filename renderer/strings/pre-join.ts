/** The pre-join check before video calls and meetings, and its setting. */
import { words } from './i18n';
import type PreJoin from './locales/en/pre-join.json';

export const preJoinStrings = words<(typeof PreJoin)['preJoin']>()('pre-join', 'preJoin', (t) => ({
  /** The screen's heading: what is about to be joined. */
  title: (name: string) => t('title', { name }),
  joinFailed: (detail: string) => t('joinFailed', { detail }),
}));

export const preJoinSettingsStrings = words<(typeof PreJoin)['preJoinSettings']>()('pre-join', 'preJoinSettings');

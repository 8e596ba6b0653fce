/** Every namespace of one language: its own chunk, fetched only when this language is in force. */
import type { LanguageResources } from '../../i18n';
import callFeatures from './call-features.json';
import calls from './calls.json';
import desktop from './desktop.json';
import directory from './directory.json';
import preJoin from './pre-join.json';
import session from './session.json';

export const resources: LanguageResources = {
  'call-features': callFeatures,
  calls,
  desktop,
  directory,
  'pre-join': preJoin,
  session,
};

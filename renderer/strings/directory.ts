/** The company directory: people found in the call box, and names the organisation vouches for. */
import { words } from './i18n';
import type Directory from './locales/en/directory.json';

export const directoryStrings = words<(typeof Directory)['directory']>()('directory', 'directory', (t) => ({
  noOneFound: (query: string) => t('noOneFound', { query }),
  searchFailed: (detail: string) => t('searchFailed', { detail }),
}));

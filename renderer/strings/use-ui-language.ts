import { useSyncExternalStore } from 'react';
import type { Language } from '../../common/i18n/language-codes';
import { currentLanguage, i18n } from './i18n';

function subscribe(listener: () => void): () => void {
  i18n.on('languageChanged', listener);
  return () => i18n.off('languageChanged', listener);
}

/**
 * The language the words are in, re-rendering on a change. <App> reads it so that a change
 * re-renders the whole tree in place: the facade objects look their words up at each read, so
 * nothing needs remounting (an ongoing call's video renderers stay where they are).
 */
export function useUiLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage);
}

/**
 * Keeps the window's words in the language main says is in force (AppConfig.language.current: the
 * user's override, else the OS's). A change (Settings, or the OS's language at the next start)
 * fetches that language's chunk, then switches i18next; <App> re-renders in place on the switch, so
 * an ongoing call and its video renderers are untouched. `<html lang>` follows, for screen readers
 * and hyphenation, and the language is remembered so the next start begins in it (main.tsx).
 */
import type { Language } from '../../common/i18n/language-codes';
import type { ConfigStore } from '../session/config-store';
import { currentLanguage } from '../strings';
import { switchLanguage } from '../strings/i18n';
import { LAST_LANGUAGE_KEY, loadLanguage } from '../strings/load-language';

export interface UiLanguageTarget {
  /** Where `lang` is set: document.documentElement in the page. */
  root: { lang: string };
  storage: Pick<Storage, 'setItem'> | undefined;
}

export function followUiLanguage(config: ConfigStore, target: UiLanguageTarget): () => void {
  let wanted: Language = currentLanguage();
  const settle = (language: Language) => {
    target.root.lang = language;
    try {
      target.storage?.setItem(LAST_LANGUAGE_KEY, language);
    } catch {
      // Storage full or refused: the next start guesses from the OS again, nothing else is lost.
    }
  };
  const follow = () => {
    const language = config.getState().config?.language.current;
    if (!language || language === wanted) return;
    wanted = language;
    loadLanguage(language).then(
      async (resources) => {
        // A newer choice arrived while this chunk loaded: that one wins.
        if (wanted !== language) return;
        await switchLanguage(language, resources);
        settle(language);
      },
      (error: unknown) => {
        // The chunk is part of the app, so this is a broken install or a dev server gone: keep
        // the words on screen rather than showing keys, and let the next change try again.
        wanted = currentLanguage();
        console.error(`The ${language} words could not be loaded`, error);
      },
    );
  };
  settle(wanted);
  follow();
  return config.subscribe(follow);
}

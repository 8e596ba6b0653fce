import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Language } from '../common/i18n/language-codes';
import { App } from './app/App';
import { createAppServices } from './app/services';
import { windowBridge } from './bridge';
import { loadCallingSdk } from './calling/load-sdk';
import { type LanguageResources, startI18n } from './strings/i18n';
import { BUNDLED_LANGUAGE, loadLanguage, startingLanguage } from './strings/load-language';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Creating the services asks main for the session at once: when signed in, the token request
// starts before React has rendered anything.
const services = createAppServices(windowBridge());
// The SDK chunk starts loading before the shell's first render, even on the sign-in screen, so it
// is ready by the time the user has signed in; the calling layer awaits the same import. On a
// restored session the Fluent half waits for it (routes.ts, holdFluentHalf), so the shell's render
// and the SDK's parse are all that run at start. Why this order and not a modulepreload: measured
// in docs/performance.md ("Renderer").
void loadCallingSdk();
// The language main chose last time (else the OS's): English is in the entry and renders at once;
// another language's chunk is fetched while the session request is in flight, and the shell
// renders when it is there (in English should it fail). <App> follows main's choice from there
// (app/ui-language.ts).
const language = startingLanguage(globalThis.localStorage, navigator.languages);
function renderApp(words: { language: Language; resources: LanguageResources }) {
  startI18n(words.language, words.resources);
  document.documentElement.lang = words.language;
  const root = createRoot(container as HTMLElement);
  // The shell's first render runs to its commit in one go: a concurrent render would yield to the
  // preloaded chunks' parsing and paint the shell later (docs/performance.md, "Renderer").
  flushSync(() =>
    root.render(
      <StrictMode>
        <App services={services} />
      </StrictMode>,
    ),
  );
}
if (language === BUNDLED_LANGUAGE.language) renderApp(BUNDLED_LANGUAGE);
else
  void loadLanguage(language).then(
    (resources) => renderApp({ language, resources }),
    () => renderApp(BUNDLED_LANGUAGE),
  );

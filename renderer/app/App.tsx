import { type ReactNode, useEffect } from 'react';
import { BridgeContext } from '../bridge/bridge-context';
import { type CallingStore, CallingStoreContext } from '../calling/model';
import { DirectoryContext } from '../directory/directory-context';
import { HistoryContext } from '../history/history-context';
import { ConfigContext, SessionContext } from '../session/session-context';
import { useUiLanguage } from '../strings';
import { AppFrame } from './AppFrame';
import type { AppServices } from './services';
import { followUiLanguage } from './ui-language';

/** What the screens read from context. The calling store may be any `CallingStore` (tests pass a fake one). */
export type ProvidedServices = Omit<AppServices, 'calling'> & { calling: CallingStore };

/** The window's services as contexts: the one way components reach main and the calling layer. */
export function ServicesProvider({ services, children }: { services: ProvidedServices; children: ReactNode }) {
  return (
    <BridgeContext.Provider value={services.bridge}>
      <SessionContext.Provider value={services.session}>
        <ConfigContext.Provider value={services.config}>
          <HistoryContext.Provider value={services.history}>
            <DirectoryContext.Provider value={services.directory}>
              <CallingStoreContext.Provider value={services.calling}>{children}</CallingStoreContext.Provider>
            </DirectoryContext.Provider>
          </HistoryContext.Provider>
        </ConfigContext.Provider>
      </SessionContext.Provider>
    </BridgeContext.Provider>
  );
}

/**
 * The window's React tree: the services as contexts, then the frame. It follows the UI language
 * and re-renders on a change, in place: every component reads its words anew (docs/i18n.md).
 */
export function App({ services }: { services: AppServices }) {
  useUiLanguage();
  useEffect(
    () => followUiLanguage(services.config, { root: document.documentElement, storage: globalThis.localStorage }),
    [services.config],
  );
  return (
    <ServicesProvider services={services}>
      <AppFrame />
    </ServicesProvider>
  );
}

import type { ReactNode } from 'react';
import { BridgeContext } from '../bridge/bridge-context';
import { type CallingStore, CallingStoreContext } from '../calling/model';
import { DirectoryContext } from '../directory/directory-context';
import { HistoryContext } from '../history/history-context';
import { ConfigContext, SessionContext } from '../session/session-context';
import { AppFrame } from './AppFrame';
import type { AppServices } from './services';

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

/** The window's React tree: the services as contexts, then the frame. */
export function App({ services }: { services: AppServices }) {
  return (
    <ServicesProvider services={services}>
      <AppFrame />
    </ServicesProvider>
  );
}

import { CallingStoreContext } from '../calling/model';
import { BridgeContext, SessionContext } from '../session/session-context';
import { AppFrame } from './AppFrame';
import type { AppServices } from './services';

/** The window's React tree: the services as contexts, then the frame. */
export function App({ services }: { services: AppServices }) {
  return (
    <BridgeContext.Provider value={services.bridge}>
      <SessionContext.Provider value={services.session}>
        <CallingStoreContext.Provider value={services.calling}>
          <AppFrame />
        </CallingStoreContext.Provider>
      </SessionContext.Provider>
    </BridgeContext.Provider>
  );
}

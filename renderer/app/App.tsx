import { useEffect } from 'react';
import { CallingStoreContext } from '../calling/model';
import { AppFrame } from './AppFrame';
import { BridgeContext, SessionContext } from './contexts';
import type { AppServices } from './services';

export function App({ services, prefetchSdk }: { services: AppServices; prefetchSdk?: () => unknown }) {
  useEffect(() => {
    // After the first paint, import the SDK chunk even on the sign-in screen: by the time the
    // user has signed in it is evaluated. (Signed in at start-up, the calling layer already asked.)
    prefetchSdk?.();
  }, [prefetchSdk]);
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

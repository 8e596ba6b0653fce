import { FluentProvider } from '@fluentui/react-components';
import { useEffect } from 'react';
import { CallingStoreContext } from '../calling/model';
import { AppFrame } from './AppFrame';
import { BridgeContext, SessionContext } from './contexts';
import type { AppServices } from './services';
import { useOsTheme } from './theme';

export function App({ services, prefetchSdk }: { services: AppServices; prefetchSdk?: () => unknown }) {
  const { theme, dark } = useOsTheme();
  useEffect(() => {
    // After the first paint, start fetching the SDK chunk even on the sign-in screen: by the time
    // the user has signed in it is there. (Signed in at start-up, the calling layer already asked.)
    prefetchSdk?.();
  }, [prefetchSdk]);
  return (
    <FluentProvider theme={theme} style={{ height: '100%' }} data-theme={dark ? 'dark' : 'light'}>
      <BridgeContext.Provider value={services.bridge}>
        <SessionContext.Provider value={services.session}>
          <CallingStoreContext.Provider value={services.calling}>
            <AppFrame />
          </CallingStoreContext.Provider>
        </SessionContext.Provider>
      </BridgeContext.Provider>
    </FluentProvider>
  );
}

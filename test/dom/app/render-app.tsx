import { render } from '@testing-library/react';
import { App } from '../../../renderer/app/App';
import { type AppServices, createAppServices } from '../../../renderer/app/services';
import { FakeCallingSdk } from '../../support/fake-calling-sdk';
import { createFakeBridge, type FakeBridge } from './fake-bridge';

export interface RenderedApp {
  bridge: FakeBridge;
  sdk: FakeCallingSdk;
  services: AppServices;
}

/** The real App over a fake bridge (main) and the fake SDK (Azure). */
export function renderApp(bridge: FakeBridge = createFakeBridge(), sdk = new FakeCallingSdk('8:acs:me')): RenderedApp {
  const storage = new Map<string, string>();
  const services = createAppServices(bridge, {
    loadSdk: async () => sdk,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  });
  render(<App services={services} />);
  return { bridge, sdk, services };
}

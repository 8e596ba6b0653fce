import { configure, render } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { type AppServices, createAppServices } from '../../../../renderer/app/services';
import { FakeCallingSdk, fakeEffectsPackage } from '../../../support/fake-calling-sdk';
import { RecordingSoundPlayer } from '../../../support/recording-sound-player';
import { createFakeBridge, type FakeBridge } from './fake-bridge';

// The Fluent half of the frame is a lazy chunk; its first import in jsdom takes over a second on a
// busy 2-core machine, longer than Testing Library's default 1 s wait.
configure({ asyncUtilTimeout: 5_000 });
// Pay that first import once per file, in a hook with its own time limit, not inside a test.
beforeAll(() => import('../../../../renderer/app/FluentScreens'), 60_000);

export interface RenderedApp {
  bridge: FakeBridge;
  sdk: FakeCallingSdk;
  services: AppServices;
  /** The window's localStorage: pass it to the next renderApp to model a restart. */
  storage: Map<string, string>;
}

export interface RenderAppOptions {
  /** What localStorage held at start (a previous run's `storage`). */
  storage?: Map<string, string>;
}

/**
 * The real App over a fake bridge (main) and the fake SDK (Azure). `loadSdk` replaces the SDK
 * chunk's import, e.g. to hold it and see what the window shows meanwhile.
 */
export function renderApp(
  bridge: FakeBridge = createFakeBridge(),
  sdk = new FakeCallingSdk('8:acs:me'),
  loadSdk: () => Promise<FakeCallingSdk> = async () => sdk,
  options: RenderAppOptions = {},
): RenderedApp {
  const storage = options.storage ?? new Map<string, string>();
  const services = createAppServices(bridge, {
    loadSdk,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    // jsdom cannot play audio: the calling sounds are recorded instead (test/dom/calling/call-sounds.test.ts).
    sounds: new RecordingSoundPlayer(),
    // The effects package is 12 MB of script: the fake one, like the calling layer's own tests.
    loadEffects: async () => fakeEffectsPackage(),
  });
  render(<App services={services} />);
  return { bridge, sdk, services, storage };
}

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ServicesProvider } from '../../../../../renderer/app/App';
import type { FakeBridge } from '../../app/fake-bridge';
import { installFakeBridge, servicesFor } from './fake-bridge';
import type { FakeCallingStore } from './fake-calling-store';

/**
 * Renders a screen the way the app frame does: inside Fluent's provider and the window's services
 * (the bridge, what main pushes, the history cache), with the fake calling store.
 */
export function renderScreen(
  ui: ReactElement,
  store: FakeCallingStore,
  bridge: FakeBridge = installFakeBridge().bridge,
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={servicesFor(bridge, store)}>{ui}</ServicesProvider>
    </FluentProvider>,
  );
}

// jsdom has no ResizeObserver; Fluent's popover positioning needs one to exist (layout is not
// measured in jsdom anyway, so a no-op observer is faithful to what jsdom can do).
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// findBy*/waitFor poll for a condition; under a full parallel `npm test` on 2 cores a tooltip or
// popover can take more than Testing Library's default 1 s to appear.
configure({ asyncUtilTimeout: 5_000 });

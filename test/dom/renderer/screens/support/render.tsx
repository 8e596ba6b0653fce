import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CallingStoreContext } from '../../../../../renderer/calling/model';
import type { FakeCallingStore } from './fake-calling-store';

/** Renders a screen the way the app frame does: inside Fluent's provider and the calling store. */
export function renderScreen(ui: ReactElement, store: FakeCallingStore) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CallingStoreContext.Provider value={store}>{ui}</CallingStoreContext.Provider>
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

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { CallingStoreContext } from '../../../../renderer/calling/model';
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

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appStrings, settingsStrings, soundStrings } from '../../../../../renderer/strings';
import { createFakeBridge, signedInSession } from '../../app/fake-bridge';
import { renderApp } from '../../app/render-app';

// Under a full `npm test` on 2 cores the settings page can take more than vitest's default 5 s to open.
vi.setConfig({ testTimeout: 30_000 });

test('Settings has the calling sounds; turning the ringtone off reaches the calling layer', async () => {
  const { services } = renderApp(createFakeBridge(signedInSession()));
  await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
  await screen.findByRole('heading', { name: settingsStrings.title });
  const panel = screen.getByRole('region', { name: soundStrings.title });
  await userEvent.click(within(panel).getByRole('switch', { name: soundStrings.ringtone }));
  expect(services.calling.getState().sounds).toEqual({ ringtone: false, volume: 0.8 });
});

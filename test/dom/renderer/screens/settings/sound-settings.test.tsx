import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appStrings, settingsStrings, soundStrings } from '../../../../../renderer/strings';
import { FakeCallingSdk } from '../../../../support/fake-calling-sdk';
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
  expect(services.calling.getState().sounds).toEqual({ ringtone: false, volume: 0.8, alsoRingOn: null });
});

test('"Also ring on" lists the other speakers; the choice reaches the calling layer', async () => {
  const { services } = renderApp(createFakeBridge(signedInSession()));
  await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
  const panel = await screen.findByRole('region', { name: soundStrings.title });
  const picker = await within(panel).findByRole('combobox', { name: soundStrings.alsoRingOn });
  // The selected speaker (the default one) rings anyway: it is not offered again.
  expect(
    within(picker)
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual([soundStrings.alsoRingOnNone, 'Headset']);
  await userEvent.selectOptions(picker, 'Headset');
  expect(services.calling.getState().sounds.alsoRingOn).toBe('speaker:headset');
  await userEvent.selectOptions(picker, soundStrings.alsoRingOnNone);
  expect(services.calling.getState().sounds.alsoRingOn).toBeNull();
});

test('with a single speaker there is nothing to ring on as well: no picker', async () => {
  const sdk = new FakeCallingSdk('8:acs:me');
  sdk.deviceManager.speakers = sdk.deviceManager.speakers.slice(0, 1);
  const { services } = renderApp(createFakeBridge(signedInSession()), sdk);
  await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
  const panel = await screen.findByRole('region', { name: soundStrings.title });
  await waitFor(() => expect(services.calling.getState().devices.speakers).toHaveLength(1));
  expect(within(panel).queryByRole('combobox', { name: soundStrings.alsoRingOn })).toBeNull();
});

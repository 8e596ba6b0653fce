import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { normaliseCallerId } from '../../../../../renderer/screens/settings/caller-id';
import { appStrings, settingsStrings } from '../../../../../renderer/strings';
import { createFakeBridge, defaultConfig, type FakeBridge, signedInSession } from '../../app/fake-bridge';
import { renderApp } from '../../app/render-app';

async function openSettings(bridge: FakeBridge = createFakeBridge(signedInSession())) {
  const rendered = renderApp(bridge);
  await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
  await screen.findByRole('heading', { name: settingsStrings.title });
  return rendered;
}

test('shows who is signed in and the ACS id; sign out returns to sign-in', async () => {
  const { bridge } = await openSettings();
  expect(screen.getByText('Signed in as Ada Lovelace')).toBeVisible();
  expect(screen.getByTestId('my-acs-id')).toHaveTextContent('8:acs:me');
  await userEvent.click(screen.getByRole('button', { name: settingsStrings.signOut }));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'sign-in'));
  expect(bridge.calls.signOut).toBe(1);
});

test('signed in through an ACS sample token server, settings say sign-out is local only', async () => {
  await openSettings(createFakeBridge(signedInSession({ protocol: 'acs-sample' })));
  expect(screen.getByTestId('sign-out-local-only')).toHaveTextContent(settingsStrings.signOutLocalOnly);
});

test('a Switchboard session shows no local-only sign-out note', async () => {
  await openSettings();
  expect(screen.queryByTestId('sign-out-local-only')).toBeNull();
});

test('changing the backend warns that it signs out, and saves the normalised address', async () => {
  const { bridge } = await openSettings();
  const backend = screen.getByRole('region', { name: settingsStrings.backend });
  expect(within(backend).getByText(settingsStrings.backendChangeWarning)).toBeVisible();
  const url = within(backend).getByLabelText(/Backend address/);
  await waitFor(() => expect(url).toHaveValue('https://calls.example.com'));
  await userEvent.clear(url);
  await userEvent.type(url, 'https://calls.other.example/');
  await userEvent.click(within(backend).getByRole('button', { name: settingsStrings.saveBackend }));
  expect(await screen.findByTestId('backend-notice')).toHaveTextContent(settingsStrings.backendSaved);
  expect(bridge.calls.configSet).toEqual([{ backendUrl: 'https://calls.other.example' }]);
});

test('saving an invalid backend address says what is wrong once, inline, and sends nothing', async () => {
  const { bridge } = await openSettings();
  const backend = screen.getByRole('region', { name: settingsStrings.backend });
  const url = within(backend).getByLabelText(/Backend address/);
  await waitFor(() => expect(url).toHaveValue('https://calls.example.com'));
  await userEvent.clear(url);
  await userEvent.type(url, 'http://calls.other.example');
  await userEvent.click(within(backend).getByRole('button', { name: settingsStrings.saveBackend }));
  expect(await within(backend).findAllByText(/Plain http:\/\/ is only allowed/)).toHaveLength(1);
  expect(screen.queryByTestId('backend-notice')).toBeNull();
  expect(bridge.calls.configSet).toEqual([]);
});

test('a backend locked by an administrator cannot be edited or saved', async () => {
  const bridge = createFakeBridge(signedInSession());
  bridge.answers.config = { ...defaultConfig, backendUrlSource: 'environment', backendUrlLocked: true };
  await openSettings(bridge);
  const backend = screen.getByRole('region', { name: settingsStrings.backend });
  await waitFor(() => expect(within(backend).getByLabelText(/Backend address/)).toHaveAttribute('readonly'));
  expect(within(backend).getByText(/SWITCHBOARD_BACKEND_URL/)).toBeVisible();
  expect(within(backend).queryByRole('button', { name: settingsStrings.saveBackend })).toBeNull();
});

test('the caller id: the backend’s value is shown, an invalid override is refused, a valid one is saved in E.164', async () => {
  const { bridge } = await openSettings();
  const phone = screen.getByRole('region', { name: settingsStrings.phoneCalls });
  expect(await within(phone).findByText(settingsStrings.callerIdFromBackend('+14255550100'))).toBeVisible();
  const input = within(phone).getByLabelText(settingsStrings.callerId);
  await userEvent.type(input, '425 555');
  await userEvent.tab();
  expect(await within(phone).findByText(settingsStrings.callerIdInvalid)).toBeVisible();
  await userEvent.clear(input);
  await userEvent.type(input, '+1 (425) 555-0199');
  await userEvent.click(within(phone).getByRole('button', { name: settingsStrings.saveCallerId }));
  expect(await screen.findByTestId('caller-id-notice')).toHaveTextContent(settingsStrings.callerIdSaved);
  expect(bridge.calls.configSet).toEqual([{ alternateCallerId: '+14255550199' }]);
  // Back to the backend's value.
  await userEvent.click(await within(phone).findByRole('button', { name: settingsStrings.clearCallerId }));
  await waitFor(() => expect(bridge.calls.configSet.at(-1)).toEqual({ alternateCallerId: null }));
});

test('with no caller id anywhere, settings says phone calls cannot be placed', async () => {
  const bridge = createFakeBridge(signedInSession());
  bridge.answers.config = { ...defaultConfig, alternateCallerId: null, alternateCallerIdSource: 'none' };
  await openSettings(bridge);
  expect(await screen.findByText(settingsStrings.callerIdNone)).toBeVisible();
});

test('a change main pushes (the backend announced a caller id) shows at once, without a re-read', async () => {
  const bridge = createFakeBridge(signedInSession());
  bridge.answers.config = { ...defaultConfig, alternateCallerId: null, alternateCallerIdSource: 'none' };
  await openSettings(bridge);
  expect(await screen.findByText(settingsStrings.callerIdNone)).toBeVisible();
  const get = vi.spyOn(bridge.config, 'get');
  act(() =>
    bridge.emitConfig({ ...defaultConfig, alternateCallerId: '+14255550177', alternateCallerIdSource: 'backend' }),
  );
  expect(await screen.findByText(settingsStrings.callerIdFromBackend('+14255550177'))).toBeVisible();
  expect(screen.queryByText(settingsStrings.callerIdNone)).toBeNull();
  expect(get).not.toHaveBeenCalled();
});

test('caller id normalisation', () => {
  expect(normaliseCallerId('+44 20 7183 8750')).toBe('+442071838750');
  expect(normaliseCallerId('020 7183 8750')).toBeNull();
  expect(normaliseCallerId('+0123')).toBeNull();
  expect(normaliseCallerId('+1234567890123456')).toBeNull();
});

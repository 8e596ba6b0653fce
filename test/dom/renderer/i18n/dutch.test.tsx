/**
 * The renderer in Dutch (docs/i18n.md): Settings → Language switches the running window in place,
 * screens read in Dutch, an ongoing call keeps its video through the switch, and times follow the
 * UI language while the OS's 12/24-hour clock still wins.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import type { Clock } from '../../../../common/ipc';
import { type ProvidedServices, ServicesProvider } from '../../../../renderer/app/App';
import { DialerScreen } from '../../../../renderer/screens/dialer/DialerScreen';
import { InCallScreen } from '../../../../renderer/screens/in-call/InCallScreen';
import { IncomingCallScreen } from '../../../../renderer/screens/incoming/IncomingCallScreen';
import { appStrings, formatWhen, languageStrings, useUiLanguage } from '../../../../renderer/strings';
import { switchLanguage } from '../../../../renderer/strings/i18n';
import { loadLanguage } from '../../../../renderer/strings/load-language';
import { createFakeBridge, signedInSession } from '../app/fake-bridge';
import { renderApp } from '../app/render-app';
import { installFakeBridge, servicesFor } from '../screens/support/fake-bridge';
import {
  callView,
  FakeCallingStore,
  incomingCall,
  participant,
  remoteVideo,
} from '../screens/support/fake-calling-store';
import { renderScreen } from '../screens/support/render';

async function speak(language: 'en' | 'nl') {
  await act(async () => switchLanguage(language, await loadLanguage(language)));
}

afterEach(async () => {
  await speak('en');
  document.documentElement.lang = 'en';
});

describe('Settings → Language', () => {
  test('choosing Nederlands switches the window to Dutch at once; the system language brings English back', async () => {
    const bridge = createFakeBridge(signedInSession());
    renderApp(bridge);
    await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
    const section = await screen.findByRole('region', { name: 'Language' });
    // Each language is named in itself, and the system's in the sentence.
    expect(within(section).getByRole('radio', { name: 'Use the system language (English)' })).toBeChecked();
    expect(within(section).getByText('Nederlands')).toHaveAttribute('lang', 'nl');

    await userEvent.click(within(section).getByRole('radio', { name: 'Nederlands' }));
    expect(bridge.calls.configSet).toEqual([{ language: 'nl' }]);
    expect(await screen.findByRole('heading', { name: 'Instellingen' })).toBeVisible();
    await waitFor(() => expect(document.documentElement.lang).toBe('nl'));
    const taal = screen.getByRole('region', { name: 'Taal' });
    expect(within(taal).getByRole('radio', { name: 'Nederlands' })).toBeChecked();
    expect(within(taal).getByRole('radio', { name: 'Systeemtaal gebruiken (English)' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Afmelden' })).toBeVisible();

    await userEvent.click(within(taal).getByRole('radio', { name: 'Systeemtaal gebruiken (English)' }));
    expect(bridge.calls.configSet).toEqual([{ language: 'nl' }, { language: null }]);
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeVisible();
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  test('a refused change is said in words and the language stays', async () => {
    const bridge = createFakeBridge(signedInSession());
    bridge.answers.configSet = () => ({ ok: false, code: 'write-failed', message: 'The settings file is read-only.' });
    renderApp(bridge);
    await userEvent.click(await screen.findByRole('button', { name: appStrings.settings }));
    const section = await screen.findByRole('region', { name: 'Language' });
    await userEvent.click(within(section).getByRole('radio', { name: 'Nederlands' }));
    expect(
      await within(section).findByText(languageStrings.saveFailed('The settings file is read-only.')),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });

  test('main pushing another language (the OS changed it) switches the window too', async () => {
    const bridge = createFakeBridge(signedInSession());
    renderApp(bridge);
    await screen.findByRole('button', { name: appStrings.settings });
    act(() =>
      bridge.emitConfig({ ...bridge.answers.config, language: { current: 'nl', override: null, system: 'nl' } }),
    );
    expect(await screen.findByRole('button', { name: 'Instellingen' })).toBeVisible();
  });
});

describe('screens in Dutch', () => {
  test('the sign-in screen says what is wrong with the backend address in Dutch, and follows a switch', async () => {
    const bridge = createFakeBridge({ status: 'signed-out' });
    bridge.answers.config = {
      ...bridge.answers.config,
      backendUrl: null,
      backendUrlSource: 'none',
      language: { current: 'nl', override: 'nl', system: 'en' },
    };
    renderApp(bridge);
    const address = await screen.findByRole('textbox', { name: /Backendadres/ });
    await userEvent.type(address, 'http://calls.contoso.com/switchboard');
    await userEvent.tab();
    const dutch =
      'Gewoon http:// mag alleen voor een backend op deze computer (localhost). Gebruik in plaats daarvan https://calls.contoso.com/switchboard.';
    expect(await screen.findByText(dutch)).toBeVisible();
    // The field's description points at the sentence: a screen reader reads it with the field.
    expect(address).toHaveAccessibleDescription(expect.stringContaining(dutch));

    await userEvent.clear(address);
    await userEvent.type(address, 'ftp://calls.contoso.com');
    expect(await screen.findByText('Het backendadres moet met https:// beginnen (niet met ftp://).')).toBeVisible();

    // The problem is a code, put in words when shown: a language switch rewords it in place.
    act(() =>
      bridge.emitConfig({ ...bridge.answers.config, language: { current: 'en', override: null, system: 'en' } }),
    );
    expect(await screen.findByText('The backend address must start with https:// (got ftp://).')).toBeVisible();
    expect(bridge.calls.configSet).toEqual([]);
  });

  test('the incoming call', async () => {
    await speak('nl');
    renderScreen(
      <IncomingCallScreen />,
      new FakeCallingStore({
        incoming: [
          incomingCall(),
          incomingCall({ id: 'incoming-2', callerDisplayName: 'Lee Gu' }),
          incomingCall({ id: 'incoming-3', callerDisplayName: 'Alex Wilber' }),
        ],
      }),
    );
    expect(screen.getByRole('alertdialog', { name: 'Megan Bowen belt' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Opnemen: het gesprek van Megan Bowen, alleen geluid' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Weigeren: het gesprek van Megan Bowen' })).toBeVisible();
    expect(screen.getByTestId('also-calling')).toHaveTextContent('Lee Gu en 1 ander bellen ook.');
  });

  test('the call box', async () => {
    await speak('nl');
    renderScreen(<DialerScreen />, new FakeCallingStore(), installFakeBridge().bridge);
    expect(screen.getByRole('heading', { name: 'Bellen' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Wie wil je bellen?' })).toBeVisible();
  });

  test('the call controls', async () => {
    await speak('nl');
    renderScreen(<InCallScreen />, new FakeCallingStore({ call: callView() }));
    const controls = screen.getByRole('toolbar', { name: 'Gespreksknoppen' });
    expect(within(controls).getByRole('button', { name: /Dempen/ })).toBeVisible();
    expect(within(controls).getByRole('button', { name: /Ophangen/ })).toBeVisible();
    expect(screen.getByTestId('call-status')).toHaveTextContent('Verbonden');
  });
});

/** What <App> does: read the language at the root, so a change re-renders the tree below it. */
function LanguageRoot({ services }: { services: ProvidedServices }) {
  useUiLanguage();
  return (
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider services={services}>
        <InCallScreen />
      </ServicesProvider>
    </FluentProvider>
  );
}

test('switching language mid-call re-renders the words in place: the video is not attached again', async () => {
  const people = [participant('adele', 'Adele Vance'), participant('lee', 'Lee Gu')];
  const store = new FakeCallingStore({
    call: callView({ participants: people, remoteVideos: people.map((p) => remoteVideo(p.id)) }),
  });
  render(<LanguageRoot services={servicesFor(installFakeBridge().bridge, store)} />);
  await waitFor(() => expect(screen.getAllByTestId('fake-remote-video')).toHaveLength(2));
  const videos = screen.getAllByTestId('fake-remote-video');
  const attached = store.recorded.filter((action) => action.name === 'attachRemoteVideo').length;

  await speak('nl');
  expect(screen.getByRole('toolbar', { name: 'Gespreksknoppen' })).toBeVisible();
  expect(screen.getAllByTestId('fake-remote-video')).toEqual(videos);
  expect(store.recorded.filter((action) => action.name === 'attachRemoteVideo')).toHaveLength(attached);
});

describe('dates and times per language', () => {
  const at = new Date(2026, 2, 3, 14, 5).getTime();
  const now = new Date(2026, 2, 20, 9, 0).getTime();
  const clock = (locale: string | null, hourCycle: Clock['hourCycle'] = null): Clock => ({ locale, hourCycle });

  test('Dutch words and month names, the OS region kept when it speaks Dutch', async () => {
    await speak('nl');
    expect(formatWhen(at, clock('nl-NL'), now)).toBe('3 mrt 14:05');
    expect(formatWhen(now - 3600_000, clock('nl-BE'), now)).toBe('Vandaag 8:00');
    expect(formatWhen(now - 24 * 3600_000, clock('nl-NL'), now)).toBe('Gisteren 9:00');
  });

  test('the OS’s clock wins over the language: Dutch words with a US 12-hour clock', async () => {
    await speak('nl');
    expect(formatWhen(at, clock('en-US'), now)).toMatch(/^3 mrt 2:05\sp\.m\.$/);
    expect(formatWhen(at, clock('en-US', 'h23'), now)).toBe('3 mrt 14:05');
  });

  test('English words on a Dutch system keep its region’s order and 24-hour clock', async () => {
    await speak('en');
    expect(formatWhen(at, clock('nl-NL'), now)).toBe('3 Mar 14:05');
    expect(formatWhen(at, clock('en-US'), now)).toMatch(/^Mar 3 2:05\sPM$/);
    expect(formatWhen(now - 3600_000, clock('nl-NL'), now)).toBe('Today 8:00');
  });
});

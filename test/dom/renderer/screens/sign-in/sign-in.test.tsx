import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SignInResult } from '../../../../../common/ipc';
import { signInStrings } from '../../../../../renderer/strings';
import { createFakeBridge, defaultConfig } from '../../app/fake-bridge';
import { renderApp } from '../../app/render-app';

function firstRun() {
  const bridge = createFakeBridge({ status: 'signed-out' });
  bridge.answers.config = {
    ...defaultConfig,
    backendUrl: null,
    backendUrlSource: 'none',
    alternateCallerId: null,
    alternateCallerIdSource: 'none',
  };
  return bridge;
}

test('first run: enter the backend and a name, sign in, and land on home', async () => {
  const bridge = firstRun();
  renderApp(bridge);
  const url = await screen.findByLabelText(/Backend address/);
  await userEvent.type(url, 'https://calls.contoso.com/');
  await userEvent.type(screen.getByLabelText(/Your name/), 'Grace Hopper');
  await userEvent.click(screen.getByRole('button', { name: signInStrings.signIn }));
  await waitFor(() => expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'home'));
  expect(bridge.calls.configSet).toEqual([{ backendUrl: 'https://calls.contoso.com' }]);
  expect(bridge.calls.signIn).toEqual(['Grace Hopper']);
});

test('the backend address is validated inline with the same words main uses', async () => {
  renderApp(firstRun());
  const url = await screen.findByLabelText(/Backend address/);
  await userEvent.type(url, 'http://calls.contoso.com');
  await userEvent.tab();
  expect(await screen.findByText(/Plain http:\/\/ is only allowed for a backend on this computer/)).toBeVisible();
  await userEvent.clear(url);
  await userEvent.type(url, 'https://calls.contoso.com');
  await waitFor(() => expect(screen.queryByText(/Plain http:\/\//)).toBeNull());
});

test('signing in needs a name, and nothing is sent without one', async () => {
  const bridge = firstRun();
  renderApp(bridge);
  await userEvent.type(await screen.findByLabelText(/Backend address/), 'https://calls.contoso.com');
  await userEvent.click(screen.getByRole('button', { name: signInStrings.signIn }));
  expect(await screen.findByText(signInStrings.displayNameRequired)).toBeVisible();
  expect(bridge.calls.signIn).toEqual([]);
});

test('Test connection shows what the backend offers and warns when it authenticates nobody', async () => {
  const bridge = firstRun();
  renderApp(bridge);
  await userEvent.type(await screen.findByLabelText(/Backend address/), 'https://calls.contoso.com');
  await userEvent.click(screen.getByRole('button', { name: signInStrings.testConnection }));
  expect(await screen.findByTestId('test-connection-result')).toHaveTextContent(
    // The sign-in mode in words, not the backend's "open".
    'Found a Switchboard backend: you sign in with just your name. Phone calls show +14255550100 as the caller.',
  );
  expect(screen.getByTestId('unauthenticated-warning')).toHaveTextContent(signInStrings.unauthenticatedWarning);
  expect(bridge.calls.configTest).toEqual(['https://calls.contoso.com']);
});

test('Test connection names an ACS sample token server and shows main’s sentence on what it allows', async () => {
  const bridge = firstRun();
  const notice = 'This server gives a calling identity to anyone who can reach it.';
  bridge.answers.configTest = (backendUrl) => ({
    ok: true,
    backendUrl,
    signIn: [],
    alternateCallerId: null,
    unauthenticated: true,
    protocol: 'acs-sample',
    notice,
  });
  renderApp(bridge);
  await userEvent.type(await screen.findByLabelText(/Backend address/), 'https://tokens.contoso.com');
  await userEvent.click(screen.getByRole('button', { name: signInStrings.testConnection }));
  const found = await screen.findByTestId('test-connection-result');
  expect(found).toHaveTextContent(signInStrings.testFoundAcsSample);
  expect(found).not.toHaveTextContent('Found a Switchboard backend');
  expect(screen.getByTestId('unauthenticated-warning')).toHaveTextContent(notice);
});

test('Test connection reports main’s error in its own words', async () => {
  const bridge = firstRun();
  bridge.answers.configTest = () => ({ ok: false, code: 'unreachable', message: 'Could not reach calls.contoso.com.' });
  renderApp(bridge);
  await userEvent.type(await screen.findByLabelText(/Backend address/), 'https://calls.contoso.com');
  await userEvent.click(screen.getByRole('button', { name: signInStrings.testConnection }));
  expect(await screen.findByTestId('test-connection-result')).toHaveTextContent('Could not reach calls.contoso.com.');
  expect(screen.queryByTestId('unauthenticated-warning')).toBeNull();
});

test('a sign-in refused by the backend shows why and stays on sign-in', async () => {
  const bridge = createFakeBridge({ status: 'signed-out' });
  bridge.answers.signIn = () => ({
    ok: false,
    code: 'unreachable',
    message: 'The backend did not answer. Check the address.',
  });
  renderApp(bridge);
  await userEvent.type(await screen.findByLabelText(/Your name/), 'Ada');
  await userEvent.click(screen.getByRole('button', { name: signInStrings.signIn }));
  expect(await screen.findByTestId('sign-in-error')).toHaveTextContent(
    'The backend did not answer. Check the address.',
  );
  expect(screen.getByTestId('app-shell')).toHaveAttribute('data-route', 'sign-in');
  // The configured backend was already saved: nothing to write.
  expect(bridge.calls.configSet).toEqual([]);
});

test('an address set by an administrator is read-only and not written back', async () => {
  const bridge = createFakeBridge({ status: 'signed-out' });
  bridge.answers.config = {
    ...defaultConfig,
    backendUrl: 'https://calls.corp.example',
    backendUrlSource: 'administrator',
    backendUrlLocked: true,
  };
  renderApp(bridge);
  const url = await screen.findByLabelText(/Backend address/);
  await waitFor(() => expect(url).toHaveValue('https://calls.corp.example'));
  expect(url).toHaveAttribute('readonly');
  // It does not look like a field to type in: filled, with a lock.
  expect(screen.getByTestId('backend-url-lock')).toBeInTheDocument();
  expect(screen.getByText('Set by your administrator; it cannot be changed here.')).toBeVisible();
  await userEvent.type(screen.getByLabelText(/Your name/), 'Ada');
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(bridge.calls.signIn).toEqual(['Ada']));
  expect(bridge.calls.configSet).toEqual([]);
});

test('the whole form works from the keyboard', async () => {
  // Fluent's tabster moves focus on Tab itself and sees no layout in jsdom, so Tab order is
  // checked as what it is in a browser: native focusable controls in DOM order, none removed.
  const bridge = createFakeBridge({ status: 'signed-out' });
  renderApp(bridge);
  const url = await screen.findByLabelText(/Backend address/);
  await waitFor(() => expect(url).toHaveValue('https://calls.example.com'));
  const form = screen.getByRole('form', { name: signInStrings.title });
  const focusable = [...form.querySelectorAll<HTMLElement>('input, button')].filter((el) => el.tabIndex >= 0);
  expect(focusable.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? el.id)).toHaveLength(4);
  expect(focusable[0]).toBe(url);
  expect(focusable[1]).toBe(screen.getByRole('button', { name: signInStrings.testConnection }));
  expect(focusable[2]).toBe(screen.getByLabelText(/Your name/));
  expect(focusable[3]).toBe(screen.getByRole('button', { name: signInStrings.signIn }));

  const testButton = screen.getByRole('button', { name: signInStrings.testConnection });
  act(() => testButton.focus());
  await userEvent.keyboard('{Enter}');
  expect(await screen.findByTestId('test-connection-result')).toBeVisible();
  // Focus stays on the button while testing and after: it never falls back to the page.
  expect(testButton).toHaveFocus();

  act(() => screen.getByLabelText(/Your name/).focus());
  await userEvent.keyboard('Ada{Enter}');
  await waitFor(() => expect(bridge.calls.signIn).toEqual(['Ada']));
});

describe('organisation sign-in (oidc backend)', () => {
  const organisation = { issuerHost: 'login.microsoftonline.com', canEndSession: true };
  /** The configured address arrives from main asynchronously; a click before it would find the field empty. */
  const configLoaded = () =>
    waitFor(() => expect(screen.getByLabelText(/Backend address/)).toHaveValue(defaultConfig.backendUrl));

  test('no name field; "Sign in with your organisation" names the IdP; waiting shows Cancel, which main hears', async () => {
    const bridge = createFakeBridge({ status: 'signed-out', organisation });
    let finish: (result: SignInResult) => void = () => {};
    bridge.answers.signIn = () => new Promise<SignInResult>((resolve) => (finish = resolve));
    renderApp(bridge);
    await screen.findByText(/with your work account at login\.microsoftonline\.com/);
    await configLoaded();
    expect(screen.queryByLabelText(/Your name/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: signInStrings.signInWithOrganisation }));
    expect(await screen.findByTestId('sign-in-waiting')).toHaveTextContent(signInStrings.continueInBrowser);
    expect(bridge.calls.signIn).toEqual([undefined]);
    await userEvent.click(screen.getByRole('button', { name: signInStrings.cancel }));
    expect(bridge.calls.cancelSignIn).toBe(1);
    act(() => finish({ ok: false, code: 'cancelled', message: 'Sign-in cancelled.' }));
    expect(await screen.findByTestId('sign-in-notice')).toHaveTextContent('Sign-in cancelled.');
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
    expect(screen.getByRole('button', { name: signInStrings.signInWithOrganisation })).toBeVisible();
  });

  test('a refusal is shown as an error in the words main sent', async () => {
    const bridge = createFakeBridge({ status: 'signed-out', organisation });
    bridge.answers.signIn = () => ({
      ok: false,
      code: 'sign-in-rejected',
      message: 'Your account isn’t allowed to use Switchboard; ask your administrator.',
    });
    renderApp(bridge);
    await configLoaded();
    await userEvent.click(await screen.findByRole('button', { name: signInStrings.signInWithOrganisation }));
    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent(
      'Your account isn’t allowed to use Switchboard; ask your administrator.',
    );
  });

  test('after signing out, it offers to sign out of the organisation too (only where the IdP can)', async () => {
    const bridge = createFakeBridge({ status: 'signed-out', reason: 'signed-out', organisation });
    renderApp(bridge);
    await userEvent.click(
      await screen.findByRole('button', { name: signInStrings.endOrganisationSession('login.microsoftonline.com') }),
    );
    expect(bridge.calls.endOrganisationSession).toBe(1);
    act(() =>
      bridge.emitSession({
        status: 'signed-out',
        reason: 'signed-out',
        organisation: { ...organisation, canEndSession: false },
      }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: /Also sign out of/ })).toBeNull());
  });
});

describe('one message per problem, and none that is stale', () => {
  test('an invalid address is said once, inline, not again as a sign-in error', async () => {
    const bridge = firstRun();
    renderApp(bridge);
    await userEvent.type(await screen.findByLabelText(/Backend address/), 'http://calls.contoso.com');
    await userEvent.type(screen.getByLabelText(/Your name/), 'Ada');
    await userEvent.click(screen.getByRole('button', { name: signInStrings.signIn }));
    expect(await screen.findAllByText(/Plain http:\/\/ is only allowed/)).toHaveLength(1);
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
    expect(bridge.calls.signIn).toEqual([]);
  });

  test('a sign-in error goes when Test connection succeeds, and when the address is edited to a valid one', async () => {
    const bridge = firstRun();
    bridge.answers.signIn = () => ({
      ok: false,
      code: 'unreachable',
      message: 'Switchboard cannot reach the backend.',
    });
    renderApp(bridge);
    const url = await screen.findByLabelText(/Backend address/);
    await userEvent.type(url, 'https://calls.contoso.com');
    await userEvent.type(screen.getByLabelText(/Your name/), 'Ada');
    await userEvent.click(screen.getByRole('button', { name: signInStrings.signIn }));
    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Switchboard cannot reach the backend.');

    // The test answers: its result is the newer word on the address; the old error goes.
    await userEvent.click(screen.getByRole('button', { name: signInStrings.testConnection }));
    expect(await screen.findByTestId('test-connection-result')).toHaveTextContent('Found a Switchboard backend');
    expect(screen.queryByTestId('sign-in-error')).toBeNull();

    // Signing in again replaces the test's result rather than standing beside it.
    await userEvent.click(screen.getByRole('button', { name: signInStrings.signIn }));
    expect(await screen.findByTestId('sign-in-error')).toBeVisible();
    expect(screen.queryByTestId('test-connection-result')).toBeNull();

    // Fixing the address (valid again) clears the error about the old one.
    await userEvent.type(url, '/calls');
    await waitFor(() => expect(screen.queryByTestId('sign-in-error')).toBeNull());
  });
});

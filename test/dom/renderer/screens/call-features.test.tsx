import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { DeviceSetup } from '../../../../renderer/screens/devices/DeviceSetup';
import { InCallScreen } from '../../../../renderer/screens/in-call/InCallScreen';
import { SoundSettings } from '../../../../renderer/screens/settings/SoundSettings';
import {
  complianceStrings,
  deviceStrings,
  effectStrings,
  inCallStrings,
  soundStrings,
} from '../../../../renderer/strings';
import { callView, FakeCallingStore } from './support/fake-calling-store';
import { renderScreen } from './support/render';

vi.setConfig({ testTimeout: 30_000 });

function inCall(store: FakeCallingStore) {
  renderScreen(<InCallScreen />, store);
}

test('the recording notice stays up while recording runs, is announced, and says when it stopped', async () => {
  const store = new FakeCallingStore({ call: callView() });
  inCall(store);
  const live = screen.getByTestId('compliance-live-region');
  expect(live).toHaveAttribute('aria-live', 'polite');
  expect(live).toHaveAttribute('role', 'status');
  expect(screen.queryByTestId('compliance-banner')).toBeNull();
  expect(live).toBeEmptyDOMElement();

  act(() => store.updateCall({ compliance: { recording: true, transcribing: false } }));
  expect(within(live).getByTestId('compliance-banner')).toHaveTextContent(complianceStrings.recording);
  // Persistent: nothing dismisses it.
  expect(within(screen.getByTestId('compliance-banner')).queryByRole('button')).toBeNull();

  act(() => store.updateCall({ compliance: { recording: true, transcribing: true } }));
  expect(live).toHaveTextContent(complianceStrings.recordingAndTranscribing);

  act(() => store.updateCall({ compliance: { recording: false, transcribing: false } }));
  expect(screen.queryByTestId('compliance-banner')).toBeNull();
  expect(live).toHaveTextContent(complianceStrings.stopped);
});

test('transcription alone has its own sentence', () => {
  inCall(new FakeCallingStore({ call: callView({ compliance: { recording: false, transcribing: true } }) }));
  expect(screen.getByTestId('compliance-banner')).toHaveTextContent(complianceStrings.transcribing);
});

test('the devices page offers the background beside the camera preview and remembers the pick through the layer', async () => {
  const store = new FakeCallingStore();
  renderScreen(<DeviceSetup />, store);
  const picker = screen.getByTestId('effects-picker');
  expect(within(picker).getByRole('radio', { name: effectStrings.choices.none })).toBeChecked();
  await userEvent.click(within(picker).getByRole('radio', { name: effectStrings.choices.blur }));
  expect(store.callsOf('setVideoEffect')).toEqual([['blur']]);
  expect(within(picker).getByRole('radio', { name: effectStrings.choices.blur })).toBeChecked();
  // The camera preview is off: the page says where the effect will show.
  expect(picker).toHaveTextContent(effectStrings.cameraOff);
  await userEvent.click(screen.getByRole('button', { name: deviceStrings.previewStart }));
  await waitFor(() => expect(picker).not.toHaveTextContent(effectStrings.cameraOff));
});

test('an effect this machine cannot run is explained', () => {
  const store = new FakeCallingStore();
  store.setState({
    effects: {
      ...store.getState().effects,
      video: 'blur',
      support: { blur: 'unsupported', replacement: 'unknown', deepNoiseSuppression: 'unsupported' },
      problem: effectStrings.unsupported.blur,
    },
  });
  renderScreen(<DeviceSetup />, store);
  expect(screen.getByTestId('effects-problem')).toHaveTextContent(effectStrings.unsupported.blur);
  // Noise suppression falls back to the browser's own: said beside the switch.
  expect(screen.getByTestId('effects-picker')).toHaveTextContent(effectStrings.noiseSuppressionBrowser);
});

test('in the call, the devices popover holds the effects; noise suppression can be turned off', async () => {
  const store = new FakeCallingStore({ call: callView({ isCameraOn: true }) });
  inCall(store);
  await userEvent.click(screen.getByRole('button', { name: inCallStrings.devices }));
  const picker = await screen.findByTestId('effects-picker');
  // By label: Fluent's focus-trapping popover hides itself from jsdom's role queries (as in in-call.test.tsx).
  const noise = within(picker).getByLabelText(effectStrings.noiseSuppression);
  expect(noise).toBeChecked();
  await userEvent.click(noise);
  expect(store.callsOf('setNoiseSuppression')).toEqual([[false]]);
  await userEvent.click(within(picker).getByLabelText(effectStrings.choices.replacement));
  expect(store.callsOf('setVideoEffect')).toEqual([['replacement']]);
});

test('sound settings: the ringtone switch and the volume go to the layer', async () => {
  const store = new FakeCallingStore();
  renderScreen(<SoundSettings />, store);
  const ringtone = screen.getByRole('switch', { name: soundStrings.ringtone });
  expect(ringtone).toBeChecked();
  await userEvent.click(ringtone);
  expect(store.getState().sounds.ringtone).toBe(false);
  const volume = screen.getByRole('slider', { name: soundStrings.volume });
  expect(volume).toHaveAttribute('aria-valuetext', '80%');
  fireEvent.change(volume, { target: { value: '35' } });
  expect(store.callsOf('setSoundSettings').at(-1)).toEqual([{ volume: 0.35 }]);
  expect(volume).toHaveAttribute('aria-valuetext', '35%');
});

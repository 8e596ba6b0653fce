/** The in-call banner for a device change the calling layer reports (renderer/calling/devices.ts). */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { deviceStrings } from '../../../../../renderer/strings';
import { installFakeBridge } from '../support/fake-bridge';
import { callView, devicesState, FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

test('a camera unplugged mid-call is announced until dismissed', async () => {
  const store = new FakeCallingStore({
    call: callView({ status: 'connected' }),
    devices: devicesState({ notice: deviceStrings.cameraGoneVideoOff }),
  });
  renderScreen(<InCallScreen />, store, installFakeBridge().bridge);
  expect(screen.getByTestId('device-notice')).toHaveTextContent(deviceStrings.cameraGoneVideoOff);
  await userEvent.click(screen.getByRole('button', { name: deviceStrings.dismissNotice }));
  expect(store.callsOf('dismissDeviceNotice')).toEqual([[]]);
  expect(screen.queryByTestId('device-notice')).toBeNull();
});

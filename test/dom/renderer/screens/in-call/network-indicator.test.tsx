import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { InCallScreen } from '../../../../../renderer/screens/in-call/InCallScreen';
import { networkStrings } from '../../../../../renderer/strings';
import { callView, FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

const fair = {
  level: 'fair' as const,
  packetLossPercent: 4,
  jitterMs: 12,
  roundTripMs: 180,
  sendKbps: 1232,
  receiveKbps: null,
};

test('no indicator before the first sample; then the level in words, with the figures on click', async () => {
  const store = new FakeCallingStore({ call: callView() });
  renderScreen(<InCallScreen />, store);
  expect(screen.queryByTestId('network-indicator')).toBeNull();

  act(() => store.updateCall({ network: fair }));
  const indicator = screen.getByRole('button', { name: networkStrings.indicator(networkStrings.levels.fair) });
  expect(indicator).toHaveAttribute('data-level', 'fair');
  await userEvent.click(indicator);
  const details = await screen.findByTestId('network-details');
  const figures = within(details)
    .getAllByRole('row')
    .map((row) => row.textContent);
  expect(figures).toEqual([
    `${networkStrings.packetLoss}${networkStrings.percent(4)}`,
    `${networkStrings.jitter}${networkStrings.ms(12)}`,
    `${networkStrings.roundTrip}${networkStrings.ms(180)}`,
    `${networkStrings.sending}${networkStrings.kbps(1232)}`,
    `${networkStrings.receiving}${networkStrings.unknown}`,
  ]);
});

test('the diagnostic banners stay beside the indicator', () => {
  const store = new FakeCallingStore({
    call: callView({
      network: { ...fair, level: 'poor' },
      diagnostics: [{ id: 'networkReceiveQuality', area: 'network', message: 'Your network is poor.' }],
    }),
  });
  renderScreen(<InCallScreen />, store);
  expect(screen.getByTestId('network-indicator')).toHaveAttribute('data-level', 'poor');
  expect(screen.getByTestId('diagnostic')).toHaveTextContent('Your network is poor.');
});

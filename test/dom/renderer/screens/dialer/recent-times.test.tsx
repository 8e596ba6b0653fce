/**
 * Recents write their time as the OS does (main's AppConfig.clock), not as Chromium's UI language
 * would: a 24-hour locale says "14:05", a 12-hour one "2:05 PM", and the 12/24-hour override wins.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { Clock } from '../../../../../common/ipc';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { installFakeBridge } from '../support/fake-bridge';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

function todayAt(hours: number, minutes: number): number {
  const date = new Date();
  date.setHours(hours, minutes, 0, 0);
  return date.getTime();
}

async function recentTimeWith(clock: Clock): Promise<HTMLElement> {
  const bridge = installFakeBridge({
    clock,
    history: {
      recents: [
        {
          id: 'r-1',
          target: { kind: 'phone', e164: '+14255550100' },
          title: '+1 425 555 0100',
          direction: 'outgoing',
          video: false,
          startedAt: todayAt(14, 5),
          durationSeconds: 0,
          outcome: 'completed',
        },
      ],
    },
  });
  renderScreen(<DialerScreen />, new FakeCallingStore(), bridge.bridge);
  const list = await screen.findByRole('list', { name: 'Recent' });
  return within(list).getByText(/Today/);
}

describe('times follow the OS clock', () => {
  test('a 24-hour locale: 14:05', async () => {
    const time = await recentTimeWith({ locale: 'en-GB', hourCycle: null });
    expect(time).toHaveTextContent(/Today 14:05/);
    expect(time).not.toHaveTextContent(/PM/);
  });

  test('a 12-hour locale: 2:05 PM', async () => {
    expect(await recentTimeWith({ locale: 'en-US', hourCycle: null })).toHaveTextContent(/Today 2:05\sPM/);
  });

  test('the OS’s 24-hour switch wins over a 12-hour locale', async () => {
    expect(await recentTimeWith({ locale: 'en-US', hourCycle: 'h23' })).toHaveTextContent(/Today 14:05/);
  });
});

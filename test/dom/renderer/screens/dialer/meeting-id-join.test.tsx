import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { DialerScreen } from '../../../../../renderer/screens/dialer/DialerScreen';
import { callTargetStrings, meetingIdStrings } from '../../../../../renderer/strings';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

vi.setConfig({ testTimeout: 30_000 });

test('a Teams meeting joins by its id and passcode from the dialer', async () => {
  const store = new FakeCallingStore();
  renderScreen(<DialerScreen />, store);
  await userEvent.click(screen.getByRole('button', { name: meetingIdStrings.open }));
  const form = screen.getByRole('form', { name: meetingIdStrings.title });
  expect(form).toBeInTheDocument();

  await userEvent.type(screen.getByLabelText(meetingIdStrings.meetingId), '123 45');
  await userEvent.type(screen.getByLabelText(meetingIdStrings.passcode), 'aB3cD4');
  await userEvent.click(screen.getByRole('button', { name: meetingIdStrings.join }));
  expect(screen.getByText(callTargetStrings.problems['meeting-id-malformed'])).toBeInTheDocument();
  expect(store.callsOf('startCall')).toEqual([]);

  await userEvent.type(screen.getByLabelText(meetingIdStrings.meetingId), '6 789 012{Enter}');
  expect(store.callsOf('startCall')).toEqual([
    [{ kind: 'teams-meeting-id', meetingId: '123456789012', passcode: 'aB3cD4' }, { video: false }],
  ]);
});

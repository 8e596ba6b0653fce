/** ControlTooltip: described to screen readers at once, Fluent's Tooltip only from the first hover or focus. */
import { Button, Popover, PopoverSurface, PopoverTrigger } from '@fluentui/react-components';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { ControlTooltip } from '../../../../../renderer/screens/shared/ControlTooltip';
import { FakeCallingStore } from '../support/fake-calling-store';
import { renderScreen } from '../support/render';

const render = (ui: Parameters<typeof renderScreen>[0]) => renderScreen(ui, new FakeCallingStore());

test('idle, no tooltip is mounted; the control carries the text as its description', () => {
  render(
    <ControlTooltip label="Mute" shortcut="toggleMute">
      <Button aria-label="Mute">M</Button>
    </ControlTooltip>,
  );
  const mute = screen.getByRole('button', { name: 'Mute' });
  expect(mute).toHaveAttribute('aria-description', 'Mute (Ctrl+Shift+M)');
  expect(mute).not.toHaveAttribute('aria-describedby');
  expect(screen.queryByRole('tooltip')).toBeNull();
  // Fluent's Tooltip renders its hidden text into a portal when mounted: nothing is there yet.
  expect(document.body.textContent).not.toContain('Mute (Ctrl+Shift+M)');
});

test('the first hover shows it above the same control node, leaving hides it; the click still lands', async () => {
  const user = userEvent.setup({ delay: null });
  let clicks = 0;
  render(
    <ControlTooltip label="Hang up" shortcut="hangUp">
      <Button aria-label="Hang up" onClick={() => clicks++}>
        H
      </Button>
    </ControlTooltip>,
  );
  const hangUp = screen.getByRole('button', { name: 'Hang up' });
  await user.click(hangUp);
  expect(clicks).toBe(1);
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Hang up (Ctrl+Shift+H)');
  // Mounting the tooltip did not remount the control.
  expect(screen.getByRole('button', { name: 'Hang up' })).toBe(hangUp);
  await user.unhover(hangUp);
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  await user.hover(hangUp);
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Hang up (Ctrl+Shift+H)');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
});

test('keyboard focus shows it, Escape hides it, and focus stays on the control', async () => {
  const user = userEvent.setup({ delay: null });
  render(
    <ControlTooltip label="Share screen">
      <Button aria-label="Share screen">S</Button>
    </ControlTooltip>,
  );
  await user.tab();
  const share = screen.getByRole('button', { name: 'Share screen' });
  expect(share).toHaveFocus();
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Share screen');
  expect(share).toHaveFocus();
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  expect(share).toHaveFocus();
});

test('a trigger around it (a popover) still opens from the control', async () => {
  const user = userEvent.setup({ delay: null });
  render(
    <Popover>
      <PopoverTrigger disableButtonEnhancement>
        <ControlTooltip label="More">
          <Button aria-label="More">…</Button>
        </ControlTooltip>
      </PopoverTrigger>
      <PopoverSurface>The menu</PopoverSurface>
    </Popover>,
  );
  const more = screen.getByRole('button', { name: 'More' });
  await user.click(more);
  expect(await screen.findByText('The menu')).toBeInTheDocument();
  expect(more).toHaveAttribute('aria-expanded', 'true');
});

import { Tooltip } from '@fluentui/react-components';
import { cloneElement, type ReactElement } from 'react';
import { shortcutStrings } from '../../strings';
import { type CallShortcut, shortcutLabel } from './shortcuts';

/**
 * The tooltip every call control wears: its name, and its shortcut when it has one. The control
 * keeps its own aria-label; the tooltip is a description, so screen readers do not hear it twice.
 * Props a trigger injects (a PopoverTrigger's onClick, ref, aria-expanded) reach the control.
 */
export function ControlTooltip({
  label,
  shortcut,
  children,
  ...triggerProps
}: {
  label: string;
  shortcut?: CallShortcut;
  children: ReactElement;
} & Record<string, unknown>) {
  const content = shortcut ? shortcutStrings.withShortcut(label, shortcutLabel(shortcut)) : label;
  const control = Object.keys(triggerProps).length > 0 ? cloneElement(children, triggerProps) : children;
  return (
    <Tooltip content={content} relationship="description" withArrow>
      {control}
    </Tooltip>
  );
}

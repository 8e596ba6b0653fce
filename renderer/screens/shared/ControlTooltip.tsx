import { Tooltip } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { shortcutStrings } from '../../strings';
import { type CallShortcut, shortcutLabel } from './shortcuts';

/**
 * The tooltip every call control wears: its name, and its shortcut when it has one. The control
 * keeps its own aria-label; the tooltip is a description, so screen readers do not hear it twice.
 */
export function ControlTooltip(props: { label: string; shortcut?: CallShortcut; children: ReactElement }) {
  const content = props.shortcut
    ? shortcutStrings.withShortcut(props.label, shortcutLabel(props.shortcut))
    : props.label;
  return (
    <Tooltip content={content} relationship="description" withArrow>
      {props.children}
    </Tooltip>
  );
}

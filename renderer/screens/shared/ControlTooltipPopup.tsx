import { Tooltip } from '@fluentui/react-components';
import { useLayoutEffect } from 'react';

/**
 * The visible half of ControlTooltip: Fluent's Tooltip aimed at a control it does not wrap. Its own
 * chunk, with Fluent's positioning code, loads on the first hover or focus of any control.
 */
export default function ControlTooltipPopup(props: {
  content: string;
  target: HTMLElement;
  visible: boolean;
  onHide: () => void;
}) {
  const { visible, onHide } = props;
  // Escape dismisses a tooltip wherever focus is (WCAG 1.4.13). Fluent's own Escape handling reads
  // the visibility it copies in a passive effect, stale for a moment after the tooltip is shown from
  // outside; this listener is in place from the commit that shows it.
  useLayoutEffect(() => {
    if (!visible) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onHide();
    };
    document.addEventListener('keydown', onKeyDown, { capture: true });
    return () => document.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [visible, onHide]);
  return (
    <Tooltip
      content={props.content}
      relationship="inaccessible"
      withArrow
      positioning={{ position: 'above', target: props.target }}
      visible={visible}
      // Fluent hides it when another tooltip shows.
      onVisibleChange={(_event, data) => {
        if (!data.visible) onHide();
      }}
    />
  );
}

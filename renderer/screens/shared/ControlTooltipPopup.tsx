import { Tooltip } from '@fluentui/react-components';

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
  return (
    <Tooltip
      content={props.content}
      relationship="inaccessible"
      withArrow
      positioning={{ position: 'above', target: props.target }}
      visible={props.visible}
      // Fluent hides it on Escape, and when another tooltip shows.
      onVisibleChange={(_event, data) => {
        if (!data.visible) props.onHide();
      }}
    />
  );
}

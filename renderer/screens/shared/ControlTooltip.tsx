import { useMergedRefs } from '@fluentui/react-components';
import {
  cloneElement,
  type FocusEvent,
  lazy,
  type PointerEvent,
  type ReactElement,
  type Ref,
  Suspense,
  useEffect,
  useRef,
  useState,
} from 'react';
import { shortcutStrings } from '../../strings';
import { type CallShortcut, shortcutLabel } from './shortcuts';

const ControlTooltipPopup = lazy(() => import('./ControlTooltipPopup'));

/** Fluent's own delays before a tooltip shows and hides. */
const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 250;

type ControlProps = {
  ref?: Ref<HTMLElement>;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onPointerLeave?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
};

/**
 * The tooltip every call control wears: its name, and its shortcut when it has one. The control
 * keeps its own aria-label and carries the tooltip's text as its `aria-description`, so screen
 * readers hear it from the control itself; the tooltip is what sighted people see on hover or focus.
 * Props a trigger injects (a PopoverTrigger's onClick, ref, aria-expanded) reach the control.
 *
 * Fluent's Tooltip runs its positioning hooks on every render of every control, shown or not: the
 * one on the idle home screen, with its code, held ≈ 0.13 MB of heap (docs/performance.md,
 * "Renderer"). So the Tooltip (ControlTooltipPopup.tsx) is loaded and mounted beside the control,
 * aimed at it, only from its first hover or focus on. The control itself never moves in the tree,
 * so focus and a click in progress are never lost.
 */
export function ControlTooltip({
  label,
  shortcut,
  children,
  ...triggerProps
}: {
  label: string;
  shortcut?: CallShortcut;
  children: ReactElement<ControlProps>;
} & Record<string, unknown>) {
  const content = shortcut ? shortcutStrings.withShortcut(label, shortcutLabel(shortcut)) : label;
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [armed, setArmed] = useState(false);
  const [visible, setVisible] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const showAfter = (show: boolean) => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => setVisible(show), show ? SHOW_DELAY_MS : HIDE_DELAY_MS);
  };

  const own = children.props;
  const ref = useMergedRefs(setTarget, own.ref, triggerProps.ref as Ref<HTMLElement> | undefined);
  const enter = () => {
    setArmed(true);
    showAfter(true);
  };
  const control = cloneElement(children, {
    ...triggerProps,
    ref,
    'aria-description': content,
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      own.onPointerEnter?.(event);
      enter();
    },
    onFocus: (event: FocusEvent<HTMLElement>) => {
      own.onFocus?.(event);
      enter();
    },
    onPointerLeave: (event: PointerEvent<HTMLElement>) => {
      own.onPointerLeave?.(event);
      showAfter(false);
    },
    onBlur: (event: FocusEvent<HTMLElement>) => {
      own.onBlur?.(event);
      showAfter(false);
    },
  } as Partial<ControlProps>);
  return (
    <>
      {control}
      {armed && target ? (
        <Suspense fallback={null}>
          <ControlTooltipPopup
            content={content}
            target={target}
            visible={visible}
            onHide={() => {
              clearTimeout(pending.current);
              setVisible(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

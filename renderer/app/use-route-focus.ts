/**
 * Moves focus into a screen when the route changes. Without it the control the user last used
 * (a call button, "Close" on the ended card, "Back to calls") unmounts and focus drops to
 * <body>: a keyboard or screen-reader user is left nowhere. The new screen's main heading gets
 * focus, else its first control; a screen that put focus somewhere itself (the ringing screen's
 * Accept button) keeps it. Screens arrive lazily, so this waits for one to appear.
 */
import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select, textarea, a[href], [tabindex="0"]';

/**
 * Whether an element is part of the screen shown. While the next screen's chunk loads, Suspense
 * keeps the previous screen in the DOM hidden with `display: none`: focusing it would be lost
 * again the moment it is removed.
 */
function shown(element: Element, main: HTMLElement): boolean {
  for (let node: Element | null = element; node && node !== main; node = node.parentElement) {
    if (node instanceof HTMLElement && (node.hidden || node.style.display === 'none')) return false;
  }
  return true;
}

function focusScreen(main: HTMLElement): boolean {
  const active = main.ownerDocument.activeElement;
  if (active && active !== main.ownerDocument.body && main.contains(active) && shown(active, main)) return true;
  const first = (selector: string) =>
    [...main.querySelectorAll<HTMLElement>(selector)].find((element) => shown(element, main)) ?? null;
  const heading = first('h1, h2');
  const target = heading ?? first(FOCUSABLE);
  if (!target) return false;
  // A heading is not focusable by itself: -1 lets a script focus it without adding a Tab stop.
  if (target === heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  target.focus({ preventScroll: true });
  return main.ownerDocument.activeElement === target;
}

export function useRouteFocus(route: string, main: RefObject<HTMLElement | null>): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: route is the trigger: a new screen needs focus.
  useEffect(() => {
    // The window's first screen: nothing was focused before, and the OS gives the window focus.
    if (first.current) {
      first.current = false;
      return;
    }
    const element = main.current;
    if (!element || focusScreen(element)) return;
    const observer = new MutationObserver(() => {
      if (focusScreen(element)) observer.disconnect();
    });
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [route, main]);
}

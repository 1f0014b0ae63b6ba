import { useEffect, useLayoutEffect, useRef } from 'react';

/** Where a typed letter belongs to the control, not to a shortcut (a focused checkbox or radio still lets shortcuts through). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const field = 'input:not([type="checkbox"]):not([type="radio"]), textarea, select, [role="combobox"], .ant-select';
  return target.closest(`${field}, .ant-modal, .ant-popover, .ant-drawer`) !== null;
}

/**
 * Single-letter shortcuts on the page: `onKey` gets the lower-case letter of a
 * plain key press (no Ctrl/Alt/Meta) made outside text fields and dialogs.
 */
export function useShortcutKeys(onKey: (key: string) => boolean | void, enabled = true) {
  const handler = useRef(onKey);
  useLayoutEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || e.key.length !== 1 || isTyping(e.target)) return;
      if (handler.current(e.key.toLowerCase())) e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

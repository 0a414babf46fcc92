import { useEffect } from 'react';

/**
 * Calls `onDelete` when Delete or Backspace is pressed anywhere on the page, except while the
 * user is typing in a field, where those keys edit the text. `onDelete` returns whether it
 * deleted something; only then is the key's default action prevented.
 */
export function useDeleteKey(onDelete: () => boolean): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Delete' && event.key !== 'Backspace') return;
      if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;

      if (onDelete()) event.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [onDelete]);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

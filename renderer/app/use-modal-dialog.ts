import { useEffect, useRef } from 'react';

/**
 * Drives a native <dialog> as a modal from an `open` flag: showModal() makes the page behind
 * inert and gives Escape and focus return for free, so every dialog behaves the same.
 */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}

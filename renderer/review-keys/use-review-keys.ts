// The review views' keyboard: Space, J/K/L, ←/→, I/O, 1–5, P/X, C. Kept in this one hook so it
// can move into the central keymap (with its `?` help) in one place once that exists.
import { useEffect, useEffectEvent } from 'react';
import { useViewActive } from '../app/navigation.js';

/** Handlers by key name: a letter ('p'), a digit ('3'), 'Space', 'ArrowLeft', 'ArrowRight'. */
export type KeyBindings = Partial<Record<string, (event: KeyboardEvent) => void>>;

/** Every key the review views answer, with what it does: for a help overlay. */
export const REVIEW_KEYS: ReadonlyArray<{ keys: string; does: string }> = [
  { keys: 'Space', does: 'Play / pause' },
  { keys: 'J / K / L', does: 'Shuttle back / stop / forward (press again for 2×, 4×)' },
  { keys: '← / →', does: 'Previous / next frame' },
  { keys: 'I / O', does: 'Mark in / out' },
  { keys: 'P / X', does: 'Pick / reject the take (again to clear)' },
  { keys: '1–5, 0', does: 'Rate the take / clear the rating' },
  { keys: 'C', does: 'Add the take to (or take it out of) Compare' },
];

function keyName(e: KeyboardEvent): string {
  return e.key === ' ' ? 'Space' : e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

/** Typing in a field, pressing a focused button, or a dialog on top: the key is not ours. */
function belongsElsewhere(e: KeyboardEvent, name: string): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return true;
  const t = e.target instanceof Element ? e.target : null;
  if (t?.closest('input, textarea, select, [contenteditable="true"]')) {
    // A range slider (the scrub bar) keeps its own arrows but lets the other keys through.
    const range = t instanceof HTMLInputElement && t.type === 'range';
    if (!range || name.startsWith('Arrow')) return true;
  }
  if ((name === 'Space' || name === 'Enter') && t?.closest('button, a, [role="button"], [role="option"], [role="tab"], summary')) return true;
  if (document.querySelector('dialog[open]')) return true;
  return false;
}

export function useReviewKeys(bindings: KeyBindings, enabled = true): void {
  const active = useViewActive() && enabled;
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    const name = keyName(e);
    const handler = bindings[name];
    if (!handler || belongsElsewhere(e, name)) return;
    e.preventDefault();
    handler(e);
  });
  useEffect(() => {
    if (!active) return;
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active]);
}

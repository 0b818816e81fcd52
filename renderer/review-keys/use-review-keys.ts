// The review views' keys (Space, J/K/L, ←/→, I/O, P/X, 0–5, C), registered in the window's one
// keymap (renderer/keys) so the `?` overlay lists them. A view that is mounted but hidden (the
// shell keeps views alive) takes its keys out of the keymap until it is shown again.
import { useLayoutEffect, useRef } from 'react';
import { useViewActive } from '../app/navigation.js';
import { useKeymap } from '../keys/keymap-context.js';
import type { KeyBinding, KeyGroup } from '../keys/keymap.js';

export type ReviewKey = Required<Pick<KeyBinding, 'keys' | 'label' | 'run'>> & Pick<KeyBinding, 'enabled'>;

export function useReviewKeys(title: string, bindings: ReviewKey[], enabled = true): void {
  const keymap = useKeymap();
  const active = useViewActive() && enabled;
  const group: KeyGroup = { title, bindings };
  const latest = useRef(group);
  latest.current = group;
  const id = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!active) return;
    id.current = keymap.add(latest.current);
    return () => {
      if (id.current !== null) keymap.remove(id.current);
      id.current = null;
    };
  }, [keymap, active]);
  useLayoutEffect(() => {
    if (id.current !== null) keymap.update(id.current, group);
  });
}

/** P, X, 1–5 and 0 for one take. */
export function markKeys(current: { flag: 'pick' | 'reject' | null; rating: number } | undefined, mark: (change: { flag?: 'pick' | 'reject' | null; rating?: number }) => void): ReviewKey[] {
  const enabled = current !== undefined;
  return [
    { keys: ['p'], label: 'Pick the take for its shot (again to clear)', enabled, run: () => mark({ flag: current?.flag === 'pick' ? null : 'pick' }) },
    { keys: ['x'], label: 'Reject the take (again to clear)', enabled, run: () => mark({ flag: current?.flag === 'reject' ? null : 'reject' }) },
    {
      keys: ['1', '2', '3', '4', '5'],
      label: 'Rate 1–5 stars (the same rating again clears it)',
      enabled,
      run: (e) => {
        const n = Number(e.key);
        mark({ rating: current?.rating === n ? 0 : n });
      },
    },
    { keys: ['0'], label: 'Clear the rating', enabled, run: () => mark({ rating: 0 }) },
  ];
}

// Multi-select over the grid's loaded takes, as file browsers do it: a click selects one, Ctrl/⌘
// adds or removes one, Shift selects the run from the anchor (the last plain or Ctrl click).
import { useCallback, useMemo, useState } from 'react';

export type SelectHow = 'only' | 'toggle' | 'range';

export interface GridSelection {
  /** Selected render ids, in the order they were chosen. */
  ids: readonly number[];
  has(id: number): boolean;
  /** Applies a click (or key) on the take at `index` of `order` (the loaded ids, in grid order). */
  select(index: number, how: SelectHow, order: readonly number[]): void;
  /** Selects the run between two indexes of `order`, anchored at the first. */
  selectRange(from: number, to: number, order: readonly number[]): void;
  setAll(ids: readonly number[]): void;
  clear(): void;
}

export function useGridSelection(): GridSelection {
  const [ids, setIds] = useState<readonly number[]>([]);
  const [anchor, setAnchor] = useState<number | null>(null);
  const set = useMemo(() => new Set(ids), [ids]);

  const select = useCallback(
    (index: number, how: SelectHow, order: readonly number[]) => {
      const id = order[index];
      if (id === undefined) return;
      if (how === 'range' && anchor !== null) {
        const anchorIndex = order.indexOf(anchor);
        if (anchorIndex >= 0) {
          const [lo, hi] = anchorIndex < index ? [anchorIndex, index] : [index, anchorIndex];
          setIds(order.slice(lo, hi + 1));
          return;
        }
      }
      setAnchor(id);
      if (how === 'toggle') setIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]));
      else setIds([id]);
    },
    [anchor],
  );
  const selectRange = useCallback((from: number, to: number, order: readonly number[]) => {
    const id = order[from];
    if (id === undefined) return;
    setAnchor(id);
    setIds(order.slice(Math.min(from, to), Math.max(from, to) + 1));
  }, []);
  const setAll = useCallback((all: readonly number[]) => setIds(all), []);
  const clear = useCallback(() => {
    // Nothing selected stays the same state: each keystroke of a search clears the selection, and
    // a new empty list would re-render every tile of the grid for nothing.
    setIds((cur) => (cur.length ? [] : cur));
    setAnchor(null);
  }, []);
  return useMemo(() => ({ ids, has: (id: number) => set.has(id), select, selectRange, setAll, clear }), [ids, set, select, selectRange, setAll, clear]);
}

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RenderCard } from '../../shared/domain.js';
import type { KeysetPages } from './keyset-pages.js';
import { GRID_PADDING, TILE_GAP, gridLayout } from './grid-layout.js';
import { RenderTile, tileId } from './RenderTile.js';
import { useElementWidth } from './use-element-width.js';
import { useKeyBindings } from '../keys/keymap-context.js';
import { thumbsOf, type ThumbState } from './use-thumbnail-updates.js';
import type { GridSelection, SelectHow } from './grid-selection.js';
import { useHighlights } from './use-highlights.js';

interface Props {
  pages: KeysetPages<RenderCard>;
  /** Total matching renders, when known (for screen readers' "3 of 120"). */
  total: number | undefined;
  thumbs: ReadonlyMap<string, ThumbState>;
  selection: GridSelection;
  /** The take opened in the detail panel (the last one clicked or moved to). */
  onOpen(card: RenderCard): void;
  /** The take the detail panel shows, if any: then Space is its player's Play / pause. */
  openId: number | null;
  /** Free text searched for, whose matches are marked in the tiles. */
  text: string;
  /** The search, facets and sort the grid answers: a new one starts again at the top. */
  query: string;
}

/**
 * Rows kept rendered beyond the viewport on each side; bounds the DOM to a few screens. One row
 * (~190 px) covers a wheel step; more only adds tiles to mount in every frame of a fast scroll
 * and in every search's answer.
 */
const OVERSCAN_ROWS = 1;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 3;

/**
 * The renders as a virtualized listbox: only rows near the viewport exist in the DOM. Keyboard:
 * arrows move the active tile (focus stays on the listbox, aria-activedescendant follows),
 * Enter opens it; so does Space while no take is open. Once one is open, the arrows open the
 * take they move to and Space plays and pauses it, as the keyboard map promises: reviewing is
 * →, Space, P / X / 1–5, → … without leaving the grid.
 */
export function RenderGrid({ pages, total, thumbs, selection, onOpen, openId, text, query }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const layout = gridLayout(width);
  const { items, hasMore, loading, loadMore } = pages;
  const rowCount = Math.ceil(items.length / layout.columns);
  const [active, setActive] = useState(0);
  // A new query starts at the top with the first take active. Reset in place rather than by
  // remounting the grid (a key): a keystroke then re-creates no tiles, and the tiles that stay in
  // the answer are kept.
  const [answering, setAnswering] = useState(query);
  if (answering !== query) {
    setAnswering(query);
    setActive(0);
  }
  useLayoutEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [query]);
  const activeIndex = Math.min(active, items.length - 1);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => layout.rowHeight,
    overscan: OVERSCAN_ROWS,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, layout.rowHeight]);

  const rows = virtualizer.getVirtualItems();
  const lastRow = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loading && lastRow >= rowCount - PREFETCH_ROWS) loadMore();
  }, [hasMore, loading, lastRow, rowCount, loadMore]);

  const order = useMemo(() => items.map((c) => c.id), [items]);
  const pick = useCallback(
    (index: number, how: SelectHow = 'only') => {
      const card = items[index];
      if (!card) return;
      setActive(index);
      selection.select(index, how, order);
      if (how !== 'toggle') onOpen(card);
    },
    [items, order, selection, onOpen],
  );
  const visibleIds = useMemo(
    () => rows.flatMap((r) => order.slice(r.index * layout.columns, (r.index + 1) * layout.columns)),
    [rows, order, layout.columns],
  );
  const highlights = useHighlights(text, visibleIds);

  // Handled by the listbox itself (they need its focus); declared so the keyboard map lists them.
  useKeyBindings({
    title: 'Grid',
    bindings: [
      { keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], label: 'Move between takes (with one open, open the next)' },
      { keys: ['PageUp', 'PageDown', 'Home', 'End'], label: 'Move a screen, to the first or last take' },
      { keys: ['Enter'], label: 'Open the take in the detail panel (Space too, while none is open)' },
      { keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'], label: 'Extend the selection' },
      { keys: ['Mod+Space'], label: 'Add or remove the take from the selection' },
      { keys: ['Mod+a'], label: 'Select every loaded take', run: () => selection.setAll(order), enabled: items.length > 0 },
      { keys: ['Escape'], label: 'Clear the selection', run: () => selection.clear(), enabled: selection.ids.length > 0 },
    ],
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!items.length) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / layout.rowHeight));
    const moves: Record<string, number> = {
      ArrowRight: activeIndex + 1,
      ArrowLeft: activeIndex - 1,
      ArrowDown: activeIndex + layout.columns,
      ArrowUp: activeIndex - layout.columns,
      PageDown: activeIndex + layout.columns * pageRows,
      PageUp: activeIndex - layout.columns * pageRows,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key === ' ' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      pick(activeIndex, 'toggle');
      return;
    }
    if (e.key === 'Enter' || (e.key === ' ' && !e.shiftKey)) {
      // Left unhandled, Space reaches the keymap: the open take's Play / pause.
      if (e.key === ' ' && openId !== null) return;
      e.preventDefault();
      pick(activeIndex);
      return;
    }
    const target = moves[e.key];
    if (target === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, target));
    if (!e.shiftKey && openId !== null) {
      // With a take open, the arrows walk the detail panel through the grid (as a viewer's
      // next/previous does): the take moved to is selected and shown, ready for Space, P, X, 1–5.
      pick(next);
      virtualizer.scrollToIndex(Math.floor(next / layout.columns), { align: 'auto' });
      return;
    }
    setActive(next);
    if (e.shiftKey) {
      // The anchor stays where the run began; the first Shift+arrow sets it at the active tile.
      if (!selection.ids.length) selection.selectRange(activeIndex, next, order);
      else selection.select(next, 'range', order);
    }
    virtualizer.scrollToIndex(Math.floor(next / layout.columns), { align: 'auto' });
  };

  // Point at the active tile only while it is rendered (scrolling by wheel can take it away).
  const activeCard = items[activeIndex];
  const activeRendered = rows.some((r) => r.index === Math.floor(activeIndex / layout.columns));
  return (
    <div
      ref={scrollRef}
      className="grid-scroll"
      role="listbox"
      aria-label="Renders"
      aria-multiselectable="true"
      // For the UI benchmark: the search these tiles answer, once they do (keystroke → grid).
      data-results-for={pages.current ? text : undefined}
      aria-busy={loading}
      aria-activedescendant={activeCard && activeRendered ? tileId(activeCard.id) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const start = row.index * layout.columns;
          return (
            <div
              key={row.key}
              role="presentation"
              className="grid-row"
              style={{
                transform: `translateY(${row.start}px)`,
                height: layout.rowHeight - TILE_GAP,
                gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
                columnGap: TILE_GAP,
                left: GRID_PADDING,
                right: GRID_PADDING,
              }}
            >
              {items.slice(start, start + layout.columns).map((card, i) => {
                const t = thumbsOf(card, thumbs);
                return (
                  <RenderTile
                    key={card.id}
                    card={card}
                    hasPoster={t.hasPoster}
                    spriteFrames={t.spriteFrames}
                    index={start + i}
                    setSize={total ?? -1}
                    selected={selection.has(card.id)}
                    active={start + i === activeIndex}
                    tileWidth={layout.tileWidth}
                    thumbHeight={layout.thumbHeight}
                    highlight={highlights.get(card.id)}
                    onPick={pick}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

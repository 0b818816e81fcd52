import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../client/client.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type FetchPage<T> = (cursor: string | null, limit: number) => Promise<Page<T>>;

export interface KeysetPages<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  /** Fetches the next page unless one is already on its way or there is none. */
  loadMore(): void;
  /** Fetches again from the start, as many items as are loaded now (the list changed). */
  refresh(): void;
  /** Whether `items` answer the current query (false while a new query's first page is on its way). */
  current: boolean;
}

export const PAGE_SIZE = 120;
/** The contract's largest page; a refresh of a longer list reloads this many and pages on. */
const MAX_PAGE = 500;

interface Loaded<T> {
  items: T[];
  cursor: string | null;
  done: boolean;
  error: string | null;
  /** The query (fetch function) the items answer. */
  source: FetchPage<T> | null;
}

/**
 * Keyset paging over a list call. A new `fetchPage` (memoise it on the query) starts again from
 * the first page; answers to a superseded query are dropped.
 */
export function useKeysetPages<T>(fetchPage: FetchPage<T>): KeysetPages<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ items: [], cursor: null, done: false, error: null, source: null });
  const [loading, setLoading] = useState(true);
  // The fetch functions read the list through this ref, so they never act on a stale render.
  const live = useRef(loaded);
  const generation = useRef(0);
  const busy = useRef(false);

  const commit = useCallback((next: Loaded<T>) => {
    live.current = next;
    setLoaded(next);
  }, []);

  const run = useCallback(
    async (mode: 'first' | 'more' | 'refresh') => {
      const current = live.current;
      if (mode === 'more' && (busy.current || current.done || current.error)) return;
      const gen = mode === 'more' ? generation.current : ++generation.current;
      busy.current = true;
      setLoading(true);
      try {
        const limit = mode === 'refresh' ? Math.min(MAX_PAGE, Math.max(PAGE_SIZE, current.items.length)) : PAGE_SIZE;
        const page = await fetchPage(mode === 'more' ? current.cursor : null, limit);
        if (gen !== generation.current) return;
        commit({
          items: mode === 'more' ? [...current.items, ...page.items] : page.items,
          cursor: page.nextCursor,
          done: page.nextCursor === null,
          error: null,
          source: fetchPage,
        });
      } catch (err) {
        if (gen === generation.current) commit({ ...live.current, error: errorMessage(err), source: fetchPage });
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [fetchPage, commit],
  );

  useEffect(() => {
    void run('first');
  }, [run]);

  const loadMore = useCallback(() => void run('more'), [run]);
  const refresh = useCallback(() => void run('refresh'), [run]);
  return { items: loaded.items, hasMore: !loaded.done, loading, error: loaded.error, loadMore, refresh, current: loaded.source === fetchPage };
}

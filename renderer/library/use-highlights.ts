import { useEffect, useRef, useState } from 'react';
import type { RenderHighlight } from '../../shared/channels/grid.js';
import { useClient } from '../client/client-context.js';

const DELAY_MS = 60;

/**
 * Highlights for the takes on screen, fetched once per id and search (a short delay lets a fling
 * through the grid settle first); kept while scrolling back and forth. One request on its way at
 * a time: while typing, the superseded ones would otherwise hold the host's connections and the
 * core's read thread ahead of the grid's next page; the newest is asked for once it lands.
 */
export function useHighlights(text: string, visibleIds: readonly number[]): ReadonlyMap<number, RenderHighlight> {
  const client = useClient();
  const [map, setMap] = useState<ReadonlyMap<number, RenderHighlight>>(new Map());
  const asked = useRef(new Set<number>());
  const busy = useRef(false);
  const waiting = useRef(false);
  const [retry, setRetry] = useState(0);
  const forText = useRef(text);
  if (forText.current !== text) {
    forText.current = text;
    asked.current = new Set();
  }
  useEffect(() => setMap(new Map()), [text]);
  const key = visibleIds.join(',');
  useEffect(() => {
    if (!text) return;
    if (busy.current) {
      waiting.current = true;
      return;
    }
    const want = visibleIds.filter((id) => !asked.current.has(id)).slice(0, 500);
    if (!want.length) return;
    const timer = setTimeout(() => {
      for (const id of want) asked.current.add(id);
      busy.current = true;
      const settled = () => {
        busy.current = false;
        if (waiting.current) {
          waiting.current = false;
          setRetry((n) => n + 1);
        }
      };
      client.call('renders.highlights', { text, ids: want }).finally(settled).then(
        (rows) => {
          if (forText.current !== text) return;
          setMap((cur) => {
            const next = new Map(cur);
            for (const r of rows) next.set(r.id, r);
            return next;
          });
        },
        () => {
          // No highlights is a plain grid; the search itself reports its own errors.
          for (const id of want) asked.current.delete(id);
        },
      );
    }, DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the ids' content
  }, [client, text, key, retry]);
  return map;
}

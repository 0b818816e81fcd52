import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreEvent } from '../../shared/events.js';
import { errorMessage } from './client.js';
import { useCoreEvents } from './client-context.js';

export interface LiveCall<T> {
  value: T | undefined;
  error: string | null;
}

export interface LiveCallOptions {
  /**
   * At most one request on its way: asking again meanwhile waits for it, and only the newest of
   * the asks made meanwhile is sent. For slow counts asked for at every keystroke (the grid's
   * total, the facets): a burst of superseded requests would otherwise hold the browser's few
   * connections to the host and the core's count thread, and the grid's own page waited behind them.
   */
  oneAtATime?: boolean;
}

/**
 * The result of one call, fetched again whenever `fetch` changes (memoise it on its inputs),
 * whenever an event passes `isStale`, and after a resync. Answers that arrive out of order are
 * dropped, so the newest request always wins.
 */
export function useLiveCall<T>(fetch: () => Promise<T>, isStale: (event: CoreEvent) => boolean, options: LiveCallOptions = {}): LiveCall<T> {
  const [state, setState] = useState<LiveCall<T>>({ value: undefined, error: null });
  const latest = useRef(0);
  const oneAtATime = options.oneAtATime === true;
  const busy = useRef(false);
  const queued = useRef(false);
  const mounted = useRef(true);
  const newestLoad = useRef<() => void>(() => {});

  const load = useCallback(() => {
    const ticket = ++latest.current;
    if (oneAtATime && busy.current) {
      // The answer on its way is now stale (its ticket is old); the newest ask goes when it lands.
      queued.current = true;
      return;
    }
    busy.current = true;
    fetch()
      .then(
        (value) => {
          if (ticket === latest.current) setState({ value, error: null });
        },
        (err: unknown) => {
          if (ticket === latest.current) setState((s) => ({ value: s.value, error: errorMessage(err) }));
        },
      )
      .finally(() => {
        busy.current = false;
        if (queued.current && mounted.current) {
          queued.current = false;
          newestLoad.current();
        }
      });
  }, [fetch, oneAtATime]);
  newestLoad.current = load;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(load, [load]);
  useCoreEvents((event) => {
    if (isStale(event)) load();
  }, load);
  return state;
}

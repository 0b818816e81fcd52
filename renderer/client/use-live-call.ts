import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoreEvent } from '../../shared/events.js';
import { errorMessage } from './client.js';
import { useCoreEvents } from './client-context.js';

export interface LiveCall<T> {
  value: T | undefined;
  error: string | null;
}

/**
 * The result of one call, fetched again whenever `fetch` changes (memoise it on its inputs),
 * whenever an event passes `isStale`, and after a resync. Answers that arrive out of order are
 * dropped, so the newest request always wins.
 */
export function useLiveCall<T>(fetch: () => Promise<T>, isStale: (event: CoreEvent) => boolean): LiveCall<T> {
  const [state, setState] = useState<LiveCall<T>>({ value: undefined, error: null });
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    fetch().then(
      (value) => {
        if (ticket === latest.current) setState({ value, error: null });
      },
      (err: unknown) => {
        if (ticket === latest.current) setState((s) => ({ value: s.value, error: errorMessage(err) }));
      },
    );
  }, [fetch]);

  useEffect(load, [load]);
  useCoreEvents((event) => {
    if (isStale(event)) load();
  }, load);
  return state;
}

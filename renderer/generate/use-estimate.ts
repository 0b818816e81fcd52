import { useEffect, useRef, useState } from 'react';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { EstimateResult } from '../../shared/jobs.js';
import { errorMessage } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';
import { useDebouncedValue } from '../library/use-debounced-value.js';

const ESTIMATE_DEBOUNCE_MS = 350;

export interface EstimateState {
  result: EstimateResult | null;
  error: string | null;
  /** True from an edit until the estimate for it arrives. */
  pending: boolean;
}

/**
 * jobs.estimate for the spec, once typing settles; answers for older specs are dropped. Asked
 * again when a price is edited in Settings, so an open form never shows a figure at old prices.
 */
export function useEstimate(spec: GenerationSpecInput | null): EstimateState {
  const client = useClient();
  const key = spec ? JSON.stringify(spec) : '';
  const settled = useDebouncedValue(key, ESTIMATE_DEBOUNCE_MS);
  const [state, setState] = useState<{ key: string; result: EstimateResult | null; error: string | null }>({
    key: '',
    result: null,
    error: null,
  });
  // The newest request's ticket: an answer to an older one (older spec or older prices) is dropped.
  const latest = useRef(0);
  const [pricesVersion, setPricesVersion] = useState(0);
  useCoreEvents((event) => {
    if (event.type === 'prices.changed') setPricesVersion((v) => v + 1);
  });

  useEffect(() => {
    if (!settled) return;
    void pricesVersion;
    const ticket = ++latest.current;
    const parsed = JSON.parse(settled) as GenerationSpecInput;
    client.call('jobs.estimate', { spec: parsed }).then(
      (result) => latest.current === ticket && setState({ key: settled, result, error: null }),
      (err: unknown) => latest.current === ticket && setState((s) => ({ key: settled, result: s.result, error: errorMessage(err) })),
    );
  }, [client, settled, pricesVersion]);

  return { result: state.result, error: state.error, pending: !!key && state.key !== key };
}

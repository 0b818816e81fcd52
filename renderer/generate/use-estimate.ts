import { useEffect, useRef, useState } from 'react';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { EstimateResult } from '../../shared/jobs.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import { useDebouncedValue } from '../library/use-debounced-value.js';

const ESTIMATE_DEBOUNCE_MS = 350;

export interface EstimateState {
  result: EstimateResult | null;
  error: string | null;
  /** True from an edit until the estimate for it arrives. */
  pending: boolean;
}

/** jobs.estimate for the spec, once typing settles; answers for older specs are dropped. */
export function useEstimate(spec: GenerationSpecInput | null): EstimateState {
  const client = useClient();
  const key = spec ? JSON.stringify(spec) : '';
  const settled = useDebouncedValue(key, ESTIMATE_DEBOUNCE_MS);
  const [state, setState] = useState<{ key: string; result: EstimateResult | null; error: string | null }>({
    key: '',
    result: null,
    error: null,
  });
  const latest = useRef('');

  useEffect(() => {
    if (!settled) return;
    latest.current = settled;
    const parsed = JSON.parse(settled) as GenerationSpecInput;
    client.call('jobs.estimate', { spec: parsed }).then(
      (result) => latest.current === settled && setState({ key: settled, result, error: null }),
      (err: unknown) => latest.current === settled && setState((s) => ({ key: settled, result: s.result, error: errorMessage(err) })),
    );
  }, [client, settled]);

  return { result: state.result, error: state.error, pending: !!key && state.key !== key };
}

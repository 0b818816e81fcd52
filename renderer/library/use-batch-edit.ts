import { useCallback, useState } from 'react';
import { MAX_EDIT_IDS } from '../../shared/grid-limits.js';
import { errorMessage } from '../client/client.js';
import { useClient } from '../client/client-context.js';
import type { BatchEdit } from './BatchBar.js';

/**
 * Applies an edit to takes in calls of at most MAX_EDIT_IDS (each one transaction), with
 * progress for a selection that needs several. A refused call stops the rest and says why.
 */
export function useBatchEdit() {
  const client = useClient();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (ids: readonly number[], edit: BatchEdit) => {
      if (!ids.length) return;
      setError(null);
      const total = ids.length;
      if (total > MAX_EDIT_IDS) setProgress({ done: 0, total });
      try {
        for (let i = 0; i < total; i += MAX_EDIT_IDS) {
          await client.call('renders.edit', { ids: ids.slice(i, i + MAX_EDIT_IDS), ...edit });
          if (total > MAX_EDIT_IDS) setProgress({ done: Math.min(total, i + MAX_EDIT_IDS), total });
        }
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setProgress(null);
      }
    },
    [client],
  );
  return { run, progress, error, dismiss: () => setError(null) };
}

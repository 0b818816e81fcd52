// What each model of one account can do (`providers.capabilities`): the form's options.
import { useCallback } from 'react';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { useClient } from '../client/client-context.js';
import { useLiveCall, type LiveCall } from '../client/use-live-call.js';

/** The models of one account; refetched after a resync (no event changes them while open). */
export function useModelCapabilities(accountId: string): LiveCall<{ models: ModelCapabilities[] }> {
  const client = useClient();
  const fetchModels = useCallback(() => client.call('providers.capabilities', { accountId }), [client, accountId]);
  return useLiveCall(fetchModels, () => false);
}

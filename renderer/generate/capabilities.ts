// What one model accepts, as the core reports it per account (`providers.capabilities`). The
// shape mirrors main/providers/types.ts ModelCapabilities, which the renderer cannot import.
import { useCallback } from 'react';
import { useClient } from '../client/client-context.js';
import { useLiveCall, type LiveCall } from '../client/use-live-call.js';
import { callGeneration } from '../jobs/job-channels.js';

export interface ModelCapabilities {
  model: string;
  label: string;
  taskTypes: readonly string[];
  durationsS: readonly number[];
  aspectRatios: readonly string[];
  modes: readonly string[];
  sound: boolean;
  /** Camera control types supported, per mode; empty when the model has none. */
  camera: Readonly<Record<string, readonly string[]>>;
  promptMax: number;
}

/** The models of one account; refetched after a resync. */
export function useModelCapabilities(accountId: string): LiveCall<{ models: ModelCapabilities[] }> {
  const client = useClient();
  const fetchModels = useCallback(
    () => callGeneration(client, 'providers.capabilities', { accountId }),
    [client, accountId],
  );
  return useLiveCall(fetchModels, () => false);
}

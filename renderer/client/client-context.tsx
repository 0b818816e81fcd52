import { createContext, useContext, useEffect, useEffectEvent, type ReactNode } from 'react';
import type { CoreEvent } from '../../shared/events.js';
import type { DailiesClient } from './client.js';

const ClientContext = createContext<DailiesClient | null>(null);

export function ClientProvider({ client, children }: { client: DailiesClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): DailiesClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientProvider> above it');
  return client;
}

/**
 * Runs `onEvent` for every core event and `onResync` when events may have been missed. The
 * latest callbacks are used without resubscribing, so callers can pass inline functions.
 */
export function useCoreEvents(onEvent: (event: CoreEvent) => void, onResync?: () => void): void {
  const client = useClient();
  const handleEvent = useEffectEvent(onEvent);
  const handleResync = useEffectEvent(() => onResync?.());
  useEffect(() => {
    const offEvent = client.onEvent((event) => handleEvent(event));
    const offResync = client.onResync(() => handleResync());
    return () => {
      offEvent();
      offResync();
    };
  }, [client]);
}

// Which takes' files are missing (catalogued in place, then deleted or moved away). The grid's
// cards do not carry the flag, so the set comes from `assets.missing` and stays current through
// the `assets.missing` event; tiles subscribe per hash, so a change re-renders only their tiles.
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { DailiesClient } from '../client/client.js';
import { useClient, useCoreEvents } from '../client/client-context.js';

class MissingSet {
  private shas = new Set<string>();
  private readonly listeners = new Set<() => void>();

  has = (sha256: string): boolean => this.shas.has(sha256);

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  replace(shas: string[]): void {
    this.shas = new Set(shas);
    this.notify();
  }

  mark(shas: string[], missing: boolean): void {
    const next = new Set(this.shas);
    for (const sha of shas) {
      if (missing) next.add(sha);
      else next.delete(sha);
    }
    this.shas = next;
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

const MissingContext = createContext<MissingSet | null>(null);

function load(client: DailiesClient, set: MissingSet): void {
  client.call('assets.missing', {}).then(
    ({ sha256s }) => set.replace(sha256s),
    () => {
      // Without the list no tile is badged; the next event or resync tries again.
    },
  );
}

export function MissingAssetsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const set = useMemo(() => new MissingSet(), []);
  useEffect(() => load(client, set), [client, set]);
  useCoreEvents(
    (e) => {
      if (e.type === 'assets.missing') set.mark(e.sha256s, e.missing);
    },
    () => load(client, set),
  );
  return <MissingContext.Provider value={set}>{children}</MissingContext.Provider>;
}

/** Whether the file with this content is missing; false outside a provider. */
export function useIsMissing(sha256: string): boolean {
  const set = useContext(MissingContext);
  return useSyncExternalStore(
    set?.subscribe ?? noSubscribe,
    () => set?.has(sha256) ?? false,
  );
}

const noSubscribe = () => () => {};

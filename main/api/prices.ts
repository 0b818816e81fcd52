// Settings → Providers → Prices: read a provider's effective table, set one price, reset to the
// built-in figures. Every window's open estimate is refreshed by the prices.changed event.
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { priceTable, resetPrice, setPrice } from '../catalogue/prices.js';

export function priceHandlers(core: Core): DomainHandlers {
  const changed = (provider: string) => {
    core.emit({ type: 'prices.changed', provider });
    return priceTable(core.db, provider);
  };
  return {
    'prices.table': ({ provider }) => priceTable(core.db, provider),
    'prices.set': ({ provider, path, price }) => {
      setPrice(core.db, provider, path, price);
      return changed(provider);
    },
    'prices.reset': ({ provider, path }) => {
      resetPrice(core.db, provider, path ?? null);
      return changed(provider);
    },
  };
}

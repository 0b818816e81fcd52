// The effective price tables: each provider's built-in table (shared/pricing) with the user's
// own prices from price_overrides in place. Every estimate — the form's, the edit dialogs', the
// budget check and the ledger's estimate row at submit — is computed on this table, read at that
// moment; a charge already recorded keeps the figure it was booked with.
import type { Db } from './open.js';
import { ContractError } from '../../shared/errors.js';
import { pricingOf } from '../../shared/pricing/index.js';
import {
  isEditablePrice, MAX_PRICE, pathKey, priceAt, priceRows, tracePrices, withOverrides,
  type PriceOverride, type PriceTableView, type PriceUsed, type ProviderPricing,
} from '../../shared/pricing/table.js';

function requirePricing(provider: string): ProviderPricing {
  const pricing = pricingOf(provider);
  if (!pricing) throw new ContractError('validation', `No price table for provider "${provider}".`, [{ field: 'provider', message: 'unknown provider' }]);
  return pricing;
}

function overridesOf(db: Db, provider: string): PriceOverride[] {
  const rows = db.prepare('SELECT path, price FROM price_overrides WHERE provider = ?').all(provider) as { path: string; price: number }[];
  return rows.map((r) => ({ path: JSON.parse(r.path) as string[], price: r.price }));
}

/** The provider's table as Settings shows it: each editable price, built-in and in use. */
export function priceTable(db: Db, provider: string): PriceTableView {
  return { provider, rows: priceRows(requirePricing(provider), overridesOf(db, provider)) };
}

/**
 * Sets one price. The contract already refuses unknown rows and bad numbers; the core checks
 * again so that no other caller (CLI, a future channel) can store a price the estimate would
 * silently ignore or a figure that is not a price.
 */
export function setPrice(db: Db, provider: string, path: readonly string[], price: number): void {
  const pricing = requirePricing(provider);
  if (!isEditablePrice(pricing, path)) {
    throw new ContractError('validation', `"${path.join(' / ')}" is not a price in the ${provider} table.`, [{ field: 'path', message: 'not a price in this table' }]);
  }
  if (!Number.isFinite(price) || price < 0 || price > MAX_PRICE) {
    throw new ContractError('validation', `A price must be a number from 0 to ${MAX_PRICE}.`, [{ field: 'price', message: `must be from 0 to ${MAX_PRICE}` }]);
  }
  db.prepare(
    `INSERT INTO price_overrides (provider, path, price, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(provider, path) DO UPDATE SET price = excluded.price, updated_at = excluded.updated_at`,
  ).run(provider, pathKey(path), price, Date.now());
}

/** Back to the built-in price: one row, or (no path) the provider's whole table. */
export function resetPrice(db: Db, provider: string, path: readonly string[] | null): void {
  requirePricing(provider);
  if (path) db.prepare('DELETE FROM price_overrides WHERE provider = ? AND path = ?').run(provider, pathKey(path));
  else db.prepare('DELETE FROM price_overrides WHERE provider = ?').run(provider);
}

/**
 * Runs an estimate on the provider's effective table and says which prices it read. A provider
 * without a table (none today) estimates on an empty one, i.e. "no estimate".
 */
export function estimateWithPrices(db: Db, provider: string, estimate: (prices: object) => number): { credits: number; prices: PriceUsed[] } {
  const pricing = pricingOf(provider);
  if (!pricing) return { credits: estimate({}), prices: [] };
  const overrides = overridesOf(db, provider);
  const mine = new Set(overrides.map((o) => pathKey(o.path)));
  const table = withOverrides(pricing, overrides);
  const traced = tracePrices(table);
  const credits = estimate(traced.table);
  const prices = traced.used.flatMap((path): PriceUsed[] => {
    const label = pricing.describe(path);
    const price = priceAt(table, path);
    return label && price !== undefined ? [{ ...label, path, price, overridden: mine.has(pathKey(path)) }] : [];
  });
  return { credits, prices };
}

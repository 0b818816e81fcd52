// Channels for the price tables estimates use (Settings → Providers → Prices). Each provider's
// built-in table lives in shared/pricing/<provider>.ts; the user may set any of its prices and
// reset them to the built-in figure. Only a known row of a known table, and only a finite,
// non-negative number, gets through.
import { z } from 'zod';
import { PRICED_PROVIDERS, pricingOf } from '../pricing/index.js';
import { isEditablePrice, MAX_PRICE, type PriceTableView } from '../pricing/table.js';
import { channel } from './channel.js';

const Provider = z.enum(PRICED_PROVIDERS, { message: `one of ${PRICED_PROVIDERS.join(', ')}` });
const PricePath = z.array(z.string().min(1).max(64)).min(1).max(6);

/** The path must name an editable price of that provider's table (checked after the shape). */
function knownRow(v: { provider: string; path?: string[] | undefined }, ctx: z.RefinementCtx): void {
  const pricing = pricingOf(v.provider);
  // An unknown provider or an empty path already has its own issue.
  if (pricing && v.path?.length && !isEditablePrice(pricing, v.path)) {
    ctx.addIssue({ code: 'custom', path: ['path'], message: `not a price in the ${v.provider} table: ${v.path.join(' / ')}` });
  }
}

export const priceChannels = {
  /** The provider's price table: every editable price, its built-in figure and the one in use. */
  'prices.table': channel(z.object({ provider: Provider }).strict()).returns<PriceTableView>(),
  /** Sets one price; the next estimate (and the next submit's ledger row) uses it. */
  'prices.set': channel(
    z.object({
      provider: Provider,
      path: PricePath,
      price: z
        .number({ message: 'a number' })
        .finite('a finite number')
        .min(0, 'cannot be negative')
        .max(MAX_PRICE, `at most ${MAX_PRICE.toLocaleString('en-US')}`),
    }).strict().superRefine(knownRow),
  ).returns<PriceTableView>(),
  /** Back to the built-in price: one row (path), or the whole table (no path). */
  'prices.reset': channel(z.object({ provider: Provider, path: PricePath.optional() }).strict().superRefine(knownRow)).returns<PriceTableView>(),
};

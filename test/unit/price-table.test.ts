// The price-table helpers every provider's table goes through (shared/pricing/table.ts).
import { describe, expect, it } from 'vitest';
import { PRICING } from '../../shared/pricing/index.js';
import { estimateKlingCredits, KLING_PRICES, KLING_PRICING } from '../../shared/pricing/kling.js';
import { priceLeaves, priceRows, tracePrices, withOverrides } from '../../shared/pricing/table.js';

describe('price tables', () => {
  it('offers every number in every table for editing, except the currency conversions that price nothing', () => {
    for (const [provider, pricing] of Object.entries(PRICING)) {
      const notOffered = priceLeaves(pricing.table).filter((l) => pricing.describe(l.path) === null).map((l) => l.path.join('.'));
      expect(notOffered.every((p) => p === 'usdPerUnit' || p === 'usdPerCredit'), `${provider}: ${notOffered.join(', ')}`).toBe(true);
      // Every row is labelled with a model and a unit, and rows are told apart by their labels.
      const rows = priceRows(pricing, []);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.model && r.unit)).toBe(true);
      expect(new Set(rows.map((r) => `${r.model}|${r.option}|${r.unit}`)).size, provider).toBe(rows.length);
    }
  });

  it('applies your prices to a copy, never to the built-in table, and ignores rows that no longer exist', () => {
    const mine = withOverrides(KLING_PRICING, [
      { path: ['models', 'kling-v1', 'per5s', 'std'], price: 9 },
      { path: ['models', 'kling-v0', 'per5s', 'std'], price: 7 },
      { path: ['usdPerUnit'], price: 5 },
    ]);
    expect(mine.models['kling-v1']!.per5s.std).toBe(9);
    expect(mine.models['kling-v0']).toBeUndefined();
    expect(mine.usdPerUnit).toBe(KLING_PRICES.usdPerUnit);
    expect(KLING_PRICES.models['kling-v1']!.per5s.std).toBe(1);
  });

  it('tells which prices an estimate read', () => {
    const traced = tracePrices(KLING_PRICES);
    const credits = estimateKlingCredits({ model: 'kling-v2-6', mode: 'pro', durationS: 10, taskType: 'text_to_video', sound: true }, traced.table);
    expect(credits).toBe(10);
    expect(traced.used).toEqual([['models', 'kling-v2-6', 'per5s', 'pro'], ['soundMultiplier']]);
  });
});

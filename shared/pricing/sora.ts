// Sora 2 (OpenAI video API) estimates. OpenAI bills in US dollars per second of video; Dailies
// books Sora "credits" as dollars.
//
// APPROXIMATE: providers.md marks the figures (?) (sora-2 $0.10/s, sora-2-pro $0.30–0.50/s: the
// higher figure for its larger sizes). The API reports no charge per video, so the estimate is
// also what the ledger books as actual. Plain data so Settings can let a user correct it.

import type { ProviderPricing } from './table.js';

export interface SoraPriceTable {
  approximate: true;
  currency: 'USD';
  /** Dollars per second, by model and size ("1280x720"); `default` for a size not listed. */
  perSecond: Record<string, Record<string, number>>;
}

export const SORA_PRICES: SoraPriceTable = {
  approximate: true,
  currency: 'USD',
  perSecond: {
    'sora-2': { default: 0.1 },
    'sora-2-pro': { default: 0.3, '1792x1024': 0.5, '1024x1792': 0.5 },
  },
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const SORA_PRICING: ProviderPricing<SoraPriceTable> = {
  table: SORA_PRICES,
  describe: (path) =>
    path.length === 3 && path[0] === 'perSecond'
      ? { model: path[1]!, option: path[2] === 'default' ? 'other sizes' : path[2]!, unit: '$ per second' }
      : null,
};

export interface SoraEstimateInput {
  model: string;
  durationS: number;
  size: string;
}

/** Dollars for one video (a remix is billed like a new video of its length); 0 for an unknown model. */
export function estimateSoraCredits(input: SoraEstimateInput, table: SoraPriceTable = SORA_PRICES): number {
  const rates = table.perSecond[input.model];
  if (!rates) return 0;
  const rate = rates[input.size] ?? rates.default ?? 0;
  return Math.round(rate * Math.max(0, input.durationS) * 100) / 100;
}

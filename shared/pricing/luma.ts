// Luma Dream Machine estimates, in US dollars. Luma is not in providers.md's price notes: these
// figures are APPROXIMATE third-party numbers, per second at 720p with a multiplier per
// resolution. The Luma API reports no charge per generation, so the estimate is also what the
// ledger books as actual; GET /credits gives the account's real balance. Plain data so
// Settings can let a user correct it.

import type { ProviderPricing } from './table.js';

export interface LumaPriceTable {
  approximate: true;
  currency: 'USD';
  /** Dollars per second at 720p, by model. */
  perSecond720p: Record<string, number>;
  resolutionFactor: Record<string, number>;
}

export const LUMA_PRICES: LumaPriceTable = {
  approximate: true,
  currency: 'USD',
  perSecond720p: { 'ray-2': 0.18, 'ray-flash-2': 0.06 },
  resolutionFactor: { '540p': 0.5, '720p': 1, '1080p': 2.25, '4k': 9 },
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const LUMA_PRICING: ProviderPricing<LumaPriceTable> = {
  table: LUMA_PRICES,
  describe: (path) => {
    if (path.length === 2 && path[0] === 'perSecond720p') return { model: path[1]!, option: '720p', unit: '$ per second' };
    if (path.length === 2 && path[0] === 'resolutionFactor') return { model: 'All models', option: path[1]!, unit: '× the 720p price' };
    return null;
  },
};

export interface LumaEstimateInput {
  model: string;
  durationS: number;
  resolution?: string | undefined;
}

/** Dollars for one generation (an extension is billed like a new clip of its length); 0 for an unknown model. */
export function estimateLumaCredits(input: LumaEstimateInput, table: LumaPriceTable = LUMA_PRICES): number {
  const rate = table.perSecond720p[input.model];
  if (rate === undefined) return 0;
  const factor = table.resolutionFactor[input.resolution ?? '720p'] ?? 1;
  return Math.round(rate * factor * Math.max(0, input.durationS) * 100) / 100;
}

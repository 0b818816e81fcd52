// Pika (through fal.ai) estimates. fal bills in US dollars per clip, so a "credit" here is one dollar.
//
// APPROXIMATE: providers.md gives no Pika prices; these are fal's listed prices as third parties
// copy them (720p 5 s ≈ $0.20, 1080p 5 s ≈ $0.45; 10 s twice that). fal reports no per-request
// charge, so the estimate is also what the ledger books; Settings can correct the table.

import type { ProviderPricing } from './table.js';

export interface PikaPriceTable {
  approximate: true;
  usdPerCredit: 1;
  /** model → resolution → dollars for a 5-second clip. */
  per5s: Record<string, Record<string, number>>;
}

export const PIKA_PRICES: PikaPriceTable = {
  approximate: true,
  usdPerCredit: 1,
  per5s: {
    'pika-v2.5': { '720p': 0.2, '1080p': 0.45 },
    'pika-v2.2': { '720p': 0.2, '1080p': 0.45 },
  },
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const PIKA_PRICING: ProviderPricing<PikaPriceTable> = {
  table: PIKA_PRICES,
  describe: (path) =>
    path.length === 3 && path[0] === 'per5s' ? { model: path[1]!, option: path[2]!, unit: '$ per 5 s' } : null,
};

export interface PikaEstimateInput {
  model: string;
  durationS: number;
  resolution?: string | undefined;
}

/** fal's default resolution (720p) stands in when none was chosen. */
export function estimatePikaCredits(input: PikaEstimateInput, table: PikaPriceTable = PIKA_PRICES): number {
  const price = table.per5s[input.model]?.[input.resolution ?? '720p'];
  if (price === undefined) return 0;
  return Math.round(((price * Math.max(0, input.durationS)) / 5) * 100) / 100;
}

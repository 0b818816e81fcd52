// Veo (Gemini API) estimates, shown before a submit and written as the ledger's "estimate" row.
// Veo bills in US dollars per second of video; Dailies books Veo "credits" as dollars.
//
// APPROXIMATE: providers.md marks the figures (?) ($0.40/s standard, $0.15/s fast). The Gemini
// API reports no charge per task, so the estimate is also what the ledger books as actual.
// Plain data so Settings can let a user correct it.

import type { ProviderPricing } from './table.js';

export interface VeoPriceTable {
  approximate: true;
  currency: 'USD';
  /** Dollars per second of output video, by model. */
  perSecond: Record<string, number>;
}

export const VEO_PRICES: VeoPriceTable = {
  approximate: true,
  currency: 'USD',
  perSecond: {
    'veo-3.1-generate-preview': 0.4,
    'veo-3.1-fast-generate-preview': 0.15,
    'veo-3.0-generate-001': 0.4,
    'veo-3.0-fast-generate-001': 0.15,
  },
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const VEO_PRICING: ProviderPricing<VeoPriceTable> = {
  table: VEO_PRICES,
  describe: (path) =>
    path.length === 2 && path[0] === 'perSecond' ? { model: path[1]!, option: '', unit: '$ per second' } : null,
};

/** Seconds a task produces: an extension adds 7 s; everything else is the requested length. */
export const VEO_EXTENSION_S = 7;

export interface VeoEstimateInput {
  model: string;
  durationS: number;
  taskType: string;
}

/** Dollars for one task; 0 ("no estimate") for an unknown model. */
export function estimateVeoCredits(input: VeoEstimateInput, table: VeoPriceTable = VEO_PRICES): number {
  const rate = table.perSecond[input.model];
  if (rate === undefined) return 0;
  const seconds = input.taskType === 'extend' ? VEO_EXTENSION_S : Math.max(0, input.durationS);
  return Math.round(rate * seconds * 100) / 100;
}

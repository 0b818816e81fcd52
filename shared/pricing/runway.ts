// Runway credit estimates (shown before a submit, written as the ledger's estimate row).
//
// APPROXIMATE: providers.md marks Runway's prices (?): $0.01 a credit, gen4_turbo 5 credits a
// second. The other rates are from Runway's public price page as third parties copy it. Runway's
// own truth is the drop in the organization's creditBalance; the table is plain data so Settings
// can let a user correct it.

import type { ProviderPricing } from './table.js';

export interface RunwayModelPrice {
  creditsPerSecond: number;
  /** Rate when the clip has generated sound, for models that make it. */
  creditsPerSecondWithAudio?: number;
}

export interface RunwayPriceTable {
  approximate: true;
  usdPerCredit: number;
  models: Record<string, RunwayModelPrice>;
}

export const RUNWAY_PRICES: RunwayPriceTable = {
  approximate: true,
  usdPerCredit: 0.01,
  models: {
    gen4_turbo: { creditsPerSecond: 5 },
    gen4_aleph: { creditsPerSecond: 15 },
    'veo3.1_fast': { creditsPerSecond: 10, creditsPerSecondWithAudio: 15 },
  },
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const RUNWAY_PRICING: ProviderPricing<RunwayPriceTable> = {
  table: RUNWAY_PRICES,
  describe: (path) => {
    if (path.length !== 3 || path[0] !== 'models') return null; // usdPerCredit converts; it prices nothing
    if (path[2] === 'creditsPerSecond') return { model: path[1]!, option: '', unit: 'credits per second' };
    if (path[2] === 'creditsPerSecondWithAudio') return { model: path[1]!, option: 'with audio', unit: 'credits per second' };
    return null;
  },
};

export interface RunwayEstimateInput {
  model: string;
  durationS: number;
  sound?: boolean;
}

/** Credits for one task; an unknown model estimates 0 ("no estimate") rather than throwing. */
export function estimateRunwayCredits(input: RunwayEstimateInput, table: RunwayPriceTable = RUNWAY_PRICES): number {
  const price = table.models[input.model];
  if (!price) return 0;
  const rate = input.sound && price.creditsPerSecondWithAudio !== undefined ? price.creditsPerSecondWithAudio : price.creditsPerSecond;
  return Math.round(rate * Math.max(0, input.durationS) * 100) / 100;
}

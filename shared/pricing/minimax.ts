// MiniMax Hailuo estimates. MiniMax bills pay-as-you-go accounts in US dollars per clip, by model,
// resolution and length, so a "credit" here is one dollar.
//
// APPROXIMATE: providers.md gives no MiniMax prices; these are MiniMax's public list prices as
// third parties copy them (Hailuo-02 768P 6 s ≈ $0.28). MiniMax reports no per-task charge, so
// the estimate is also what the ledger books; the table is plain data so Settings can correct it.

import type { ProviderPricing } from './table.js';

export interface MinimaxPriceTable {
  approximate: true;
  usdPerCredit: 1;
  /** model → resolution → duration (s) → dollars per clip. */
  clips: Record<string, Record<string, Record<number, number>>>;
}

export const MINIMAX_PRICES: MinimaxPriceTable = {
  approximate: true,
  usdPerCredit: 1,
  clips: {
    'MiniMax-Hailuo-02': { '768P': { 6: 0.28, 10: 0.56 }, '1080P': { 6: 0.49 } },
    'MiniMax-Hailuo-2.3': { '768P': { 6: 0.28, 10: 0.56 }, '1080P': { 6: 0.49 } },
    'S2V-01': { '720P': { 6: 0.65 } },
  },
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const MINIMAX_PRICING: ProviderPricing<MinimaxPriceTable> = {
  table: MINIMAX_PRICES,
  describe: (path) =>
    path.length === 4 && path[0] === 'clips' ? { model: path[1]!, option: `${path[2]!}, ${path[3]!} s`, unit: '$ per clip' } : null,
};

export interface MinimaxEstimateInput {
  model: string;
  durationS: number;
  resolution?: string | undefined;
}

/** The model's first listed resolution stands in when none was chosen (MiniMax's default). */
export function estimateMinimaxCredits(input: MinimaxEstimateInput, table: MinimaxPriceTable = MINIMAX_PRICES): number {
  const byRes = table.clips[input.model];
  if (!byRes) return 0;
  const res = input.resolution ?? Object.keys(byRes)[0];
  return (res !== undefined ? byRes[res]?.[input.durationS] : undefined) ?? 0;
}

// Kling credit estimates, shown before a submit and written as the ledger's "estimate" row.
// Pure data + arithmetic so the renderer can show the same number the core records.
//
// APPROXIMATE: the figures come from third-party price lists (providers.md marks them (?)).
// Kling's own truth is the task's `final_unit_deduction`, which the ledger records as the
// actual charge; the estimate only has to be close enough to warn about budgets. The table is
// plain data so Settings can let a user correct it.
//
// Units are Kling credits ("units"); 1 unit ≈ $0.14 (approximate).

import type { ProviderPricing } from './table.js';

export interface KlingModelPrice {
  /** Credits for a 5-second clip, per mode; absent when the model does not offer the mode. */
  per5s: Partial<Record<'std' | 'pro', number>>;
}

export interface KlingPriceTable {
  approximate: true;
  usdPerUnit: number;
  models: Record<string, KlingModelPrice>;
  /** Lip sync is billed by clip length, not model: credits per started 5 s of video. */
  lipSyncPer5s: number;
  /** Native audio (v2.6 `sound: on`) multiplies the clip price. */
  soundMultiplier: number;
}

export const KLING_PRICES: KlingPriceTable = {
  approximate: true,
  usdPerUnit: 0.14,
  models: {
    'kling-v1': { per5s: { std: 1, pro: 3.5 } },
    'kling-v1-6': { per5s: { std: 2, pro: 3.5 } },
    'kling-v2-master': { per5s: { std: 10, pro: 10 } },
    'kling-v2-1-master': { per5s: { std: 10, pro: 10 } },
    'kling-v2-5-turbo': { per5s: { std: 1.5, pro: 2.5 } },
    'kling-v2-6': { per5s: { std: 1.5, pro: 2.5 } },
    // "v3 / O1 ≈ 0.6–1.2 unit/s": about 0.6/s std and 0.8/s pro.
    'kling-video-o1': { per5s: { std: 3, pro: 4 } },
  },
  lipSyncPer5s: 0.5,
  soundMultiplier: 2,
};

/** The rows Settings offers for editing, labelled; the estimate reads the table as given. */
export const KLING_PRICING: ProviderPricing<KlingPriceTable> = {
  table: KLING_PRICES,
  describe: (path) => {
    if (path.length === 4 && path[0] === 'models' && path[2] === 'per5s') return { model: path[1]!, option: path[3]!, unit: 'credits per 5 s' };
    if (path.length === 1 && path[0] === 'lipSyncPer5s') return { model: 'Lip sync', option: '', unit: 'credits per started 5 s' };
    if (path.length === 1 && path[0] === 'soundMultiplier') return { model: 'Native audio (sound on)', option: '', unit: '× the clip price' };
    return null; // usdPerUnit converts for display; it prices nothing
  },
};

export interface KlingEstimateInput {
  model: string;
  mode: 'std' | 'pro';
  durationS: number;
  taskType: string;
  sound?: boolean;
}

/**
 * Estimated credits for one task. Extensions are billed like one ~5 s clip of the model; lip
 * sync per started 5 s; everything else scales linearly with duration (10 s = twice 5 s). An unknown
 * model or mode estimates 0 rather than throwing: the UI shows "no estimate", and the actual
 * charge still arrives from the provider.
 */
export function estimateKlingCredits(input: KlingEstimateInput, table: KlingPriceTable = KLING_PRICES): number {
  const seconds = input.taskType === 'extend' ? 5 : Math.max(0, input.durationS);
  if (input.taskType === 'lip_sync') return round2(table.lipSyncPer5s * Math.max(1, Math.ceil(seconds / 5)));
  const price = table.models[input.model]?.per5s[input.mode];
  if (price === undefined) return 0;
  const clip = (price * seconds) / 5;
  return round2(input.sound ? clip * table.soundMultiplier : clip);
}

export function klingCreditsToUsd(credits: number, table: KlingPriceTable = KLING_PRICES): number {
  return round2(credits * table.usdPerUnit);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

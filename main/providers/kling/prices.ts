// The adapter's estimate is the shared table's (shared/pricing/kling.ts), so the form's number
// and the ledger's estimate row can never disagree.
import type { GenerationSpecParsed } from '../../../shared/generation.js';
import { estimateKlingCredits, KLING_PRICES, type KlingPriceTable } from '../../../shared/pricing/kling.js';

export function estimateKling(spec: GenerationSpecParsed, table: KlingPriceTable = KLING_PRICES): number {
  // O1 edits are billed as O1 generations of the source's length; the spec's duration stands in.
  return estimateKlingCredits({ model: spec.model, mode: spec.mode, durationS: spec.durationS, taskType: spec.taskType, sound: spec.sound === true }, table);
}

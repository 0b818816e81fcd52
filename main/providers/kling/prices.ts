// The adapter's estimate is the shared table's arithmetic (shared/pricing/kling.ts), run on the
// table the core hands it (built-in prices with the user's own), so the form's number and the
// ledger's estimate row can never disagree.
import type { GenerationSpecParsed } from '../../../shared/generation.js';
import { estimateKlingCredits, type KlingPriceTable } from '../../../shared/pricing/kling.js';

export function estimateKling(spec: GenerationSpecParsed, table: KlingPriceTable): number {
  // O1 edits are billed as O1 generations of the source's length; the spec's duration stands in.
  return estimateKlingCredits({ model: spec.model, mode: spec.mode, durationS: spec.durationS, taskType: spec.taskType, sound: spec.sound === true }, table);
}

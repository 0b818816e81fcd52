// SQL for a numeric interval filter (cost, date added, duration), as bound parameters.
import type { NumRange } from './query-syntax.js';

export type { NumRange };

const OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `col > @cost_gt AND col <= @cost_lte …` for the bounds present; none for an absent range. */
export function rangeClauses(col: string, name: string, range: NumRange | undefined, params: Record<string, unknown>): string[] {
  if (!range) return [];
  const out: string[] = [];
  for (const key of Object.keys(OPS) as Array<keyof typeof OPS>) {
    const v = range[key];
    if (v === undefined) continue;
    out.push(`${col} ${OPS[key]} @${name}_${key}`);
    params[`${name}_${key}`] = v;
  }
  return out;
}

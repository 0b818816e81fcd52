// The cost report: one row per take in order, then a total. Cells that a spreadsheet would run as
// a formula (starting with = + - @) are prefixed with a quote, so a prompt cannot become one.
import type { HandoffTimeline } from './clips.js';

const cell = (v: string | number | null): string => {
  let s = v === null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_COLUMNS = ['order', 'shot', 'take', 'reel', 'provider', 'model', 'task_type', 'duration_s', 'fps', 'cost_credits', 'rating', 'prompt', 'sha256'] as const;

export function csvText(t: HandoffTimeline): string {
  const rows = [CSV_COLUMNS.join(',')];
  t.clips.forEach((c, i) => {
    rows.push([
      i + 1, c.shot, c.name, c.reel, c.provider, c.model, c.taskType, (c.durationMs / 1000).toFixed(3), Number(c.fps.toFixed(3)),
      c.costCredits, c.rating, c.prompt, c.sha256,
    ].map(cell).join(','));
  });
  rows.push(['total', '', '', '', '', '', '', (t.clips.reduce((n, c) => n + c.durationMs, 0) / 1000).toFixed(3), '', t.clips.reduce((n, c) => n + c.costCredits, 0), '', '', ''].map(cell).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

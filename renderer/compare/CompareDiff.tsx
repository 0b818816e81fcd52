// The takes' prompts and parameters side by side, rows that differ highlighted (and, with
// "Only differences", the others hidden); prompt words that differ are marked.
import { useState } from 'react';
import type { ReviewDetail } from '../../shared/review.js';
import { formatCredits, formatDuration, formatFps, formatResolution } from '../library/format.js';
import { parameterValues } from '../detail/ParametersSection.js';
import { wordDiff } from './word-diff.js';

interface Row {
  label: string;
  values: string[];
  prompt?: boolean;
}

const show = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function diffRows(details: ReviewDetail[]): Row[] {
  const rows: Row[] = [
    { label: 'Prompt', values: details.map((d) => d.prompt?.text ?? ''), prompt: true },
    { label: 'Negative prompt', values: details.map((d) => d.prompt?.negative ?? ''), prompt: true },
    { label: 'Provider', values: details.map((d) => show(d.provider)) },
    { label: 'Model', values: details.map((d) => show(d.model)) },
    { label: 'Task', values: details.map((d) => show(d.taskType)) },
    { label: 'Project', values: details.map((d) => show(d.project?.name)) },
    { label: 'Shot', values: details.map((d) => show(d.shot?.name)) },
    { label: 'Duration', values: details.map((d) => formatDuration(d.asset.durationMs)) },
    { label: 'Resolution', values: details.map((d) => formatResolution(d.asset.width, d.asset.height)) },
    { label: 'Frame rate', values: details.map((d) => formatFps(d.asset.fps)) },
    { label: 'Credits', values: details.map((d) => formatCredits(d.costCredits)) },
  ];
  const keyed = (pick: (d: ReviewDetail) => Record<string, unknown>, prefix: string) => {
    const keys = [...new Set(details.flatMap((d) => Object.keys(pick(d))))].sort();
    for (const k of keys) rows.push({ label: `${prefix}${k}`, values: details.map((d) => show(pick(d)[k])) });
  };
  keyed((d) => d.promptFields, 'field: ');
  keyed(parameterValues, '');
  return rows;
}

const differs = (row: Row) => row.values.some((v) => v !== row.values[0]);

export function CompareDiff({ details, letters }: { details: ReviewDetail[]; letters: string[] }) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const rows = diffRows(details);
  const count = rows.filter(differs).length;
  return (
    <section className="compare-diff" aria-label="Differences">
      <div className="compare-diff-head">
        <h2>Prompt and parameters</h2>
        <span className="muted" role="status">{count === 0 ? 'Identical prompt and parameters' : `${count} differ${count === 1 ? 's' : ''}`}</span>
        <label className="compare-only-diff">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.currentTarget.checked)} /> Only differences
        </label>
      </div>
      <table className="diff-table" aria-label="Prompt and parameters">
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">Field</span></th>
            {details.map((d, i) => (
              <th key={d.id} scope="col" title={d.title}>{letters[i]}: {d.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.filter((r) => !onlyDiff || differs(r)).map((row) => {
            const diff = differs(row);
            return (
              <tr key={row.label} data-differs={diff} className={diff ? 'differs' : undefined}>
                <th scope="row">
                  {row.label}
                  {diff && <span className="visually-hidden"> (differs)</span>}
                </th>
                {row.values.map((v, i) => (
                  <td key={i} className={row.prompt ? 'prompt-text' : 'mono breakable'}>
                    {row.prompt && diff ? <PromptDiff text={v} others={row.values.filter((_, j) => j !== i)} /> : row.prompt ? v || '—' : v}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Marks the words of `text` that at least one other take's prompt does not have. */
function PromptDiff({ text, others }: { text: string; others: string[] }) {
  if (!text) return <>—</>;
  // A word is unchanged only if every other prompt keeps it: diff against each, mark the union.
  const diffs = others.map((o) => wordDiff(text, o));
  const flags: boolean[] = [];
  for (const parts of diffs) {
    let pos = 0;
    for (const p of parts) {
      for (let k = 0; k < p.text.length; k++) flags[pos + k] = (flags[pos + k] ?? false) || p.changed;
      pos += p.text.length;
    }
  }
  const runs: { text: string; changed: boolean }[] = [];
  for (let k = 0; k < text.length; k++) {
    const changed = flags[k] ?? false;
    const last = runs.at(-1);
    if (last && last.changed === changed) last.text += text[k];
    else runs.push({ text: text[k]!, changed });
  }
  return <>{runs.map((r, i) => (r.changed ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))}</>;
}

// Prompt rows: immutable and deduplicated by a hash of text, negative text and fields, so the
// same prompt used for fifty takes is one row (ROI per prompt is a GROUP BY).
import { createHash } from 'node:crypto';
import type { Db } from './open.js';

export interface PromptInput {
  text: string;
  negative?: string;
  fields?: Record<string, unknown>;
}

/** Stable JSON (keys sorted at every depth) so {a,b} and {b,a} hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function promptHash(p: PromptInput): string {
  return createHash('sha256').update(canonical({ text: p.text, negative: p.negative ?? '', fields: p.fields ?? {} })).digest('hex');
}

/** The id of the prompt row for `p`, inserting it if this exact prompt was never seen. */
export function upsertPrompt(db: Db, p: PromptInput): number {
  const hash = promptHash(p);
  const found = db.prepare('SELECT id FROM prompts WHERE hash = ?').pluck().get(hash) as number | undefined;
  if (found !== undefined) return found;
  const info = db
    .prepare('INSERT INTO prompts (hash, text, negative, fields, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(hash, p.text, p.negative ?? '', canonical(p.fields ?? {}), Date.now());
  return Number(info.lastInsertRowid);
}

/** The same, under the name the jobs handlers use. */
export const promptId = upsertPrompt;

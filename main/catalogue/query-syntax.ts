// The search box's small query language, parsed in the core into the grid's filter:
//
//   provider:kling cost:>5 rating:>=4 "golden hour" tag:hero is:pick date:2026-11-01..2026-11-15
//
// Words and "quoted phrases" stay free text for the full-text index (fts-query.ts); `field:value`
// terms become filter fields. Anything that looks like a filter but is not one is refused with a
// sentence naming the term and showing a correct form, never silently searched as text: a typo
// in `ratng:5` should say so, not quietly find nothing.
import { MEDIA_KINDS, type MediaKind, type RenderFlag } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';

/** A numeric interval; any bound may be absent. Dates are epoch milliseconds. */
export interface NumRange {
  gt?: number | undefined;
  gte?: number | undefined;
  lt?: number | undefined;
  lte?: number | undefined;
}

export interface ParsedQuery {
  /** The free text left once filters are taken out (words and "phrases", in order). */
  text: string;
  provider?: string;
  model?: string;
  taskType?: string;
  kind?: MediaKind;
  tag?: string;
  /** By name (case-insensitive); resolved to ids against the catalogue (render-query.ts). */
  projectName?: string;
  shotName?: string;
  ratingMin?: number;
  ratingMax?: number;
  flag?: RenderFlag | 'none';
  hasChildren?: boolean;
  cost?: NumRange;
  duration?: NumRange;
  created?: NumRange;
}

/** Field names (and aliases) the language knows, as the help and the errors list them. */
export const QUERY_FIELDS = [
  'provider', 'model', 'task', 'kind', 'tag', 'project', 'shot', 'rating', 'cost', 'duration', 'date', 'is', 'has',
] as const;
const ALIASES: Record<string, (typeof QUERY_FIELDS)[number]> = { type: 'task', created: 'date', added: 'date', stars: 'rating', credits: 'cost' };

export class QuerySyntaxError extends ContractError {
  constructor(message: string) {
    super('validation', `Search: ${message}`, [{ field: 'filter.text', message }]);
  }
}

interface Token {
  raw: string;
  negated: boolean;
  field: string | null;
  value: string;
  quoted: boolean;
}

/** Splits into words, "phrases" and field:value / field:"quoted value" terms. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    while (i < n && /\s/.test(input[i]!)) i++;
    if (i >= n) break;
    const start = i;
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError(`the quote opened at “${input.slice(i, i + 20)}” is not closed.`);
      tokens.push({ raw: input.slice(i, end + 1), negated: false, field: null, value: input.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    const field = /^(-?)([A-Za-z_]+):/.exec(input.slice(i));
    if (field) {
      i += field[0].length;
      let value: string;
      let quoted = false;
      if (input[i] === '"') {
        const end = input.indexOf('"', i + 1);
        if (end < 0) throw new QuerySyntaxError(`the quote after “${field[0]}” is not closed.`);
        value = input.slice(i + 1, end);
        quoted = true;
        i = end + 1;
      } else {
        const m = /^\S*/.exec(input.slice(i))!;
        value = m[0];
        i += value.length;
      }
      tokens.push({ raw: input.slice(start, i), negated: field[1] === '-', field: field[2]!.toLowerCase(), value, quoted });
      continue;
    }
    const m = /^\S+/.exec(input.slice(i))!;
    tokens.push({ raw: m[0], negated: false, field: null, value: m[0], quoted: false });
    i += m[0].length;
  }
  return tokens;
}

type Op = '>' | '>=' | '<' | '<=' | '=';

/** "5", ">5", ">=5", "<5", "<=5", "2..8", "2..", "..8" → comparisons on a parsed bound. */
function parseComparison<T>(value: string, bound: (s: string) => T | null): Array<{ op: Op; v: T }> | null {
  const range = /^(.*?)\.\.(.*)$/.exec(value);
  if (range) {
    const out: Array<{ op: Op; v: T }> = [];
    if (range[1]) {
      const lo = bound(range[1]);
      if (lo === null) return null;
      out.push({ op: '>=', v: lo });
    }
    if (range[2]) {
      const hi = bound(range[2]);
      if (hi === null) return null;
      out.push({ op: '<=', v: hi });
    }
    return out.length ? out : null;
  }
  const m = /^(>=|<=|>|<|=)?(.+)$/.exec(value);
  if (!m) return null;
  const v = bound(m[2]!);
  return v === null ? null : [{ op: (m[1] as Op | undefined) ?? '=', v }];
}

function toRange(cmps: Array<{ op: Op; v: number }>): NumRange {
  const r: NumRange = {};
  for (const { op, v } of cmps) {
    if (op === '>') r.gt = v;
    else if (op === '>=') r.gte = v;
    else if (op === '<') r.lt = v;
    else if (op === '<=') r.lte = v;
    else r.gte = r.lte = v;
  }
  return r;
}

const NUMBER = (s: string) => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : null);

/** A calendar day (YYYY-MM-DD, or YYYY-MM / YYYY for the whole month or year) in local time. */
function parseDay(s: string, now: Date): { start: number; end: number } | null {
  const at = (y: number, m: number, d: number) => new Date(y, m, d).getTime();
  if (s === 'today' || s === 'yesterday') {
    const d = now.getDate() - (s === 'yesterday' ? 1 : 0);
    return { start: at(now.getFullYear(), now.getMonth(), d), end: at(now.getFullYear(), now.getMonth(), d + 1) };
  }
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 0 || mo > 11)) return null;
  if (d !== null && (d < 1 || d > new Date(y, mo! + 1, 0).getDate())) return null;
  if (mo === null) return { start: at(y, 0, 1), end: at(y + 1, 0, 1) };
  if (d === null) return { start: at(y, mo, 1), end: at(y, mo + 1, 1) };
  return { start: at(y, mo, d), end: at(y, mo, d + 1) };
}

/** Dates compare by whole days: date:>2026-11-01 starts the day after, date:<=… ends with it. */
function dayRange(value: string, now: Date): NumRange | null {
  const cmps = parseComparison(value, (s) => parseDay(s, now));
  if (!cmps) return null;
  const r: NumRange = {};
  for (const { op, v } of cmps) {
    if (op === '>') r.gte = v.end;
    else if (op === '>=') r.gte = v.start;
    else if (op === '<') r.lt = v.start;
    else if (op === '<=') r.lt = v.end;
    else {
      r.gte = v.start;
      r.lt = v.end;
    }
  }
  return r;
}

const FLAGS: Record<string, RenderFlag | 'none'> = {
  pick: 'pick', picked: 'pick', reject: 'reject', rejected: 'reject', unflagged: 'none', unmarked: 'none',
};

/**
 * Parses what a user typed in the search box. `now` fixes "today" (tests pass one). Throws
 * QuerySyntaxError (a validation ContractError on field filter.text) with a sentence to act on.
 */
export function parseQuery(input: string, now = new Date()): ParsedQuery {
  const out: ParsedQuery = { text: '' };
  const words: string[] = [];
  const once = <K extends keyof ParsedQuery>(key: K, value: ParsedQuery[K], raw: string) => {
    if (out[key] !== undefined && JSON.stringify(out[key]) !== JSON.stringify(value)) {
      throw new QuerySyntaxError(`“${raw}” contradicts an earlier ${String(key)} filter; use one ${String(key)} per search.`);
    }
    out[key] = value;
  };
  for (const t of tokenize(input)) {
    if (t.field === null) {
      words.push(t.quoted ? `"${t.value}"` : t.value);
      continue;
    }
    const field = ALIASES[t.field] ?? t.field;
    if (!(QUERY_FIELDS as readonly string[]).includes(field)) {
      throw new QuerySyntaxError(`“${t.field}:” is not a filter. Filters are ${QUERY_FIELDS.map((f) => `${f}:`).join(', ')}; put a word with a colon in quotes to search for it.`);
    }
    if (t.negated && field !== 'has') {
      throw new QuerySyntaxError(`“${t.raw}”: only has: can be negated (-has:children); for flags use is:pick, is:reject or is:unflagged.`);
    }
    const value = t.value.trim();
    if (!value) throw new QuerySyntaxError(`“${t.raw}” needs a value after the colon, as in ${example(field)}.`);
    switch (field) {
      case 'provider':
        once('provider', value.toLowerCase(), t.raw);
        break;
      case 'model':
        once('model', value, t.raw);
        break;
      case 'task':
        once('taskType', value.toLowerCase().replace(/[-\s]/g, '_'), t.raw);
        break;
      case 'tag':
        once('tag', value, t.raw);
        break;
      case 'project':
        once('projectName', value, t.raw);
        break;
      case 'shot':
        once('shotName', value, t.raw);
        break;
      case 'kind': {
        const kind = value.toLowerCase();
        if (!(MEDIA_KINDS as readonly string[]).includes(kind)) throw new QuerySyntaxError(`“${t.raw}”: kind is one of ${MEDIA_KINDS.join(', ')}.`);
        once('kind', kind as MediaKind, t.raw);
        break;
      }
      case 'is': {
        const flag = FLAGS[value.toLowerCase()];
        if (!flag) throw new QuerySyntaxError(`“${t.raw}”: is: takes pick, reject or unflagged.`);
        once('flag', flag, t.raw);
        break;
      }
      case 'has': {
        if (!/^(children|child|versions)$/i.test(value)) throw new QuerySyntaxError(`“${t.raw}”: has: takes children (renders made from this one), as in has:children or -has:children.`);
        once('hasChildren', !t.negated, t.raw);
        break;
      }
      case 'rating': {
        const cmps = parseComparison(value, (s) => (/^[0-5]$/.test(s) ? Number(s) : null));
        if (!cmps) throw new QuerySyntaxError(`“${t.raw}”: rating takes a whole number of stars from 0 to 5, as in rating:4, rating:>=4 or rating:2..4.`);
        const r = toRange(cmps);
        const min = Math.max(r.gte ?? 0, r.gt !== undefined ? r.gt + 1 : 0);
        const max = Math.min(r.lte ?? 5, r.lt !== undefined ? r.lt - 1 : 5);
        if (min > max) throw new QuerySyntaxError(`“${t.raw}” matches no rating: ratings run from 0 to 5 stars.`);
        if (min > 0) once('ratingMin', min, t.raw);
        if (max < 5) once('ratingMax', max, t.raw);
        break;
      }
      case 'cost': {
        const cmps = parseComparison(value, NUMBER);
        if (!cmps) throw new QuerySyntaxError(`“${t.raw}”: cost takes credits as a number, as in cost:>5, cost:<=2.5 or cost:1..10.`);
        once('cost', toRange(cmps), t.raw);
        break;
      }
      case 'duration': {
        // Seconds, with an optional "s"; the catalogue keeps milliseconds.
        const cmps = parseComparison(value, (s) => {
          const v = NUMBER(s.replace(/s$/i, ''));
          return v === null ? null : Math.round(v * 1000);
        });
        if (!cmps) throw new QuerySyntaxError(`“${t.raw}”: duration takes seconds, as in duration:>5, duration:<=10s or duration:3..8.`);
        once('duration', toRange(cmps), t.raw);
        break;
      }
      case 'date': {
        const range = dayRange(value.toLowerCase(), now);
        if (!range) throw new QuerySyntaxError(`“${t.raw}”: date takes a day as YYYY-MM-DD (or YYYY-MM, YYYY, today, yesterday), as in date:>=2026-11-01 or date:2026-11-01..2026-11-15.`);
        once('created', range, t.raw);
        break;
      }
    }
  }
  out.text = words.join(' ');
  return out;
}

function example(field: string): string {
  const examples: Record<string, string> = {
    provider: 'provider:kling', model: 'model:kling-v2-1', task: 'task:image_to_video', kind: 'kind:video', tag: 'tag:hero',
    project: 'project:"Spring spot"', shot: 'shot:"Opening"', rating: 'rating:>=4', cost: 'cost:>5', duration: 'duration:<10',
    date: 'date:>=2026-11-01', is: 'is:pick', has: 'has:children',
  };
  return examples[field] ?? `${field}:…`;
}

// Facet counts for the library sidebar: for each facet, how many renders each of its values
// would show. Each facet is counted with every other filter applied but not its own, so choosing
// "kling" still shows how many renders the other providers have (the usual faceted-search rule:
// the counts say what choosing a value would give).
import type { Db } from './open.js';
import { filterClauses, type RenderFilterParsed } from './renders.js';
import { ftsMatch } from './search-terms.js';
import type { FacetValue, RenderFacets, RenderHighlight } from '../../shared/channels/grid.js';

const TOP_TAGS = 60;

/** The filter without the named fields (a facet's own). */
function without(f: RenderFilterParsed, ...keys: Array<keyof RenderFilterParsed>): RenderFilterParsed {
  const out = { ...f };
  for (const k of keys) delete out[k];
  return out;
}

export function renderFacets(db: Db, filter: RenderFilterParsed): RenderFacets {
  const fts = filter.text ? ftsMatch(db, filter.text) : null;
  /** WHERE and parameters for `filter` (+ the full-text match); assets joined only for kind. */
  const scope = (f: RenderFilterParsed, joinAssets = false) => {
    const params: Record<string, unknown> = {};
    const where = filterClauses(f, params);
    if (fts) {
      where.push('r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)');
      params.fts = fts;
    }
    const from = f.kind !== undefined || joinAssets ? 'renders r CROSS JOIN assets a ON a.id = r.asset_id' : 'renders r';
    return { from, where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  };
  const grouped = <V>(col: string, f: RenderFilterParsed, label?: (v: V) => string, joinAssets = false): FacetValue<V>[] => {
    const s = scope(f, joinAssets);
    const rows = db.prepare(`SELECT ${col} AS v, count(*) AS n FROM ${s.from} ${s.where} GROUP BY v ORDER BY n DESC`).all(s.params) as Array<{ v: V | null; n: number }>;
    return rows.filter((r) => r.v !== null).map((r) => ({ value: r.v as V, label: label ? label(r.v as V) : String(r.v), count: r.n }));
  };
  if (filter.text && !fts) return emptyFacets();

  const projectNames = new Map((db.prepare('SELECT id, name FROM projects').all() as Array<{ id: number; name: string }>).map((p) => [p.id, p.name]));
  const projects = grouped<number>('r.project_id', without(filter, 'projectId', 'shotId'), (id) => projectNames.get(id) ?? `Project ${id}`);
  let shots: FacetValue<number>[] = [];
  if (filter.projectId !== undefined) {
    const shotRows = db.prepare('SELECT id, name FROM shots WHERE project_id = ? ORDER BY position, id').all(filter.projectId) as Array<{ id: number; name: string }>;
    const counts = new Map(grouped<number>('r.shot_id', without(filter, 'shotId')).map((v) => [v.value, v.count]));
    shots = shotRows.map((s) => ({ value: s.id, label: s.name, count: counts.get(s.id) ?? 0 }));
  }

  const tagScope = scope(without(filter, 'tag'));
  const tags = (
    db
      .prepare(
        `SELECT t.name AS v, count(*) AS n FROM render_tags rt JOIN tags t ON t.id = rt.tag_id
         WHERE rt.render_id IN (SELECT r.id FROM ${tagScope.from} ${tagScope.where}) GROUP BY t.id ORDER BY n DESC, t.name LIMIT ${TOP_TAGS}`,
      )
      .all(tagScope.params) as Array<{ v: string; n: number }>
  ).map((r) => ({ value: r.v, label: r.v, count: r.n }));

  const ratingCounts = new Map(grouped<number>('r.rating', without(filter, 'ratingMin', 'ratingMax')).map((v) => [v.value, v.count]));
  const ratings = [5, 4, 3, 2, 1, 0].map((n) => ({ value: n, label: n === 0 ? 'Unrated' : '★'.repeat(n), count: ratingCounts.get(n) ?? 0 }));

  const flagScope = scope(without(filter, 'flag'));
  const flagCounts = new Map(
    (db.prepare(`SELECT coalesce(r.flag, 'none') AS v, count(*) AS n FROM ${flagScope.from} ${flagScope.where} GROUP BY v`).all(flagScope.params) as Array<{ v: string; n: number }>).map(
      (r) => [r.v, r.n],
    ),
  );
  const flags = (['pick', 'reject', 'none'] as const).map((v) => ({ value: v, label: v === 'pick' ? 'Picks' : v === 'reject' ? 'Rejects' : 'Unflagged', count: flagCounts.get(v) ?? 0 }));

  const childScope = scope(without(filter, 'hasChildren'));
  const withChildren = db
    .prepare(`SELECT count(*) FROM ${childScope.from} ${childScope.where ? `${childScope.where} AND` : 'WHERE'} EXISTS (SELECT 1 FROM lineage l WHERE l.parent_id = r.id)`)
    .pluck()
    .get(childScope.params) as number;
  const childTotal = db.prepare(`SELECT count(*) FROM ${childScope.from} ${childScope.where}`).pluck().get(childScope.params) as number;

  const bounds = (col: string, f: RenderFilterParsed) => {
    const s = scope(f);
    const row = db.prepare(`SELECT min(${col}) AS min, max(${col}) AS max FROM ${s.from} ${s.where}`).get(s.params) as { min: number | null; max: number | null };
    return row.min === null || row.max === null ? null : { min: row.min, max: row.max };
  };

  return {
    projects,
    shots,
    providers: grouped<string>('r.provider', without(filter, 'provider')),
    models: grouped<string>('r.model', without(filter, 'model')),
    taskTypes: grouped<string>('r.task_type', without(filter, 'taskType'), (t) => t.replace(/_/g, ' ')),
    kinds: grouped<string>('a.kind', without(filter, 'kind'), undefined, true),
    tags,
    ratings,
    flags,
    hasChildren: [
      { value: true, label: 'Has versions', count: withChildren },
      { value: false, label: 'No versions', count: childTotal - withChildren },
    ],
    costRange: bounds('r.cost_credits', without(filter, 'cost')),
    createdRange: bounds('r.created_at', without(filter, 'created')),
  };
}

function emptyFacets(): RenderFacets {
  return {
    projects: [], shots: [], providers: [], models: [], taskTypes: [], kinds: [], tags: [], ratings: [], flags: [], hasChildren: [],
    costRange: null, createdRange: null,
  };
}

/** Marks around matched words in highlights; control characters no title or prompt contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/**
 * FTS5's highlight() and snippet() for the renders now on screen. One lookup per id: the rowid
 * constraint lets FTS5 go straight to the row instead of walking every match of a common word.
 * The CAST matters: a JS number arrives as a REAL, and FTS5 (SQLite 3.53) ignores `rowid = <real>`
 * altogether, returning every match.
 */
export function renderHighlights(db: Db, text: string, ids: number[]): RenderHighlight[] {
  const fts = ftsMatch(db, text);
  if (!fts) return [];
  const stmt = db.prepare(
    `SELECT rowid AS id, highlight(renders_fts, 0, @s, @e) AS title, snippet(renders_fts, 1, @s, @e, '…', 14) AS prompt
     FROM renders_fts WHERE renders_fts MATCH @fts AND rowid = CAST(@id AS INTEGER)`,
  );
  const out: RenderHighlight[] = [];
  for (const id of ids) {
    const row = stmt.get({ fts, id, s: MARK_START, e: MARK_END }) as RenderHighlight | undefined;
    if (row) out.push({ id: row.id, title: row.title, prompt: row.prompt.includes(MARK_START) ? row.prompt : '' });
  }
  return out;
}

// Render queries: the grid's keyset pages, counts, the detail view, and inserts.
import type { Db } from './open.js';
import type { RenderSort, RendersPage } from '../../shared/contract.js';
import type { MediaKind, RenderCard, RenderDetail, RenderFlag, RenderSource } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor.js';
import { toFtsQuery } from './fts-query.js';
import { assetFromRow, type AssetRow } from './assets.js';
import { newUid } from './uid.js';

export interface RenderFilterParsed {
  text: string;
  projectId?: number | undefined;
  shotId?: number | undefined;
  provider?: string | undefined;
  model?: string | undefined;
  taskType?: string | undefined;
  kind?: MediaKind | undefined;
  tag?: string | undefined;
  ratingMin?: number | undefined;
  flag?: RenderFlag | 'none' | undefined;
}

/** Sort key expression and direction for each grid ordering; ties broken by id the same way. */
const SORTS: Record<RenderSort, { key: string | null; dir: 'ASC' | 'DESC' }> = {
  newest: { key: null, dir: 'DESC' },
  oldest: { key: null, dir: 'ASC' },
  title: { key: 'r.title COLLATE NOCASE', dir: 'ASC' },
  rating: { key: 'r.rating', dir: 'DESC' },
  cost: { key: 'r.cost_credits', dir: 'DESC' },
  duration: { key: 'r.duration_ms', dir: 'DESC' },
};

const CARD_COLUMNS = `
  r.id, r.title, a.sha256, a.ext, a.kind, a.duration_ms, a.width, a.height, a.has_poster,
  a.sprite_frames, r.rating, r.flag, r.provider, r.model, r.cost_credits, r.created_at`;

interface CardRow {
  id: number; title: string; sha256: string; ext: string; kind: MediaKind; duration_ms: number | null;
  width: number | null; height: number | null; has_poster: number; sprite_frames: number; rating: number;
  flag: RenderFlag | null; provider: string | null; model: string | null; cost_credits: number; created_at: number;
}

function cardFromRow(row: CardRow): RenderCard {
  return {
    id: row.id, title: row.title, sha256: row.sha256, ext: row.ext, kind: row.kind,
    durationMs: row.duration_ms, width: row.width, height: row.height, hasPoster: row.has_poster === 1,
    spriteFrames: row.sprite_frames, rating: row.rating, flag: row.flag, provider: row.provider,
    model: row.model, costCredits: row.cost_credits, createdAt: row.created_at,
  };
}

/** WHERE clauses for the facet filters (text search is handled by the caller). */
function filterClauses(f: RenderFilterParsed, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  const eq = (col: string, name: string, value: unknown) => {
    if (value === undefined) return;
    where.push(`${col} = @${name}`);
    params[name] = value;
  };
  eq('r.project_id', 'projectId', f.projectId);
  eq('r.shot_id', 'shotId', f.shotId);
  eq('r.provider', 'provider', f.provider);
  eq('r.model', 'model', f.model);
  eq('r.task_type', 'taskType', f.taskType);
  eq('a.kind', 'kind', f.kind);
  if (f.ratingMin !== undefined && f.ratingMin > 0) {
    where.push('r.rating >= @ratingMin');
    params.ratingMin = f.ratingMin;
  }
  if (f.flag === 'none') where.push('r.flag IS NULL');
  else eq('r.flag', 'flag', f.flag);
  if (f.tag !== undefined) {
    where.push('r.id IN (SELECT rt.render_id FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE t.name = @tag)');
    params.tag = f.tag;
  }
  return where;
}

export function pageRenders(
  db: Db,
  input: { filter: RenderFilterParsed; sort: RenderSort; cursor?: string | null | undefined; limit: number },
): RendersPage {
  const { filter, sort, limit } = input;
  const spec = SORTS[sort];
  const params: Record<string, unknown> = { limit: limit + 1 };
  const where = filterClauses(filter, params);
  const fts = filter.text ? toFtsQuery(filter.text) : null;
  if (filter.text && !fts) return { items: [], nextCursor: null };

  const cmp = spec.dir === 'DESC' ? '<' : '>';
  if (input.cursor) {
    const c = decodeCursor(sort, input.cursor);
    params.cursorId = c.id;
    if (spec.key === null) {
      where.push(`r.id ${cmp} @cursorId`);
    } else {
      params.cursorKey = c.key;
      // NULL keys (e.g. stills without a duration) sort last in DESC, first in ASC, as SQLite does.
      where.push(
        c.key === null
          ? spec.dir === 'DESC'
            ? `(${spec.key} IS NULL AND r.id < @cursorId)`
            : `((${spec.key} IS NULL AND r.id > @cursorId) OR ${spec.key} IS NOT NULL)`
          : spec.dir === 'DESC'
            ? `((${spec.key}, r.id) < (@cursorKey, @cursorId) OR ${spec.key} IS NULL)`
            : `(${spec.key}, r.id) > (@cursorKey, @cursorId)`,
      );
    }
  }

  const order = spec.key === null ? `r.id ${spec.dir}` : `${spec.key} ${spec.dir}, r.id ${spec.dir}`;
  let from = 'renders r JOIN assets a ON a.id = r.asset_id';
  if (fts) {
    params.fts = fts;
    if (spec.key === null) {
      // Drive from the full-text index: FTS5 walks its rowids (= render ids) in order, so the
      // LIMIT stops the scan early even when the words are common.
      from = 'renders_fts f JOIN renders r ON r.id = f.rowid JOIN assets a ON a.id = r.asset_id';
      where.push('renders_fts MATCH @fts');
    } else {
      where.push('r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)');
    }
  }
  const sql = `SELECT ${CARD_COLUMNS}${spec.key ? `, ${spec.key} AS sort_key` : ''} FROM ${from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${fts && spec.key === null ? `f.rowid ${spec.dir}` : order} LIMIT @limit`;
  const rows = db.prepare(sql).all(params) as (CardRow & { sort_key?: CursorKey })[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(cardFromRow),
    nextCursor: more && last ? encodeCursor(sort, spec.key ? (last.sort_key ?? null) : null, last.id) : null,
  };
}

export function countRenders(db: Db, filter: RenderFilterParsed): number {
  const params: Record<string, unknown> = {};
  const where = filterClauses(filter, params);
  if (filter.text) {
    const fts = toFtsQuery(filter.text);
    if (!fts) return 0;
    params.fts = fts;
    where.push('r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)');
  }
  const row = db
    .prepare(`SELECT count(*) AS n FROM renders r JOIN assets a ON a.id = r.asset_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`)
    .get(params) as { n: number };
  return row.n;
}

export function getRender(db: Db, id: number): RenderDetail {
  const row = db
    .prepare(
      `SELECT ${CARD_COLUMNS}, r.source, r.origin, r.task_type, r.notes, r.project_id, r.shot_id, r.prompt_id,
         p.name AS project_name, s.name AS shot_name, pr.text AS prompt_text, pr.negative AS prompt_negative,
         a.size, a.container, a.fps, a.video_codec, a.audio_codec, a.missing
       FROM renders r JOIN assets a ON a.id = r.asset_id
       LEFT JOIN projects p ON p.id = r.project_id LEFT JOIN shots s ON s.id = r.shot_id
       LEFT JOIN prompts pr ON pr.id = r.prompt_id
       WHERE r.id = ?`,
    )
    .get(id) as
    | (CardRow & AssetRow & {
        source: RenderSource; origin: string | null; task_type: string | null; notes: string;
        project_id: number | null; shot_id: number | null; prompt_id: number | null;
        project_name: string | null; shot_name: string | null; prompt_text: string | null; prompt_negative: string | null;
      })
    | undefined;
  if (!row) throw new ContractError('not_found', `There is no render ${id} in this library.`);
  const parent = db
    .prepare(`SELECT l.parent_id AS id, r.title, l.operation FROM lineage l JOIN renders r ON r.id = l.parent_id WHERE l.child_id = ?`)
    .get(id) as { id: number; title: string; operation: string } | undefined;
  const tags = db
    .prepare(`SELECT t.name FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE rt.render_id = ? ORDER BY t.name`)
    .pluck()
    .all(id) as string[];
  return {
    ...cardFromRow(row),
    asset: assetFromRow(row),
    source: row.source,
    origin: row.origin,
    taskType: row.task_type,
    prompt: row.prompt_id !== null ? { text: row.prompt_text ?? '', negative: row.prompt_negative ?? '' } : null,
    project: row.project_id !== null ? { id: row.project_id, name: row.project_name ?? '' } : null,
    shot: row.shot_id !== null ? { id: row.shot_id, name: row.shot_name ?? '' } : null,
    parent: parent ?? null,
    tags,
    notes: row.notes,
  };
}

export interface NewRender {
  assetId: number;
  title: string;
  source: RenderSource;
  origin?: string | null;
  projectId?: number | null;
  shotId?: number | null;
  promptId?: number | null;
  jobId?: number | null;
  provider?: string | null;
  model?: string | null;
  taskType?: string | null;
  params?: Record<string, unknown>;
  durationMs?: number | null;
  createdAt?: number;
}

export function insertRender(db: Db, r: NewRender): number {
  const info = db
    .prepare(
      `INSERT INTO renders (uid, asset_id, project_id, shot_id, prompt_id, job_id, title, source, origin,
         provider, model, task_type, params, duration_ms, created_at)
       VALUES (@uid, @assetId, @projectId, @shotId, @promptId, @jobId, @title, @source, @origin,
         @provider, @model, @taskType, @params, @durationMs, @createdAt)`,
    )
    .run({
      uid: newUid(), assetId: r.assetId, projectId: r.projectId ?? null, shotId: r.shotId ?? null,
      promptId: r.promptId ?? null, jobId: r.jobId ?? null, title: r.title, source: r.source,
      origin: r.origin ?? null, provider: r.provider ?? null, model: r.model ?? null,
      taskType: r.taskType ?? null, params: JSON.stringify(r.params ?? {}), durationMs: r.durationMs ?? null,
      createdAt: r.createdAt ?? Date.now(),
    });
  return Number(info.lastInsertRowid);
}

export function renderIdForAsset(db: Db, assetId: number): number | null {
  const row = db.prepare('SELECT id FROM renders WHERE asset_id = ? ORDER BY id LIMIT 1').get(assetId) as { id: number } | undefined;
  return row?.id ?? null;
}

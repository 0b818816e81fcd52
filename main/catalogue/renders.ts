// Render queries: the grid's keyset pages, counts, the detail view, and inserts.
import type { Db } from './open.js';
import type { RenderSort, RendersPage } from '../../shared/contract.js';
import type { MediaKind, RenderCard, RenderDetail, RenderFlag, RenderSource } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { decodeCursor, encodeCursor, type CursorKey } from './cursor.js';
import { facetOnlyMatch, ftsMatch, withFacets, withRating } from './search-terms.js';
import { askedBefore, cachedMatchSet, matchSet, type MatchSet } from './match-set.js';
import { estimateMatches, matchingRows, PROBE_COST } from './match-probe.js';
import { assetFromRow, type AssetRow } from './assets.js';
import { newUid } from './uid.js';
import { rangeClauses, type NumRange } from './range-clauses.js';

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
  ratingMax?: number | undefined;
  cost?: NumRange | undefined;
  created?: NumRange | undefined;
  duration?: NumRange | undefined;
  hasChildren?: boolean | undefined;
}

/**
 * Sort key expression and direction for each grid ordering; ties broken by id the same way.
 * `nullable` marks keys that can be NULL (stills have no duration): NULLs sort last when
 * descending and first when ascending, as SQLite orders them.
 */
const SORTS: Record<RenderSort, { key: string | null; dir: 'ASC' | 'DESC'; nullable: boolean }> = {
  newest: { key: null, dir: 'DESC', nullable: false },
  oldest: { key: null, dir: 'ASC', nullable: false },
  title: { key: 'r.title COLLATE NOCASE', dir: 'ASC', nullable: false },
  rating: { key: 'r.rating', dir: 'DESC', nullable: false },
  cost: { key: 'r.cost_credits', dir: 'DESC', nullable: false },
  duration: { key: 'r.duration_ms', dir: 'DESC', nullable: true },
};

/**
 * How many search matches (newest first) a search sorted by a key looks through for a page that
 * lies wholly inside one key group (see searchByKey) before it sorts every match instead.
 */
const SEARCH_GROUP_WINDOW = 2000;

/** The grid card's columns; cardsInOrder reads them raw in this order (CardTuple). */
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

/**
 * WHERE clauses for the facet filters (text search is handled by the caller; so is the tag when
 * the caller drives the query from render_tags, `withTag` false).
 */
export function filterClauses(f: RenderFilterParsed, params: Record<string, unknown>, withTag = true): string[] {
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
  if (f.ratingMax !== undefined && f.ratingMax < 5) {
    where.push('r.rating <= @ratingMax');
    params.ratingMax = f.ratingMax;
  }
  where.push(...rangeClauses('r.cost_credits', 'cost', f.cost, params));
  where.push(...rangeClauses('r.created_at', 'created', f.created, params));
  where.push(...rangeClauses('r.duration_ms', 'duration', f.duration, params));
  if (f.hasChildren !== undefined) where.push(`${f.hasChildren ? '' : 'NOT '}EXISTS (SELECT 1 FROM lineage l WHERE l.parent_id = r.id)`);
  if (f.tag !== undefined && withTag) {
    where.push('r.id IN (SELECT rt.render_id FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE t.name = @tag)');
    params.tag = f.tag;
  }
  return where;
}

type PageRow = CardRow & { sort_key?: CursorKey };
type SortSpec = (typeof SORTS)[RenderSort];
type KeyedSpec = SortSpec & { key: string };

const whereSql = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '');

export function pageRenders(
  db: Db,
  input: { filter: RenderFilterParsed; sort: RenderSort; cursor?: string | null | undefined; limit: number },
): RendersPage {
  const { filter, sort, limit } = input;
  const spec = SORTS[sort];
  const params: Record<string, unknown> = {};
  const words = filter.text ? ftsMatch(db, filter.text) : null;
  if (filter.text && !words) return { items: [], nextCursor: null };
  // Words within a project, a provider or a rating range: FTS5 narrows by their facet tokens; so it
  // does, without words, for two of those facets at once, or a project or provider sorted by rating
  // (search-terms.ts, facetOnlyMatch). A tag keeps its own walk (pageById).
  const fts = words ? withFacets(words, filter) : filter.tag === undefined ? facetOnlyMatch(filter, sort) : null;
  if (fts) params.fts = fts;
  const cursor = input.cursor ? decodeCursor(sort, input.cursor) : null;
  if (cursor) {
    params.cursorId = cursor.id;
    params.cursorKey = cursor.key;
  }
  const want = limit + 1;

  let rows: PageRow[];
  if (spec.key === null) {
    rows = pageById(db, spec, filter, params, fts !== null, cursor !== null, want);
  } else {
    const where = filterClauses(filter, params);
    const keyed = { ...spec, key: spec.key };
    rows = !fts
      ? pageByKey(db, keyed, filter, where, params, cursor, want)
      : sort === 'rating' && !fewMatches(db, fts)
        ? searchByRating(db, filter, params, fts, cursor, want)
        : KEY_INDEX[sort]
          ? searchKeyed(db, keyed, filter, where, params, cursor, want, KEY_INDEX[sort], KEY_BANDS[sort])
          : searchByKey(db, keyed, filter, where, params, cursor, want);
  }

  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(cardFromRow),
    nextCursor: more && last ? encodeCursor(sort, spec.key ? (last.sort_key ?? null) : null, last.id) : null,
  };
}

/**
 * Newest or oldest first: a walk in id order (of renders, of the full-text index, or of the tag's
 * rows) that the LIMIT stops early, with the other filters checked on the way. CROSS JOIN pins
 * that walk as the outer loop: with a filter on the asset's kind the planner would otherwise scan
 * every asset and sort.
 */
function pageById(
  db: Db, spec: SortSpec, filter: RenderFilterParsed, params: Record<string, unknown>, search: boolean, hasCursor: boolean,
  want: number,
): PageRow[] {
  const cmp = spec.dir === 'DESC' ? '<' : '>';
  let from: string;
  let id: string;
  let where: string[];
  if (search) {
    // The full-text index: FTS5 walks its rowids (= render ids) in order, even when the words are
    // common. The cursor goes on f.rowid so that FTS5 itself starts the walk there.
    from = 'renders_fts f CROSS JOIN renders r ON r.id = f.rowid CROSS JOIN assets a ON a.id = r.asset_id';
    id = 'f.rowid';
    where = [...filterClauses(filter, params), 'renders_fts MATCH @fts'];
  } else if (filter.tag !== undefined) {
    // The tag's own rows, render_tags' primary key (tag_id, render_id), where `r.id IN (the tag's
    // renders)` would first collect every render the tag has.
    from = 'render_tags rt CROSS JOIN renders r ON r.id = rt.render_id CROSS JOIN assets a ON a.id = r.asset_id';
    id = 'rt.render_id';
    where = [...filterClauses(filter, params, false), 'rt.tag_id = (SELECT t.id FROM tags t WHERE t.name = @tag)'];
    params.tag = filter.tag;
  } else {
    from = 'renders r CROSS JOIN assets a ON a.id = r.asset_id';
    id = 'r.id';
    where = filterClauses(filter, params);
  }
  if (hasCursor) where.push(`${id} ${cmp} @cursorId`);
  // FTS5 seeks to a rowid bound only when it is an integer: better-sqlite3 binds a JavaScript
  // number as a REAL, which FTS5 ignores (SQLite then checks the bound itself, after walking every
  // match from the newest: ≈3 ms for a page halfway through a common word at 100k renders).
  const cursorId = search && hasCursor ? { cursorId: BigInt(params.cursorId as number) } : {};
  return db
    .prepare(`SELECT ${CARD_COLUMNS} FROM ${from} ${whereSql(where)} ORDER BY ${id} ${spec.dir} LIMIT @limit`)
    .all({ ...params, ...cursorId, limit: want }) as PageRow[];
}

/**
 * Rows in the order `order`, at most `want`: the ids are chosen first (from renders alone where
 * the filter allows, so a plan that sorts many rows carries only ids and keys), then the cards of
 * that page are read. CROSS JOIN keeps the page as the outer loop; left to itself the planner
 * would rather walk the whole sort index to avoid sorting the page's few rows.
 */
function keyedRows(
  db: Db, spec: KeyedSpec, filter: RenderFilterParsed, where: string[], order: string, params: Record<string, unknown>, want: number,
  index?: string,
): PageRow[] {
  const renders = index ? `renders r INDEXED BY ${index}` : 'renders r';
  const from = filter.kind !== undefined ? `${renders} CROSS JOIN assets a ON a.id = r.asset_id` : renders;
  return db
    .prepare(
      `SELECT ${CARD_COLUMNS}, ${spec.key} AS sort_key
       FROM (SELECT r.id FROM ${from} ${whereSql(where)} ORDER BY ${order} LIMIT @limit) AS page
       CROSS JOIN renders r ON r.id = page.id JOIN assets a ON a.id = r.asset_id
       ORDER BY ${order}`,
    )
    .all({ ...params, limit: want }) as PageRow[];
}

/**
 * A grid sorted by a key, without a search. Keyset paging: SQLite seeks an index on `key < ?` or
 * on `key = ? AND id < ?`, but not on the row value `(key, id) < (?, ?)` (it never seeks on the
 * rowid part of one) nor through an `OR key IS NULL`; such a cursor makes every page a walk from
 * the top of the index, through every tie of the key. So a page after a cursor is read in parts
 * that each start with a seek: the rest of the cursor's tie group, then the keys past it, then
 * (descending, nullable keys) the NULL keys.
 */
function pageByKey(
  db: Db, spec: KeyedSpec, filter: RenderFilterParsed, where: string[], params: Record<string, unknown>,
  cursor: { key: CursorKey } | null, want: number,
): PageRow[] {
  const rows: PageRow[] = [];
  for (const part of keysetParts(spec, cursor)) {
    rows.push(...keyedRows(db, spec, filter, part.cond ? [...where, part.cond] : where, part.order, params, want - rows.length));
    if (rows.length >= want) break;
  }
  return rows;
}

/**
 * The rows after a cursor in a key's order, as parts that each start with an index seek (see
 * pageByKey): the rest of the cursor's tie group, the keys past it, and the NULL keys where the
 * order puts them after it. Conditions use @cursorKey and @cursorId.
 */
function keysetParts(spec: KeyedSpec, cursor: { key: CursorKey } | null): Array<{ cond: string | null; order: string }> {
  const cmp = spec.dir === 'DESC' ? '<' : '>';
  const byId = `r.id ${spec.dir}`;
  const byKey = `${spec.key} ${spec.dir}, r.id ${spec.dir}`;
  const parts: Array<{ cond: string | null; order: string }> = [];
  if (!cursor) {
    parts.push({ cond: null, order: byKey });
  } else if (cursor.key !== null) {
    parts.push({ cond: `${spec.key} = @cursorKey AND r.id ${cmp} @cursorId`, order: byId });
    parts.push({ cond: `${spec.key} ${cmp} @cursorKey`, order: byKey });
    if (spec.nullable && spec.dir === 'DESC') parts.push({ cond: `${spec.key} IS NULL`, order: byId });
  } else {
    parts.push({ cond: `${spec.key} IS NULL AND r.id ${cmp} @cursorId`, order: byId });
    if (spec.dir === 'ASC') parts.push({ cond: `${spec.key} IS NOT NULL`, order: byKey });
  }
  return parts;
}

/** The index a search sorted by this key walks when its matches are many (searchByWalk). */
const KEY_INDEX: Partial<Record<RenderSort, string>> = {
  cost: 'renders_by_cost',
  duration: 'renders_by_duration',
  title: 'renders_by_title',
};

/** The prefix of the key's band tokens in renders_fts (migrations/0011-search-key-bands.ts). */
const KEY_BANDS: Partial<Record<RenderSort, string>> = { cost: 'cost', duration: 'duration' };

/**
 * A search sorted by cost, duration or title. The first time since the library changed, with
 * many matches: walk the key's index from the cursor, asking FTS5 which rows match, without
 * listing them all (searchByProbe). Otherwise the matches (words and filters) are listed once and
 * remembered (match-set.ts, until the library changes, so the next page and the same words typed
 * again re-use the list): walk the key's index keeping them until the page is full (a match in
 * every k renders makes the walk ≈ k × the page); with few matches (a rare word), or when the walk
 * finds them sparse where it starts (words that go with cheap renders, in a search sorted by
 * cost), sort them once, keep that order with the list, and page through it.
 */
function searchKeyed(
  db: Db, spec: KeyedSpec, filter: RenderFilterParsed, where: string[], params: Record<string, unknown>,
  cursor: { key: CursorKey; id: number } | null, want: number, index: string, bands: string | undefined,
): PageRow[] {
  const { cursorKey: _key, cursorId: _id, ...filterParams } = params;
  const assets = filter.kind !== undefined ? 'CROSS JOIN assets a ON a.id = r.asset_id' : '';
  const setSql = where.length
    ? `SELECT f.rowid FROM renders_fts f CROSS JOIN renders r ON r.id = f.rowid ${assets} ${whereSql(['renders_fts MATCH @fts', ...where])}`
    : 'SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts';
  let set = cachedMatchSet(db, setSql, filterParams);
  const renders = (db.prepare('SELECT max(id) FROM renders').pluck().get() as number | null) ?? 0;
  if (!set && !askedBefore(db, setSql, filterParams)) {
    const page = searchByProbe(db, spec, filter, where, filterParams, params.fts as string, cursor, want, index, renders, bands);
    if (page) return page;
  }
  set ??= matchSet(db, setSql, filterParams);
  if (set.count === 0) return [];
  const order = `${spec.key} ${spec.dir}, r.id ${spec.dir}`;
  const sorted = () => {
    let list = set.sorted.get(order);
    if (!list) {
      const rows = db.prepare(`SELECT r.id, ${spec.key} FROM renders r WHERE r.id IN (${setSql}) ORDER BY ${order}`).raw().all(filterParams) as Array<[number, CursorKey]>;
      list = { ids: rows.map((r) => r[0]), keys: rows.map((r) => r[1]) };
      set.sorted.set(order, list);
    }
    return pageOfSorted(db, list as { ids: number[]; keys: CursorKey[] }, cursor, want);
  };
  if (set.sorted.has(order)) return sorted() ?? searchByKey(db, spec, filter, where, params, cursor, want);
  if (set.count * set.count < want * renders * WALK_ROWS_PER_MATCH) return sorted() ?? searchByKey(db, spec, filter, where, params, cursor, want);
  return searchByWalk(db, spec, set, cursor, want, index, renders) ?? sorted() ?? searchByKey(db, spec, filter, where, params, cursor, want);
}

/**
 * Walk or sort: sorting the matches is paid once (the order is kept with them) where the walk is
 * paid on every page, so the walk is taken only while it reads at most about as many rows as
 * there are matches. Evenly spread, it reads page × renders / matches rows: fewer matches than
 * √(page × renders) (≈3,500 for 120 of 100k) are sorted at once, and a walk past one row per
 * match (the matches are sparse where it starts) gives up for the sort.
 */
const WALK_ROWS_PER_MATCH = 1;
/** The most index rows one step of a walk reads (the walk doubles its step up to this). */
const MAX_STEP = 16384;

/**
 * The page after the cursor in a sorted list of the matches. The cursor is a row of the list
 * (the last of the page before, with the same key) when it came from this list; null otherwise
 * (a cursor from before a change, whose row has moved or gone), for the caller's plain query.
 */
function pageOfSorted(db: Db, list: { ids: number[]; keys: CursorKey[] }, cursor: { key: CursorKey; id: number } | null, want: number): PageRow[] | null {
  let from = 0;
  if (cursor) {
    const at = list.ids.indexOf(cursor.id);
    if (at < 0 || list.keys[at] !== cursor.key) return null;
    from = at + 1;
  }
  const page: Array<[number, CursorKey]> = [];
  for (let i = from; i < list.ids.length && page.length < want; i++) page.push([list.ids[i]!, list.keys[i]!]);
  return cardsInOrder(db, page);
}

/**
 * The walk: the key's index in order from the cursor (keysetParts), in steps of rows read as
 * (id, key) from the index alone; the ids in the match set make the page. A step that ends before
 * the page is full gives the cursor of the next, twice as long. Past WALK_ROWS_PER_MATCH rows per
 * match, page found or not: null, for the caller to sort the matches instead.
 */
function searchByWalk(
  db: Db, spec: KeyedSpec, set: MatchSet, cursor: { key: CursorKey; id: number } | null, want: number, index: string, renders: number,
): PageRow[] | null {
  const found: Array<[number, CursorKey]> = [];
  let at = cursor;
  let walked = 0;
  // Enough rows for the page if the matches are spread evenly, and a margin.
  let step = Math.min(MAX_STEP, Math.max(256, Math.ceil(((want * renders) / set.count) * 1.5)));
  for (;;) {
    const rows = keyIndexRows(db, spec, index, at, step);
    walked += rows.length;
    for (const row of rows) {
      if (set.has(row[0]) && found.push(row) >= want) break;
    }
    // Sparse here: the next pages would walk as far; sort once instead (even with this page found).
    if (walked > set.count * WALK_ROWS_PER_MATCH) return null;
    if (found.length >= want || rows.length < step) break;
    const last = rows[rows.length - 1]!;
    at = { id: last[0], key: last[1] };
    step = Math.min(MAX_STEP, step * 2);
  }
  return cardsInOrder(db, found);
}

/**
 * Up to `limit` rows (id, key) of the key's index after `at` in the sort's order (keysetParts), read
 * from the index alone; with `filters`, only the renders they keep (`costlyFilter`: in as few
 * statements as the cursor allows, fewerParts).
 */
function keyIndexRows(
  db: Db, spec: KeyedSpec, index: string, at: { key: CursorKey; id: number } | null, limit: number,
  filters?: { filter: RenderFilterParsed; where: string[]; params: Record<string, unknown> }, costlyFilter = false,
): Array<[number, CursorKey]> {
  const rows: Array<[number, CursorKey]> = [];
  const assets = filters?.filter.kind !== undefined ? 'CROSS JOIN assets a ON a.id = r.asset_id' : '';
  const params = { ...filters?.params, ...(at ? { cursorKey: at.key, cursorId: at.id } : {}) };
  for (const part of costlyFilter ? fewerParts(spec, at) : keysetParts(spec, at)) {
    const where = [...(part.cond ? [part.cond] : []), ...(filters?.where ?? [])];
    rows.push(
      ...(db
        .prepare(`SELECT r.id, ${spec.key} FROM renders r INDEXED BY ${index} ${assets} ${whereSql(where)} ORDER BY ${part.order} LIMIT @limit`)
        .raw()
        .all({ ...params, limit: limit - rows.length }) as Array<[number, CursorKey]>),
    );
    if (rows.length >= limit) break;
  }
  return rows;
}

/**
 * keysetParts with the rest of the cursor's tie group and the keys past it as one part, for a
 * filter that costs the same in every part however few rows it reads (a pass over a search's
 * matches, run once per statement): the part seeks to the cursor's key and steps over the tie
 * group's rows up to the cursor, where keysetParts would seek past them but pay the filter twice.
 */
function fewerParts(spec: KeyedSpec, cursor: { key: CursorKey } | null): Array<{ cond: string | null; order: string }> {
  if (!cursor || cursor.key === null) return keysetParts(spec, cursor);
  const [cmp, back] = spec.dir === 'DESC' ? ['<', '>='] : ['>', '<='];
  return [
    { cond: `${spec.key} ${cmp}= @cursorKey AND NOT (${spec.key} = @cursorKey AND r.id ${back} @cursorId)`, order: `${spec.key} ${spec.dir}, r.id ${spec.dir}` },
    ...keysetParts(spec, cursor).slice(2),
  ];
}

/**
 * The first time words are searched (no match set remembered): the page without handing every
 * match to JavaScript. From an estimate of how many renders match (match-probe.ts), the cheapest
 * of three ways (PROBE_COST):
 * - a common word or a single letter, whose page lies within a few hundred rows of the key's
 *   index: the index is read from the cursor in short steps and FTS5 looks up which rows of a step
 *   match, the next step weighed again by the density found so far;
 * - otherwise (or once the lookups find the matches sparse where the walk is): SQLite walks the
 *   key's index from there itself, keeping the rows among the matches, which it lists once into a
 *   temporary index (never handed to JavaScript): by cost or duration only the matches of the
 *   key's band where the page lies, then the next band's (passByBands); by title every match
 *   (keyIndexRows with the match as a filter: ≈0.6 ms for 3k matches, ≈4 ms for 35k);
 * - few matches: null, for the caller to list and sort them (matchSet), which is then cheap and
 *   keeps their order for the next pages.
 */
function searchByProbe(
  db: Db, spec: KeyedSpec, filter: RenderFilterParsed, where: string[], filterParams: Record<string, unknown>, fts: string,
  cursor: { key: CursorKey; id: number } | null, want: number, index: string, renders: number, bands?: string,
): PageRow[] | null {
  const estimate = Math.max(1, estimateMatches(db, fts, renders));
  const filters = where.length ? { filter, where, params: filterParams } : undefined;
  const lookupCost = PROBE_COST.lookup(db, fts);
  // The pass reads every match once wherever it starts, or with bands, the matches of the bands
  // the rest of the page lies in (guessed as a few times the rows it walks); and the rows it walks,
  // by how dense the matches are.
  const passCost = (need: number, density: number) =>
    PROBE_COST.passPerMatch * estimate * (bands ? Math.min(1, (PROBE_COST.bandRows * need) / density / renders) : 1) +
    (bands ? PROBE_COST.band : 0) + PROBE_COST.passPerRow * (need / density);
  let density = estimate / renders;
  if (PROBE_COST.listPerMatch * estimate < Math.min(passCost(want, density), (want / density) * lookupCost)) return null;
  const found: Array<[number, CursorKey]> = [];
  let at = cursor;
  let walked = 0;
  for (;;) {
    const need = want - found.length;
    if ((need / density) * lookupCost > passCost(need, density)) {
      const rest = bands
        ? passByBands(db, spec, index, at, need, { filter, where, params: filterParams }, fts, bands)
        : keyIndexRows(db, spec, index, at, need, {
          filter, where: [...where, 'r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)'], params: { ...filterParams, fts },
        }, true);
      return cardsInOrder(db, [...found, ...rest]);
    }
    // Lookups in short steps: a row that does not match costs more to look up than one that does
    // (FTS5 seeks past it), so a word sparse where the walk starts soon turns to the pass.
    const step = Math.min(LOOKUP_STEP, Math.ceil((need / density) * 1.15));
    const rows = keyIndexRows(db, spec, index, at, step, filters);
    walked += rows.length;
    if (rows.length) found.push(...matchingRows(db, fts, rows, need));
    if (found.length >= want || rows.length < step) return cardsInOrder(db, found);
    // Sparse here (a word that goes with cheap renders, sorted by cost): as found so far.
    density = found.length ? found.length / walked : density / 4;
    const last = rows[rows.length - 1]!;
    at = { id: last[0], key: last[1] };
  }
}

/**
 * The pass of searchByProbe for a key with band tokens (cost, duration; descending): band by band
 * from the cursor's, FTS5 intersects the words with the band's token, and SQLite walks the key's
 * index over the band's range keeping the rows among those matches, until the page is full; then,
 * for a nullable key, the renders without one (after every band, as NULLs sort last descending).
 * Each band's range is read from search_key_bands, the rows the tokens were made from.
 */
function passByBands(
  db: Db, spec: KeyedSpec, index: string, at: { key: CursorKey; id: number } | null, need: number,
  filters: { filter: RenderFilterParsed; where: string[]; params: Record<string, unknown> }, fts: string, bands: string,
): Array<[number, CursorKey]> {
  const rows: Array<[number, CursorKey]> = [];
  const key = spec.key;
  // The band a key is in, with its bounds (band 0, below the lowest, has no lower bound).
  const bandOf = (k: number): { band: number; lo: number | null; hi: number | null } =>
    (db.prepare(
      `SELECT band, lo, (SELECT lo FROM search_key_bands WHERE band = b.band + 1) AS hi FROM search_key_bands b
       WHERE lo <= ? ORDER BY lo DESC LIMIT 1`,
    ).get(k) as { band: number; lo: number; hi: number | null } | undefined) ??
    { band: 0, lo: null, hi: db.prepare('SELECT min(lo) FROM search_key_bands').pluck().get() as number | null };
  // The highest key below a bound (or of all), the band to read next.
  const below = (bound: number | null) =>
    db.prepare(`SELECT ${key} FROM renders r INDEXED BY ${index} WHERE ${key} ${bound === null ? 'IS NOT NULL' : '< ?'} ORDER BY ${key} DESC LIMIT 1`)
      .pluck()
      .get(...(bound === null ? [] : [bound])) as number | undefined;
  const assets = filters.filter.kind !== undefined ? 'CROSS JOIN assets a ON a.id = r.asset_id' : '';
  const walk = (conds: string[], params: Record<string, unknown>) =>
    db.prepare(
      `SELECT r.id, ${key} FROM renders r INDEXED BY ${index} ${assets} ${whereSql([...conds, ...filters.where])}
       ORDER BY ${key} ${spec.dir}, r.id ${spec.dir} LIMIT @limit`,
    ).raw().all({ ...filters.params, ...params, limit: need - rows.length }) as Array<[number, CursorKey]>;
  if (!at || at.key !== null) {
    const cursor = at ? [`${key} <= @cursorKey AND NOT (${key} = @cursorKey AND r.id >= @cursorId)`] : [];
    let top = at ? (at.key as number) : below(null);
    while (top !== undefined && rows.length < need) {
      const { band, lo, hi } = bandOf(top);
      rows.push(...walk(
        [...cursor, ...(lo !== null ? [`${key} >= @lo`] : []), ...(hi !== null ? [`${key} < @hi`] : []),
          'r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @bandFts)'],
        { lo, hi, cursorKey: at?.key, cursorId: at?.id, bandFts: `${fts} AND facets : "${bands}${band}"` },
      ));
      if (lo === null) break;
      top = below(lo);
    }
  }
  if (rows.length < need && spec.nullable) {
    rows.push(...walk(
      [`${key} IS NULL`, ...(at && at.key === null ? ['r.id < @cursorId'] : []), 'r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)'],
      { fts, cursorId: at?.id },
    ));
  }
  return rows;
}

/** Rows looked up at most in one step before searchByProbe weighs lookups against a pass again. */
const LOOKUP_STEP = 160;

/**
 * The cards of these renders, in this order, with their sort keys. Rows read as arrays (raw) and
 * named here: better-sqlite3 building an object per row costs more than the lookups (≈0.75
 * against ≈0.45 ms for a page of 121 at 100k renders).
 */
function cardsInOrder(db: Db, page: Array<[number, CursorKey]>): PageRow[] {
  if (!page.length) return [];
  const rows = db
    .prepare(`SELECT ${CARD_COLUMNS} FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.id IN (SELECT value FROM json_each(?))`)
    .raw()
    .all(JSON.stringify(page.map((p) => p[0]))) as CardTuple[];
  const byId = new Map(rows.map((r) => [r[0], r]));
  return page.map(([id, key]) => {
    const [, title, sha256, ext, kind, duration_ms, width, height, has_poster, sprite_frames, rating, flag, provider, model, cost_credits, created_at] = byId.get(id)!;
    return {
      id, title, sha256, ext, kind, duration_ms, width, height, has_poster, sprite_frames, rating, flag, provider, model, cost_credits, created_at,
      sort_key: key,
    };
  });
}

/** A row of CARD_COLUMNS read raw, in their order. */
type CardTuple = [
  id: number, title: string, sha256: string, ext: string, kind: MediaKind, duration_ms: number | null, width: number | null,
  height: number | null, has_poster: number, sprite_frames: number, rating: number, flag: RenderFlag | null, provider: string | null,
  model: string | null, cost_credits: number, created_at: number,
];

/**
 * A search with at most this many matches is sorted whole (a rare word, two words that seldom
 * meet): one walk of its matches costs less than a walk per rating group, each of which would
 * have to go through all of them to find a group empty.
 */
const FEW_MATCHES = 500;

function fewMatches(db: Db, fts: string): boolean {
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM renders_fts WHERE renders_fts MATCH ? LIMIT ${FEW_MATCHES + 1})`).pluck().get(fts) as number;
  return n <= FEW_MATCHES;
}

/** Ratings from best to worst: the order of a grid sorted by rating. */
const RATINGS_DESC = [5, 4, 3, 2, 1, 0] as const;

/**
 * A search sorted by rating (then newest first): the matches of each rating in turn, from the
 * cursor's rating down, each a lazy walk of the full-text index narrowed to that rating's facet
 * token (see migrations/0004-search.ts) that stops as soon as the page is full.
 */
function searchByRating(
  db: Db, filter: RenderFilterParsed, params: Record<string, unknown>, fts: string, cursor: { key: CursorKey } | null,
  want: number,
): PageRow[] {
  const start = cursor ? Number(cursor.key) : RATINGS_DESC[0];
  const rows: PageRow[] = [];
  for (const rating of RATINGS_DESC) {
    if (rating > start || (filter.ratingMin !== undefined && rating < filter.ratingMin)) continue;
    const inCursorGroup = cursor !== null && rating === start;
    const group = pageById(db, SORTS.newest, filter, { ...params, fts: withRating(fts, rating) }, true, inCursorGroup, want - rows.length);
    rows.push(...group.map((row) => ({ ...row, sort_key: rating })));
    if (rows.length >= want) break;
  }
  return rows;
}

/**
 * A search sorted by a key. The full-text index yields matches in id order, not key order, so
 * the general plan reads and sorts every match. Most pages, though, lie inside one key group (the
 * five-star matches, or the unrated ones deep in a search sorted by rating), and a key group is in
 * id order: so first look for a whole page in the group where the page starts, among the next
 * SEARCH_GROUP_WINDOW matches only. Found, it is exactly the page; not found (a few milliseconds
 * lost at most), sort every match.
 */
function searchByKey(
  db: Db, spec: KeyedSpec, filter: RenderFilterParsed, where: string[], params: Record<string, unknown>,
  cursor: { key: CursorKey } | null, want: number,
): PageRow[] {
  const cmp = spec.dir === 'DESC' ? '<' : '>';
  const matches = 'r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)';
  // Where the page starts: the cursor's key, or for the first page the first key of all renders
  // in this order (unless NULLs come first, ascending, where the shortcut is not worth its code).
  let start: { key: CursorKey } | null = cursor;
  if (!cursor && !(spec.nullable && spec.dir === 'ASC')) {
    const top = db.prepare(`SELECT ${spec.key} AS k FROM renders r ORDER BY ${spec.key} ${spec.dir}, r.id ${spec.dir} LIMIT 1`).get() as
      | { k: CursorKey }
      | undefined;
    if (top) start = { key: top.k };
  }
  if (start) {
    const group = start.key === null ? `${spec.key} IS NULL` : `${spec.key} = @groupKey`;
    const rows = db
      .prepare(
        `SELECT ${CARD_COLUMNS}, ${spec.key} AS sort_key
         FROM (SELECT rowid AS id FROM renders_fts WHERE renders_fts MATCH @fts ${cursor ? `AND rowid ${cmp} @cursorId` : ''}
               ORDER BY rowid ${spec.dir} LIMIT ${SEARCH_GROUP_WINDOW}) AS m
         CROSS JOIN renders r ON r.id = m.id JOIN assets a ON a.id = r.asset_id
         ${whereSql([...where, group])} ORDER BY m.id ${spec.dir} LIMIT @limit`,
      )
      .all({ ...params, groupKey: start.key, limit: want }) as PageRow[];
    if (rows.length >= want) return rows;
  }
  const all = [...where, matches];
  if (cursor) {
    // NULL keys (e.g. stills without a duration) sort last in DESC, first in ASC, as SQLite does.
    all.push(
      cursor.key === null
        ? spec.dir === 'DESC'
          ? `(${spec.key} IS NULL AND r.id < @cursorId)`
          : `((${spec.key} IS NULL AND r.id > @cursorId) OR ${spec.key} IS NOT NULL)`
        : spec.dir === 'DESC'
          ? `((${spec.key}, r.id) < (@cursorKey, @cursorId) OR ${spec.key} IS NULL)`
          : `(${spec.key}, r.id) > (@cursorKey, @cursorId)`,
    );
  }
  return keyedRows(db, spec, filter, all, `${spec.key} ${spec.dir}, r.id ${spec.dir}`, params, want);
}

export function countRenders(db: Db, filter: RenderFilterParsed): number {
  const params: Record<string, unknown> = {};
  const where = filterClauses(filter, params);
  let fts: string | null = null;
  if (filter.text) {
    fts = ftsMatch(db, filter.text);
    if (!fts) return 0;
    fts = withFacets(fts, filter);
    params.fts = fts;
  } else {
    fts = facetOnlyMatch(filter);
    if (fts) params.fts = fts;
  }
  // Every render has exactly one row in renders_fts (the triggers keep them in step) and one
  // asset (asset_id is a NOT NULL foreign key), so a text-only count is the full-text index's
  // own count, and assets are joined only to filter on their kind.
  if (fts && where.length === 0) {
    return (db.prepare('SELECT count(*) AS n FROM renders_fts WHERE renders_fts MATCH @fts').get(params) as { n: number }).n;
  }
  if (fts) where.push('r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)');
  const from = filter.kind !== undefined ? 'renders r CROSS JOIN assets a ON a.id = r.asset_id' : 'renders r';
  const row = db.prepare(`SELECT count(*) AS n FROM ${from} ${whereSql(where)}`).get(params) as { n: number };
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

// The renders a search matches (its words and filters), listed once and kept on the connection
// until the library changes: a search sorted by cost, duration or title walks that key's index
// and keeps the rows in this set (renders.ts, searchByWalk), and the next page, or the same words
// typed again, re-uses the list instead of asking FTS5 for every match again.
import type { Db } from './open.js';
import { ownWrites } from './search-terms.js';

export interface MatchSet {
  /** How many renders match. */
  readonly count: number;
  has(id: number): boolean;
  /**
   * The matches in a sort's order (ids and sort keys), by an ORDER BY; filled by the caller when
   * it sorts them, dropped with the set when the library changes.
   */
  readonly sorted: Map<string, { ids: number[]; keys: unknown[] }>;
}

/** Searches remembered per connection (a word typed letter by letter is one per letter). */
const CACHED = 32;
/** Ids up to this go in a bitmap (8 MB at most); a library with larger ids gets a Set. */
const BITMAP_MAX_ID = 1 << 26;

interface Cache {
  version: string;
  /** By MATCH expression, least recently used first. */
  sets: Map<string, MatchSet>;
  /** Searches answered without a set (searchByProbe) since the library last changed. */
  asked: Set<string>;
}
const caches = new WeakMap<Db, Cache>();

/**
 * Changes whenever the library may have: data_version moves when another connection commits,
 * ownWrites() when this one writes (the search's own temp scratch table left out).
 */
export function libraryVersion(db: Db): string {
  const dataVersion = db.prepare('SELECT data_version FROM pragma_data_version').pluck().get() as number;
  return `${dataVersion}:${ownWrites(db)}`;
}

/**
 * The ids `sql` selects (one column of render ids: a full-text search with its filters), from the
 * cache while the library is unchanged.
 */
export function matchSet(db: Db, sql: string, params: Record<string, unknown>): MatchSet {
  const cache = currentCache(db);
  const key = cacheKey(sql, params);
  const hit = cachedIn(cache, key);
  if (hit) return hit;
  const set = toSet(db.prepare(sql).pluck().all(params) as number[]);
  if (cache.sets.size >= CACHED) cache.sets.delete(cache.sets.keys().next().value!);
  cache.sets.set(key, set);
  return set;
}

/**
 * The set `sql` selects if it is remembered for the library as it is now, or null: for a caller
 * that has a cheaper way than listing every match (renders.ts, searchByProbe).
 */
export function cachedMatchSet(db: Db, sql: string, params: Record<string, unknown>): MatchSet | null {
  return cachedIn(currentCache(db), cacheKey(sql, params));
}

/**
 * Whether this search was asked before since the library last changed (and notes that it is
 * now): the first time, a page is found without listing every match; a second time (the next
 * page, or the same words again) the list is worth making, since every later page re-uses it.
 */
export function askedBefore(db: Db, sql: string, params: Record<string, unknown>): boolean {
  const cache = currentCache(db);
  const key = cacheKey(sql, params);
  if (cache.asked.has(key)) return true;
  if (cache.asked.size >= CACHED * 8) cache.asked.clear();
  cache.asked.add(key);
  return false;
}

function currentCache(db: Db): Cache {
  const version = libraryVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, sets: new Map(), asked: new Set() };
    caches.set(db, cache);
  }
  return cache;
}

const cacheKey = (sql: string, params: Record<string, unknown>) => `${sql}\n${JSON.stringify(params)}`;

/** A remembered set, marked most recently used. */
function cachedIn(cache: Cache, key: string): MatchSet | null {
  const hit = cache.sets.get(key);
  if (!hit) return null;
  cache.sets.delete(key);
  cache.sets.set(key, hit);
  return hit;
}

function toSet(ids: number[]): MatchSet {
  let max = 0;
  let min = 0;
  for (const id of ids) {
    if (id > max) max = id;
    if (id < min) min = id;
  }
  if (min < 0 || max > BITMAP_MAX_ID) {
    const set = new Set(ids);
    return { count: ids.length, has: (id) => set.has(id), sorted: new Map() };
  }
  // One bit per id: a lookup is a shift and a mask, and 100k renders take 12.5 kB.
  const bits = new Uint32Array((max >>> 5) + 1);
  for (const id of ids) bits[id >>> 5]! |= 1 << (id & 31);
  return { count: ids.length, has: (id) => id <= max && (bits[id >>> 5]! & (1 << (id & 31))) !== 0, sorted: new Map() };
}

// The read-only calls the catalogue reader serves (catalogue-reader.ts): counts and highlights
// that the grid shows beside its pages but never waits for. Each runs in one read transaction, so its several
// statements see one state of the library, and its answer is kept until the library changes.
import type { Db } from '../open.js';
import { countRenders } from '../renders.js';
import { renderFacets, renderHighlights } from '../facets.js';
import { resolveRenderFilter } from '../render-query.js';
import type { RenderFilterParsed } from '../renders.js';
import { libraryVersion } from '../match-set.js';

export const READ_QUERIES = {
  'renders.facets': (db: Db, input: { filter: RenderFilterParsed }) => renderFacets(db, resolveRenderFilter(db, input.filter).filter),
  'renders.count': (db: Db, input: { filter: RenderFilterParsed }) => {
    const { filter, empty } = resolveRenderFilter(db, input.filter);
    return { count: empty ? 0 : countRenders(db, filter) };
  },
  'renders.highlights': (db: Db, input: { text: string; ids: number[] }) => {
    // Only the free words are highlighted; provider:kling and friends are filters, not text.
    const resolved = resolveRenderFilter(db, { text: input.text });
    return resolved.filter.text ? renderHighlights(db, resolved.filter.text, input.ids) : [];
  },
} as const;

export type ReadQuery = keyof typeof READ_QUERIES;
export type ReadResult<Q extends ReadQuery> = ReturnType<(typeof READ_QUERIES)[Q]>;

/** How many answers are kept; a search typed letter by letter asks for one per letter. */
const CACHED = 64;

/**
 * Runs the read queries on one connection, remembering answers until the library changes, so going
 * back to an earlier search or facet costs nothing. SQLite's data_version moves when another
 * connection commits, this connection's own writes when it writes (the in-process fallback shares
 * the core's writing connection); a search's temp scratch rows are not a change (match-set.ts).
 */
export function readRunner(db: Db): <Q extends ReadQuery>(query: Q, input: Parameters<(typeof READ_QUERIES)[Q]>[1]) => ReadResult<Q> {
  const cache = new Map<string, unknown>();
  let version: string | null = null;
  const run = db.transaction((query: ReadQuery, input: unknown) => READ_QUERIES[query](db, input as never));
  return (query, input) => {
    const now = libraryVersion(db);
    if (now !== version) {
      cache.clear();
      version = now;
    }
    const key = `${query} ${JSON.stringify(input)}`;
    if (cache.has(key)) {
      // Most recently used last, so the oldest is the first to go.
      const hit = cache.get(key);
      cache.delete(key);
      cache.set(key, hit);
      return hit as ReadResult<typeof query>;
    }
    const result = run(query, input);
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
    return result as ReadResult<typeof query>;
  };
}

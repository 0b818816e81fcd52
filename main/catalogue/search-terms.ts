// Search as exact words: a prefix word of four letters or more is rewritten as the OR of the
// words in the library's vocabulary that start with it (the table search_terms, kept by
// triggers: see migrations/0004-search-terms.ts for why). FTS5 walks exact words lazily and
// stops at the page's LIMIT, where a prefix query first merges every match.
import type { Db } from './open.js';
import { toFtsQuery } from './fts-query.js';

/** Shorter prefixes are served by FTS5's own prefix indexes (renders_fts prefix = '1 2 3'). */
const MIN_EXPANDED_CHARS = 4;
/** Past this many words an OR costs about what the prefix merge does; keep the prefix query. */
const MAX_EXPANSIONS = 48;
/** Sorts after every string that starts with the prefix (BINARY collation compares UTF-8 bytes). */
const LAST_CHAR = '\u{10FFFF}';

/**
 * The MATCH expression for what the user typed, or null when it holds nothing searchable. It
 * looks at titles and prompts only: renders_fts's `facets` column holds tokens such as "rating4"
 * (see migrations/0004-search.ts) that a user's words must never hit.
 */
export function ftsMatch(db: Db, text: string): string | null {
  if (!folders.has(db)) folders.set(db, newFolder(db));
  const words = toFtsQuery(text, (word) => expandPrefix(db, folders.get(db) ?? null, word));
  return words === null ? null : `{title prompt} : (${words})`;
}

/**
 * Narrows a search (an ftsMatch expression) by the facet tokens of the filter's project, provider
 * and rating range (migrations/0007-search-facets.ts), so FTS5 intersects the lists itself. Only a
 * narrowing: the caller keeps the exact SQL filters, which a token can never replace (a provider
 * name the tokenizer splits into two words matches more renders than that provider's).
 */
export function withFacets(match: string, f: FacetTokenFilter): string {
  return [match, ...facetTerms(f)].join(' AND ');
}

type FacetTokenFilter = { projectId?: number | undefined; provider?: string | undefined; ratingMin?: number | undefined; ratingMax?: number | undefined };

/** The facet-token terms for the filter's project, provider and rating range (none for the others). */
export function facetTerms(f: FacetTokenFilter): string[] {
  const parts: string[] = [];
  if (f.projectId !== undefined) parts.push(`facets : "project${f.projectId}"`);
  if (f.provider !== undefined && f.provider !== '') parts.push(`facets : "${`provider${f.provider}`.replace(/"/g, '""')}"`);
  const min = Math.max(0, Math.ceil(f.ratingMin ?? 0));
  const max = Math.min(5, Math.floor(f.ratingMax ?? 5));
  if ((min > 0 || max < 5) && min <= max) {
    const ratings = Array.from({ length: max - min + 1 }, (_, i) => `"rating${min + i}"`);
    parts.push(`facets : (${ratings.join(' OR ')})`);
  }
  return parts;
}

/**
 * Without words, two or more of those facets at once (kling renders rated 4 or more): each has an
 * index of its own, but SQLite walks one and checks the others row by row, which reads every
 * render of the first when they have little in common (≈25 ms at 100k for none). FTS5 intersects
 * the facets' token lists instead (≈1.5 ms). Null when the filter does not call for it.
 */
export function facetOnlyMatch(f: FacetTokenFilter, sort?: string): string | null {
  const terms = facetTerms(f);
  // Sorted by rating, a project or a provider alone is enough: FTS5 then walks its renders one
  // rating at a time and stops at the page (renders.ts, searchByRating), where SQLite reads every
  // render of the project to sort them by rating (≈5 ms for 12k at 100k renders).
  const alone = sort === 'rating' && (f.projectId !== undefined || (f.provider !== undefined && f.provider !== ''));
  return terms.length >= 2 || (alone && terms.length === 1) ? terms.join(' AND ') : null;
}

/** Narrows a search (an ftsMatch expression) to the renders with this rating. */
export function withRating(match: string, rating: number): string {
  return `${match} AND facets : "rating${rating}"`;
}

function expandPrefix(db: Db, fold: Folder | null, word: string): string[] | null {
  if (!fold || [...word].length < MIN_EXPANDED_CHARS) return null;
  const tokens = fold(word);
  if (tokens.length !== 1) return null;
  const prefix = tokens[0]!;
  const words = db
    .prepare(
      `SELECT term FROM search_terms WHERE term >= @prefix AND term < @end AND substr(term, 1, length(@prefix)) = @prefix
       ORDER BY term LIMIT ${MAX_EXPANSIONS + 1}`,
    )
    .pluck()
    .all({ prefix, end: prefix + LAST_CHAR }) as string[];
  // None: the prefix query finds nothing too, and says so as fast.
  return words.length === 0 || words.length > MAX_EXPANSIONS ? null : words;
}

/**
 * A word as the index holds it (case and diacritics folded, split where the tokenizer splits),
 * told by SQLite's own tokenizer through a contentless FTS5 table in this connection's temp
 * schema, so the lookup can never disagree with what was indexed.
 */
type Folder = (word: string) => string[];
const folders = new WeakMap<Db, Folder | null>();

/**
 * Rows this module wrote to its temp scratch table on each connection. SQLite's total_changes()
 * counts them like any write; ownWrites() leaves them out, so a cache keyed on it (match-set.ts)
 * is not thrown away by every search that folds a word.
 */
const scratchWrites = new WeakMap<Db, number>();

/** Rows this connection has changed (total_changes()), the query scratch left out. */
export function ownWrites(db: Db): number {
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - (scratchWrites.get(db) ?? 0);
}

/** Runs `write` on the scratch table, counting what it changes into scratchWrites. */
function scratch<T>(db: Db, write: () => T): T {
  const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
  const before = changes();
  try {
    return write();
  } finally {
    scratchWrites.set(db, (scratchWrites.get(db) ?? 0) + changes() - before);
  }
}

function newFolder(db: Db): Folder | null {
  return scratch(db, () => newScratchFolder(db));
}

function newScratchFolder(db: Db): Folder | null {
  try {
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_scratch USING fts5(
        text, tokenize = 'unicode61 remove_diacritics 2', content = '', detail = none
      );
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_scratch_terms USING fts5vocab(temp, query_scratch, 'row');
    `);
  } catch {
    // No temp schema to write (unusual): search keeps plain prefix queries, correct but slower.
    return null;
  }
  return (word) =>
    scratch(db, () => {
      db.prepare('INSERT INTO temp.query_scratch(rowid, text) VALUES (1, ?)').run(word);
      try {
        return db.prepare('SELECT term FROM temp.query_scratch_terms').pluck().all() as string[];
      } finally {
        db.prepare(`INSERT INTO temp.query_scratch(query_scratch) VALUES ('delete-all')`).run();
      }
    });
}

// Which of a few renders a search matches, without listing every match: what a search sorted by
// cost, duration or title needs for its page the first time its words are searched
// (renders.ts, searchByProbe). Listing every match of a common word or a single letter (50k–90k
// ids at 100k renders) and handing them to JavaScript costs 10–25 ms; FTS5 itself walks the same
// list four times faster when only a few ids come out of it, and a lookup of one id costs
// about as much as walking a hundred matches or a few hundred (PROBE_COST).
import type { Db } from './open.js';

/** Windows of render ids counted to estimate how many renders a search matches. */
const SAMPLE_WINDOWS = 4;
const SAMPLE_SPAN = 1024;

/**
 * About how many renders up to id `maxId` the MATCH expression `fts` matches: counted exactly in
 * a small library, estimated from a few windows of ids spread over a large one. Only a guide for
 * choosing how to find a page; a wrong guess costs time, never a wrong page.
 */
export function estimateMatches(db: Db, fts: string, maxId: number): number {
  if (maxId <= 2 * SAMPLE_WINDOWS * SAMPLE_SPAN) {
    return db.prepare('SELECT count(*) FROM renders_fts WHERE renders_fts MATCH ?').pluck().get(fts) as number;
  }
  // Bound as integers (BigInt): FTS5 ignores a rowid bound that arrives as a REAL, which is how
  // better-sqlite3 binds a plain JavaScript number, and would walk every match instead.
  const count = db.prepare('SELECT count(*) FROM renders_fts WHERE renders_fts MATCH @fts AND rowid > @lo AND rowid <= @hi').pluck();
  let n = 0;
  for (let w = 1; w <= SAMPLE_WINDOWS; w++) {
    const hi = Math.round((maxId * w) / SAMPLE_WINDOWS);
    n += count.get({ fts, lo: BigInt(hi - SAMPLE_SPAN), hi: BigInt(hi) }) as number;
  }
  return (n * maxId) / (SAMPLE_WINDOWS * SAMPLE_SPAN);
}

/**
 * What finding a page costs each way, in µs, measured at 100k renders on one segment (the
 * figures only choose between ways that give the same page; a wrong guess costs time, never a
 * wrong page):
 * - looking ids up in the full-text index, a batch at a time (matchingRows): ≈4.5 µs per id and
 *   per word of the expression when the index is one segment, growing with every segment, since
 *   FTS5 searches each for each word (≈25–45 µs at 19 segments);
 * - one pass of SQLite over every match, kept in a temporary index, while the key's index is
 *   walked (renders.ts, keyIndexRows with the match as a filter): ≈0.11 µs per match, and
 *   ≈0.07 µs per row walked;
 * - listing the matches and sorting them by the key (match-set.ts; kept for the next pages):
 *   ≈1.3 µs per match, most of it reading each match's key from its row.
 */
export const PROBE_COST = {
  lookup: (db: Db, fts: string) => (3 + 1.5 * ftsSegments(db)) * wordsIn(fts),
  passPerMatch: 0.11,
  passPerRow: 0.07,
  listPerMatch: 1.3,
  /** A pass by bands (cost, duration): each band costs a few small statements … */
  band: 150,
  /** … and its matches are guessed as this many times those of the rows the page needs. */
  bandRows: 4,
} as const;

/** Quoted words (and facet tokens) in a MATCH expression: FTS5 seeks each for every id looked up. */
function wordsIn(fts: string): number {
  return Math.max(1, Math.floor((fts.match(/"/g)?.length ?? 0) / 2));
}

/**
 * How many segments renders_fts has now, from FTS5's structure record (row 10 of its data
 * table): a 4-byte cookie, an optional version-2 marker, then the varints nLevel and nSegment.
 */
export function ftsSegments(db: Db): number {
  const block = db.prepare('SELECT block FROM renders_fts_data WHERE id = 10').pluck().get() as Buffer | undefined;
  if (!block || block.length < 6) return 1;
  let at = block[4] === 0xff && block[5] === 0x00 && block[6] === 0x00 && block[7] === 0x01 ? 8 : 4;
  const varint = () => {
    let value = 0;
    for (let i = 0; i < 9 && at < block.length; i++) {
      const byte = block[at++]!;
      value = value * 128 + (byte & 0x7f);
      if (byte < 0x80) break;
    }
    return value;
  };
  varint();
  return Math.max(1, varint());
}

/**
 * The rows among `rows` (id first) that the MATCH expression `fts` matches, in their order, at most
 * `want`: FTS5 looks the ids up, all in one statement (about half the cost of one call per id).
 */
export function matchingRows<R extends readonly [number, ...unknown[]]>(db: Db, fts: string, rows: R[], want: number): R[] {
  // json_each yields INTEGER values, which FTS5 takes as a rowid constraint and seeks one by one
  // (a REAL, as better-sqlite3 binds a JavaScript number, it would ignore and answer every match).
  const matching = new Set(
    db.prepare('SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts AND rowid IN (SELECT value FROM json_each(@ids))')
      .pluck()
      .all({ fts, ids: JSON.stringify(rows.map((r) => r[0])) }) as number[],
  );
  const out: R[] = [];
  for (const row of rows) {
    if (matching.has(row[0]) && out.push(row) >= want) break;
  }
  return out;
}

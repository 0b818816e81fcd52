// Which of a few renders a search matches, without listing every match: what a search sorted by
// cost, duration or title needs for its page the first time its words are searched
// (renders.ts, searchByProbe). Listing every match of a common word or a single letter (50k–90k
// ids at 100k renders) and handing them to JavaScript costs 10–25 ms; FTS5 itself walks the same
// list four times faster when only a few ids come out of it, and a lookup of one id costs
// about as much as walking a hundred matches or a few hundred (lookupCostInMatches).
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
 * What looking up one id in the full-text index costs, in matches of a word walked (≈0.05 µs
 * each at 100k renders): a fixed part and a part per segment of the index, each of which FTS5
 * searches for the word. Measured at 100k renders: ≈5–15 µs when the index is one segment (an id
 * that does not match costs the most), ≈25–45 µs at the 19 segments of the benchmark's library
 * as generated.
 */
export function lookupCostInMatches(db: Db): number {
  return 100 + 30 * ftsSegments(db);
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
 * `want`. Either FTS5 looks the ids up one by one (`lookup`: cheap for a common word, whose page
 * is within a few hundred rows; it stops at the page), or it walks the word's matches once and
 * keeps those among the ids (a bloom filter, then the ids' temp index): the cost of a count,
 * whatever the number of rows.
 */
export function matchingRows<R extends readonly [number, ...unknown[]]>(db: Db, fts: string, rows: R[], want: number, lookup: boolean): R[] {
  const out: R[] = [];
  if (lookup) {
    // The id bound as an integer (BigInt; see estimateMatches): as a REAL, FTS5 would answer for
    // every match.
    const has = db.prepare('SELECT 1 FROM renders_fts WHERE renders_fts MATCH @fts AND rowid = @id').pluck();
    for (const row of rows) {
      if (has.get({ fts, id: BigInt(row[0]) }) !== undefined && out.push(row) >= want) break;
    }
    return out;
  }
  // json_each yields INTEGER values; the unary + keeps the ids from FTS5 as a constraint, so that
  // it walks its list once instead of looking each up.
  const matching = new Set(
    db.prepare('SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts AND +rowid IN (SELECT value FROM json_each(@ids))')
      .pluck()
      .all({ fts, ids: JSON.stringify(rows.map((r) => r[0])) }) as number[],
  );
  for (const row of rows) {
    if (matching.has(row[0]) && out.push(row) >= want) break;
  }
  return out;
}

// Keeps the full-text index in one piece. FTS5 writes each transaction's changes as a new segment
// and merges them only now and then (four to a level), so a library that was imported, rated and
// tagged over a session holds 5–20 segments. Looking one render up in the index (the first page
// of a search sorted by cost or duration does that a hundred times or more: match-probe.ts) then
// searches every segment: ≈25 µs at 19 segments against ≈5 µs at one, at 100k renders.
import type { Db } from './open.js';
import { ftsSegments } from './match-probe.js';

/** More segments than this at close, and the index is merged into one. */
export const MAX_SEGMENTS_AT_CLOSE = 4;

/**
 * Merges renders_fts into one segment when it has grown past MAX_SEGMENTS_AT_CLOSE; true when it
 * did. Run as the library closes (Core.close): it rewrites the index (≈0.5–1 s at 100k renders),
 * in one transaction, so an interrupted merge leaves the index as it was.
 */
export function compactSearchIndex(db: Db): boolean {
  if (ftsSegments(db) <= MAX_SEGMENTS_AT_CLOSE) return false;
  db.prepare("INSERT INTO renders_fts(renders_fts) VALUES('optimize')").run();
  return true;
}

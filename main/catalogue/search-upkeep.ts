// Keeps the full-text index in one piece (at close, and while the app is idle). FTS5 writes each transaction's changes as a new segment
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

/** No contract call for this long, and the app counts as idle (search-upkeep merges then). */
export const IDLE_AFTER_MS = 30_000;
/** How often an idle app takes one step of the merge. */
const IDLE_STEP_MS = 250;
/** Index pages one step writes at most: one short transaction (≈10 ms, 50 at most, at 100k renders at load 7). */
const MERGE_STEP_PAGES = 100;

/**
 * The same merge as at close, while the app is idle, so a long session (imports, ratings, charges,
 * each a segment) does not leave searches slower until the next start: when no call has come for
 * IDLE_AFTER_MS and the index has more than MAX_SEGMENTS_AT_CLOSE segments, FTS5 merges it towards
 * one in steps of MERGE_STEP_PAGES pages ('merge' with a negative count: segments of every level),
 * each its own transaction, until a step finds nothing left to merge. A call that arrives meanwhile
 * waits for one step at most, and the merge goes on at the next idle spell.
 */
export class IdleSearchUpkeep {
  private lastCall: number;
  private merging = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly log: (msg: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.lastCall = now();
    this.timer = setInterval(() => this.step(), IDLE_STEP_MS);
    this.timer.unref();
  }

  /** A contract call came in: the app is in use. */
  busy(): void {
    this.lastCall = this.now();
  }

  /** One step of the merge when idle and called for; true when it merged something. */
  step(): boolean {
    if (this.now() - this.lastCall < IDLE_AFTER_MS) return false;
    try {
      if (!this.merging && ftsSegments(this.db) <= MAX_SEGMENTS_AT_CLOSE) return false;
      const changes = this.db.prepare('SELECT total_changes()').pluck();
      const before = changes.get() as number;
      this.db.prepare("INSERT INTO renders_fts(renders_fts, rank) VALUES('merge', ?)").run(-MERGE_STEP_PAGES);
      // FTS5 writes at least two rows when a step merged anything (its documented test).
      this.merging = (changes.get() as number) - before >= 2;
    } catch (err) {
      // A full disk or a busy file: the index stays as it was, only slower to look up in.
      this.log(`search index not merged while idle: ${(err as Error).message}`);
      this.merging = false;
    }
    return this.merging;
  }

  close(): void {
    clearInterval(this.timer);
  }
}

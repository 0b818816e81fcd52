import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type Db = Database.Database;

/** Queries slower than this are logged with their SQL, so regressions show up in everyday use. */
const SLOW_QUERY_MS = 40;

export function openCatalogue(file: string, opts: { readonly?: boolean; log?: (msg: string) => void } = {}): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
    // last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // Searches at 100k renders touch ~70 MB of index; the default 2 MB cache makes every page
    // re-read it. 64 MB keeps the hot part in memory (measured 10–30% faster on heavy queries).
    db.pragma('cache_size = -65536');
    if (!opts.readonly) migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  if (opts.log) logSlowQueries(db, opts.log);
  cacheStatements(db);
  return db;
}

/**
 * Queries are written inline beside their domain and prepared on every call; compiling the same
 * SQL again costs more than running it. This keeps each compiled statement, resetting the
 * result modes (pluck/raw/expand) a caller may have switched on last time.
 */
function cacheStatements(db: Db, max = 1000): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.clear();
      cache.set(source, stmt);
    } else if (stmt.reader) {
      stmt.pluck(false).raw(false).expand(false);
    }
    return stmt;
  }) as typeof db.prepare;
}

/** Wraps statement execution so queries slower than SLOW_QUERY_MS are reported with their SQL. */
function logSlowQueries(db: Db, log: (msg: string) => void): void {
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const stmt = prepare(source);
    const methods = stmt as unknown as Record<'all' | 'get' | 'run', (...args: unknown[]) => unknown>;
    for (const name of ['all', 'get', 'run'] as const) {
      const original = methods[name].bind(stmt);
      methods[name] = (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return original(...args);
        } finally {
          const ms = performance.now() - t0;
          if (ms > SLOW_QUERY_MS) log(`slow query (${ms.toFixed(1)} ms): ${source.replace(/\s+/g, ' ').slice(0, 300)}`);
        }
      };
    }
    return stmt;
  }) as typeof db.prepare;
}

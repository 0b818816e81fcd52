import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export class CatalogueTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `This library was written by a newer version of Dailies (catalogue schema ${found}; this ` +
        `version understands up to ${supported}). Update Dailies to open it; the library was not changed.`,
    );
    this.name = 'CatalogueTooNewError';
  }
}

/**
 * Brings the catalogue to the latest schema. Each migration runs in its own transaction together
 * with the `user_version` bump, so a crash mid-way leaves the previous version intact.
 */
export function migrate(db: Database, migrations = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > migrations.length) throw new CatalogueTooNewError(from, migrations.length);
  for (let v = from; v < migrations.length; v++) {
    const step = migrations[v]!;
    // Rebuilding a table (SQLite's documented way to change a CHECK) needs foreign keys off, or
    // dropping the old table would cascade into the rows that refer to it. The pragma cannot
    // change inside a transaction; the references are checked before the step commits.
    if (step.rebuild) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(step.sql);
        if (step.rebuild) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length) throw new Error(`Migration ${step.name} would break ${broken.length} references; the catalogue was not changed.`);
        }
        db.pragma(`user_version = ${v + 1}`);
      })();
    } finally {
      if (step.rebuild) db.pragma('foreign_keys = ON');
    }
  }
  return { from, to: migrations.length };
}

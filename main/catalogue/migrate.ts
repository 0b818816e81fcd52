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
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return { from, to: migrations.length };
}

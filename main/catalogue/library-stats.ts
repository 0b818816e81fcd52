import type { Db } from './open.js';

export function libraryCounts(db: Db): { renders: number; references: number; projects: number } {
  return db
    .prepare('SELECT (SELECT count(*) FROM renders) AS renders, (SELECT count(*) FROM refs) AS "references", (SELECT count(*) FROM projects) AS projects')
    .get() as { renders: number; references: number; projects: number };
}

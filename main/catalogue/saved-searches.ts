// Saved searches (smart collections): stored as what the user set up, re-run each time.
import type { Db } from './open.js';
import type { RenderSort } from '../../shared/domain.js';
import { ContractError } from '../../shared/errors.js';
import { newUid } from './uid.js';

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  /** The facet choices, as saved (validated against the contract's RenderFilter when read). */
  filter: unknown;
  sort: RenderSort;
  createdAt: number;
}

export function listSavedSearches(db: Db): SavedSearchRow[] {
  const rows = db
    .prepare('SELECT id, name, query, filter, sort, created_at AS createdAt FROM saved_searches ORDER BY position, id')
    .all() as Array<Omit<SavedSearchRow, 'filter'> & { filter: string }>;
  return rows.map((r) => ({ ...r, filter: JSON.parse(r.filter) as unknown }));
}

/** Saves under a name; a search already of that name (any case) is replaced, keeping its place. */
export function saveSearch(db: Db, s: { name: string; query: string; filter: object; sort: RenderSort }): SavedSearchRow {
  const now = Date.now();
  const filter = JSON.stringify(s.filter);
  const existing = db.prepare('SELECT id FROM saved_searches WHERE name = ?').pluck().get(s.name) as number | undefined;
  let id: number;
  if (existing !== undefined) {
    db.prepare('UPDATE saved_searches SET name = ?, query = ?, filter = ?, sort = ?, updated_at = ? WHERE id = ?').run(s.name, s.query, filter, s.sort, now, existing);
    id = existing;
  } else {
    const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 FROM saved_searches').pluck().get() as number) ?? 1;
    id = Number(
      db
        .prepare('INSERT INTO saved_searches (uid, name, query, filter, sort, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(newUid(), s.name, s.query, filter, s.sort, position, now, now).lastInsertRowid,
    );
  }
  return listSavedSearches(db).find((r) => r.id === id)!;
}

export function deleteSavedSearch(db: Db, id: number): void {
  if (db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes === 0) {
    throw new ContractError('not_found', `There is no saved search ${id}; it may have been deleted already.`, [{ field: 'id', message: 'no such saved search' }]);
  }
}

// Reference queries. The table is named `refs` because REFERENCES is an SQL keyword.
import type { Db } from './open.js';
import type { ReferencesPage } from '../../shared/contract.js';
import type { MediaKind, ReferenceCard, ReferenceRole } from '../../shared/domain.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { newUid } from './uid.js';

export function insertReference(
  db: Db,
  r: { assetId: number; title: string; origin: string | null; projectId?: number | null; role?: ReferenceRole | null },
): number {
  const info = db
    .prepare('INSERT INTO refs (uid, asset_id, project_id, role, title, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(newUid(), r.assetId, r.projectId ?? null, r.role ?? null, r.title, r.origin, Date.now());
  return Number(info.lastInsertRowid);
}

export function referenceIdForAsset(db: Db, assetId: number): number | null {
  const row = db.prepare('SELECT id FROM refs WHERE asset_id = ? ORDER BY id LIMIT 1').get(assetId) as { id: number } | undefined;
  return row?.id ?? null;
}

export function pageReferences(db: Db, input: { cursor?: string | null | undefined; limit: number }): ReferencesPage {
  const params: Record<string, unknown> = { limit: input.limit + 1 };
  let where = '';
  if (input.cursor) {
    params.cursorId = decodeCursor('refs', input.cursor).id;
    where = 'WHERE f.id < @cursorId';
  }
  const rows = db
    .prepare(
      `SELECT f.id, f.title, a.sha256, a.ext, a.kind, f.role, a.width, a.height, a.has_poster, f.created_at
       FROM refs f JOIN assets a ON a.id = f.asset_id ${where} ORDER BY f.id DESC LIMIT @limit`,
    )
    .all(params) as {
    id: number; title: string; sha256: string; ext: string; kind: MediaKind; role: ReferenceRole | null;
    width: number | null; height: number | null; has_poster: number; created_at: number;
  }[];
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const items: ReferenceCard[] = page.map((r) => ({
    id: r.id, title: r.title, sha256: r.sha256, ext: r.ext, kind: r.kind, role: r.role,
    width: r.width, height: r.height, hasPoster: r.has_poster === 1, createdAt: r.created_at,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: more && last ? encodeCursor('refs', null, last.id) : null };
}

// Reference queries. The table is named `refs` because REFERENCES is an SQL keyword.
import type { Db } from './open.js';
import type { ReferencesPage } from '../../shared/contract.js';
import type { MediaKind, ReferenceCard, ReferenceRole } from '../../shared/domain.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { newUid } from './uid.js';
import { ContractError } from '../../shared/errors.js';

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
      `SELECT f.id, f.title, a.sha256, a.ext, a.kind, f.role, a.width, a.height, a.size, f.provider_ids, a.has_poster, f.created_at
       FROM refs f JOIN assets a ON a.id = f.asset_id ${where} ORDER BY f.id DESC LIMIT @limit`,
    )
    .all(params) as {
    id: number; title: string; sha256: string; ext: string; kind: MediaKind; role: ReferenceRole | null;
    width: number | null; height: number | null; size: number; provider_ids: string; has_poster: number; created_at: number;
  }[];
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const items: ReferenceCard[] = page.map((r) => ({
    id: r.id, title: r.title, sha256: r.sha256, ext: r.ext, kind: r.kind, role: r.role,
    width: r.width, height: r.height, size: r.size, elementIds: klingElementIds(r.provider_ids), hasPoster: r.has_poster === 1, createdAt: r.created_at,
  }));
  const last = page[page.length - 1];
  return { items, nextCursor: more && last ? encodeCursor('refs', null, last.id) : null };
}

function klingElementIds(providerIds: string): string[] {
  const parsed = JSON.parse(providerIds) as { kling?: { elements?: unknown } };
  const ids = parsed.kling?.elements;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/** Sets (or clears) what a reference is for; the role is kept for every later generation. */
export function setReferenceRole(db: Db, id: number, role: ReferenceRole | null): void {
  const info = db.prepare('UPDATE refs SET role = ? WHERE id = ?').run(role, id);
  if (info.changes === 0) throw new ContractError('not_found', `No reference #${id}.`);
}

/** Keeps a Kling element id on each reference it was made from (provider_ids.kling.elements). */
export function recordKlingElement(db: Db, refIds: number[], elementId: string): void {
  const get = db.prepare('SELECT provider_ids FROM refs WHERE id = ?');
  const put = db.prepare('UPDATE refs SET provider_ids = ? WHERE id = ?');
  db.transaction(() => {
    for (const id of refIds) {
      const row = get.get(id) as { provider_ids: string } | undefined;
      if (!row) continue;
      const ids = JSON.parse(row.provider_ids) as Record<string, Record<string, unknown>>;
      const kling = ids.kling ?? {};
      const elements = Array.isArray(kling.elements) ? (kling.elements as string[]) : [];
      if (!elements.includes(elementId)) elements.push(elementId);
      ids.kling = { ...kling, elements };
      put.run(JSON.stringify(ids), id);
    }
  })();
}

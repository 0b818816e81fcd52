// Writing what a file's metadata says onto its new render, inside the import's transaction:
// the prompt row (deduplicated), cost, tags, the references it was made from and its parent.
// References and parents not (yet) in the library are skipped: they are links, not requirements.
import path from 'node:path';
import type { Db } from '../../catalogue/open.js';
import { findAssetBySha } from '../../catalogue/assets.js';
import { currentLocation } from '../../catalogue/locations.js';
import { upsertPrompt } from '../../catalogue/prompts.js';
import { referenceIdForAsset } from '../../catalogue/references.js';
import { renderIdForAsset } from '../../catalogue/renders.js';
import type { FileMetadata } from './file-metadata.js';

export function promptIdFor(db: Db, meta: FileMetadata): number | null {
  if (!meta.prompt || (!meta.prompt.text && !meta.prompt.negative)) return null;
  return upsertPrompt(db, meta.prompt);
}

function assetIdOf(db: Db, ref: { sha256?: string | undefined; path?: string | undefined }, baseDir: string): number | null {
  if (ref.sha256) return findAssetBySha(db, ref.sha256)?.id ?? null;
  if (ref.path) return currentLocation(db, path.resolve(baseDir, ref.path))?.assetId ?? null;
  return null;
}

export function applyRenderMetadata(db: Db, renderId: number, meta: FileMetadata, baseDir: string): void {
  if (meta.costCredits !== undefined) db.prepare('UPDATE renders SET cost_credits = ? WHERE id = ?').run(meta.costCredits, renderId);
  for (const name of meta.tags ?? []) {
    db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(name);
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
    db.prepare('INSERT OR IGNORE INTO render_tags (render_id, tag_id) VALUES (?, ?)').run(renderId, tagId);
  }
  (meta.references ?? []).forEach((ref, position) => {
    const assetId = assetIdOf(db, ref, baseDir);
    const refId = assetId === null ? null : referenceIdForAsset(db, assetId);
    if (refId !== null) {
      db.prepare('INSERT OR IGNORE INTO render_refs (render_id, ref_id, role, position) VALUES (?, ?, ?, ?)').run(renderId, refId, ref.role, position);
    }
  });
  if (meta.parent) {
    const assetId = assetIdOf(db, meta.parent, baseDir);
    const parentId = assetId === null ? null : renderIdForAsset(db, assetId);
    if (parentId !== null && parentId !== renderId) {
      db.prepare('INSERT OR IGNORE INTO lineage (child_id, parent_id, operation) VALUES (?, ?, ?)').run(renderId, parentId, meta.parent.operation);
    }
  }
}

// A sidecar that arrives after its media (a tool writes the clip, then `<clip>.dailies.json` a
// moment later): its facts are written onto the take (or reference) the clip already became,
// field by field as an import would have taken them. Fields the sidecar leaves out are kept.
import path from 'node:path';
import type { Db } from '../../catalogue/open.js';
import { currentLocation } from '../../catalogue/locations.js';
import { referenceIdForAsset } from '../../catalogue/references.js';
import { renderIdForAsset } from '../../catalogue/renders.js';
import { applyRenderMetadata, promptIdFor } from './apply-metadata.js';
import type { FileMetadata } from './file-metadata.js';

export interface LateSidecarResult {
  renderId?: number;
  referenceId?: number;
}

/**
 * Applies `meta` (read from the sidecar of `file`) to what is catalogued at `file`, in one
 * transaction. null when nothing is catalogued there (yet): the import will read the sidecar.
 */
export function applyLateSidecar(db: Db, file: string, meta: Partial<FileMetadata>): LateSidecarResult | null {
  return db.transaction((): LateSidecarResult | null => {
    const at = currentLocation(db, file);
    if (!at) return null;
    const renderId = renderIdForAsset(db, at.assetId);
    if (renderId !== null) {
      const promptId = promptIdFor(db, { sources: [], ...meta });
      db.prepare(
        `UPDATE renders SET title = coalesce(?, title), prompt_id = coalesce(?, prompt_id), provider = coalesce(?, provider),
           model = coalesce(?, model), task_type = coalesce(?, task_type), params = json_patch(params, ?) WHERE id = ?`,
      ).run(meta.title ?? null, promptId, meta.provider ?? null, meta.model ?? null, meta.taskType ?? null,
        JSON.stringify(meta.params ?? {}), renderId);
      applyRenderMetadata(db, renderId, { sources: [], ...meta }, path.dirname(file));
      // Seen now: a restart does not apply the same sidecar again (see FolderWatcher).
      db.prepare('UPDATE asset_locations SET last_seen = ? WHERE asset_id = ? AND path = ?').run(Date.now(), at.assetId, file);
      return { renderId };
    }
    const referenceId = referenceIdForAsset(db, at.assetId);
    if (referenceId === null) return null;
    db.prepare('UPDATE refs SET title = coalesce(?, title), role = coalesce(?, role) WHERE id = ?').run(meta.title ?? null, meta.role ?? null, referenceId);
    db.prepare('UPDATE asset_locations SET last_seen = ? WHERE asset_id = ? AND path = ?').run(Date.now(), at.assetId, file);
    return { referenceId };
  })();
}

/** When the place was last seen (imported or a sidecar applied), to tell a sidecar written since. */
export function lastSeenAt(db: Db, file: string): number | null {
  return (db.prepare('SELECT max(last_seen) FROM asset_locations WHERE path = ? AND gone_at IS NULL').pluck().get(file) as number | null) ?? null;
}

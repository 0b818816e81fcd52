// From a spec's ids to the files and provider handles an adapter needs.
import type { Db } from '../catalogue/open.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import type { ReferenceRole } from '../../shared/domain.js';
import { MEDIA_TYPES } from '../../shared/media-types.js';
import { ContractError } from '../../shared/errors.js';
import { mediaPath, type LibraryLayout } from '../store/layout.js';
import type { ResolvedInput, ResolvedParent, ResolvedTask } from '../providers/types.js';

interface RefRow {
  id: number; sha256: string; ext: string; width: number | null; height: number | null; size: number; duration_ms: number | null;
  storage: string; external_path: string | null;
}

/** A library reference's file, or not_found naming `field`. */
export function refFile(db: Db, layout: LibraryLayout, refId: number, field: string): RefRow & { path: string } {
  const row = db
    .prepare(
      `SELECT f.id, a.sha256, a.ext, a.width, a.height, a.size, a.duration_ms, a.storage, a.external_path
       FROM refs f JOIN assets a ON a.id = f.asset_id WHERE f.id = ?`,
    )
    .get(refId) as RefRow | undefined;
  if (!row) throw new ContractError('not_found', `There is no reference ${refId} in this library.`, [{ field, message: 'no such reference' }]);
  const path = row.storage === 'external' && row.external_path ? row.external_path : mediaPath(layout, row.sha256, row.ext);
  return { ...row, path };
}

function input(row: RefRow & { path: string }, role: ReferenceRole): ResolvedInput {
  return {
    refId: row.id, role, path: row.path, mime: MEDIA_TYPES[row.ext]?.mime ?? 'application/octet-stream',
    width: row.width, height: row.height, size: row.size, durationMs: row.duration_ms,
  };
}

export function resolveTask(db: Db, layout: LibraryLayout, spec: GenerationSpecParsed): ResolvedTask {
  const inputs: ResolvedInput[] = spec.references.map((r, i) => input(refFile(db, layout, r.refId, `references.${i}.refId`), r.role));
  spec.motion?.forEach((m, i) => inputs.push(input(refFile(db, layout, m.maskRefId, `motion.${i}.maskRefId`), 'mask')));
  if (spec.maskRefId) inputs.push(input(refFile(db, layout, spec.maskRefId, 'maskRefId'), 'mask'));
  if (spec.staticMaskRefId) inputs.push(input(refFile(db, layout, spec.staticMaskRefId, 'staticMaskRefId'), 'mask'));
  if (spec.lipSync) inputs.push(input(refFile(db, layout, spec.lipSync.audioRefId, 'lipSync.audioRefId'), 'audio'));

  const parent = spec.parentRenderId ? resolveParent(db, layout, spec.parentRenderId) : null;
  return { spec, inputs, parent };
}

/** The render an edit starts from, with the provider's handles for it (the job that made it). */
export function resolveParent(db: Db, layout: LibraryLayout, renderId: number): ResolvedParent {
  const row = db
    .prepare(
      `SELECT r.id, r.provider, a.sha256, a.ext, a.width, a.height, a.duration_ms, j.result_video_id, j.result_url
       FROM renders r JOIN assets a ON a.id = r.asset_id LEFT JOIN jobs j ON j.id = r.job_id WHERE r.id = ?`,
    )
    .get(renderId) as
    | { id: number; provider: string | null; sha256: string; ext: string; width: number | null; height: number | null;
        duration_ms: number | null; result_video_id: string | null; result_url: string | null }
    | undefined;
  if (!row) throw new ContractError('not_found', `There is no render ${renderId} to edit.`, [{ field: 'parentRenderId', message: 'no such render' }]);
  return {
    renderId: row.id, path: mediaPath(layout, row.sha256, row.ext), provider: row.provider,
    providerVideoId: row.result_video_id, providerVideoUrl: row.result_url,
    width: row.width, height: row.height, durationMs: row.duration_ms,
  };
}

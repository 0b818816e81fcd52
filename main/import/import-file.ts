// Importing one file: stage into the library (hashing as it copies), probe, make the poster,
// move into the store, then add the catalogue rows in one transaction. Any failure before the
// transaction leaves the catalogue as it was and removes the temp file.
import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { LimitFunction } from 'p-limit';
import type { Db } from '../catalogue/open.js';
import type { ImportFileOutcome, MediaKind } from '../../shared/domain.js';
import { mediaTypeOf, extensionOf } from '../../shared/media-types.js';
import { findAssetBySha, insertAsset, recordLocation } from '../catalogue/assets.js';
import { insertRender, renderIdForAsset } from '../catalogue/renders.js';
import { insertReference, referenceIdForAsset } from '../catalogue/references.js';
import { commitStaged, discardStaged, stageFile } from '../store/ingest.js';
import { thumbPath, type LibraryLayout } from '../store/layout.js';
import { NotMediaError, probe } from '../store/probe.js';
import { makePoster } from '../store/thumbnails.js';
import type { MediaTools } from '../store/tools.js';
import { ToolError } from '../store/run-tool.js';
import { describeFsError } from './walk.js';

export interface ImportContext {
  db: Db;
  layout: LibraryLayout;
  tools: MediaTools;
  pool: LimitFunction;
  projectId?: number | undefined;
}

export type ImportedFile = ImportFileOutcome & { sha256?: string; durationMs?: number | null; ext?: string };

function existingIds(db: Db, assetId: number, kind: MediaKind): Pick<ImportFileOutcome, 'renderId' | 'referenceId'> {
  if (kind === 'video') {
    const renderId = renderIdForAsset(db, assetId);
    return renderId !== null ? { renderId } : {};
  }
  const referenceId = referenceIdForAsset(db, assetId);
  return referenceId !== null ? { referenceId } : {};
}

export async function importFile(ctx: ImportContext, file: string): Promise<ImportedFile> {
  const type = mediaTypeOf(file);
  if (!type) {
    const ext = extensionOf(file);
    return { path: file, status: 'ignored', reason: `Not a video, image or audio file${ext ? ` (.${ext})` : ''}.` };
  }
  const ext = extensionOf(file);
  try {
    const st = await stat(file);
    if (st.size === 0) return { path: file, status: 'failed', reason: 'The file is empty (0 bytes); nothing to import.' };
  } catch (err) {
    return { path: file, status: 'failed', reason: describeFsError(err) };
  }

  let staged;
  try {
    staged = await stageFile(ctx.layout, file, ext);
  } catch (err) {
    return { path: file, status: 'failed', reason: describeFsError(err) };
  }

  try {
    const known = findAssetBySha(ctx.db, staged.sha256);
    if (known) {
      await discardStaged(staged);
      recordLocation(ctx.db, known.id, file);
      return { path: file, status: 'duplicate', kind: known.kind, ...existingIds(ctx.db, known.id, known.kind) };
    }

    const probed = await ctx.pool(() => probe(ctx.tools.ffprobe, staged.tmpPath, type.kind));
    if (type.kind !== 'audio') {
      // A file ffprobe accepts but ffmpeg cannot decode a frame from is damaged: refuse it now
      // rather than showing a broken tile forever.
      await ctx.pool(() =>
        makePoster(ctx.tools.ffmpeg, staged.tmpPath, thumbPath(ctx.layout, staged.sha256, 'poster'), ctx.layout.tmp, probed.durationMs),
      );
    }
    await commitStaged(ctx.layout, staged, ext);

    const title = path.basename(file);
    const outcome = ctx.db.transaction((): ImportedFile => {
      // Checked again inside the transaction: two copies of one file in the same folder are
      // staged concurrently, and only the first may create the asset.
      const again = findAssetBySha(ctx.db, staged.sha256);
      if (again) {
        recordLocation(ctx.db, again.id, file);
        return { path: file, status: 'duplicate', kind: again.kind, ...existingIds(ctx.db, again.id, again.kind) };
      }
      const assetId = insertAsset(ctx.db, {
        sha256: staged.sha256, ext, size: staged.size, probe: probed, hasPoster: type.kind !== 'audio',
      });
      recordLocation(ctx.db, assetId, file);
      const base = { path: file, status: 'imported' as const, kind: type.kind, sha256: staged.sha256, durationMs: probed.durationMs, ext };
      if (type.kind === 'video') {
        const renderId = insertRender(ctx.db, {
          assetId, title, source: 'import', origin: file, projectId: ctx.projectId ?? null, durationMs: probed.durationMs,
        });
        return { ...base, renderId };
      }
      const referenceId = insertReference(ctx.db, {
        assetId, title, origin: file, projectId: ctx.projectId ?? null, role: type.kind === 'audio' ? 'audio' : null,
      });
      return { ...base, referenceId };
    })();
    return outcome;
  } catch (err) {
    await discardStaged(staged);
    if (err instanceof NotMediaError) return { path: file, status: 'failed', reason: err.message };
    if (err instanceof ToolError) return { path: file, status: 'failed', reason: `Could not decode a frame (${err.message}); the file looks damaged.` };
    return { path: file, status: 'failed', reason: describeFsError(err) };
  }
}

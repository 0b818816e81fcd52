// Importing one file, the one path every import takes ("Import a folder…" and watched folders):
// hash (copying into the library's temp folder, or in place for reference-in-place folders),
// probe (in-process for the common formats, else ffprobe), read the file's metadata, move into
// the store, then add the catalogue rows in one transaction. No ffmpeg runs here: whether a
// picture decodes is found out by its poster, made after (decode-check.ts), which takes a file
// that does not decode out again; the callers report it as refused. Any failure before the transaction leaves the catalogue as it was
// and removes the temp file. Content already catalogued is never imported again: the new place
// is recorded, and an in-place asset whose file moved is pointed at its new path.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { LimitFunction } from 'p-limit';
import type { Db } from '../catalogue/open.js';
import type { ImportFileOutcome, MediaKind, RenderSource } from '../../shared/domain.js';
import { mediaTypeOf, extensionOf } from '../../shared/media-types.js';
import { findAssetBySha, insertAsset, recordLocation, type AssetRef } from '../catalogue/assets.js';
import { adoptIntoStore, currentLocationsForAsset, markGone, markOverwritten, relinkAsset } from '../catalogue/locations.js';
import { insertRender, renderIdForAsset } from '../catalogue/renders.js';
import { insertReference, referenceIdForAsset } from '../catalogue/references.js';
import { commitStaged, discardStaged, hashFile, stageFile, type StagedFile } from '../store/ingest.js';
import type { LibraryLayout } from '../store/layout.js';
import { NotMediaError } from '../store/probe.js';
import { probeMedia } from '../store/fast-probe/index.js';
import type { MediaTools } from '../store/tools.js';
import type { DecodeCheck } from './decode-check.js';
import { describeFsError } from './walk.js';
import { readFileMetadata } from './metadata/file-metadata.js';
import { applyRenderMetadata, promptIdFor } from './metadata/apply-metadata.js';

export interface ImportContext {
  db: Db;
  layout: LibraryLayout;
  tools: MediaTools;
  pool: LimitFunction;
  projectId?: number | undefined;
  /** 'store' (the default) copies the file into the library; 'external' catalogues it where it is. */
  storage?: 'store' | 'external';
  source?: RenderSource;
  /** Whether images become references (the default) or renders. */
  imagesAs?: 'reference' | 'render';
  /** Whether videos become renders (the default) or source-video references (imported from References). */
  videosAs?: 'reference' | 'render';
}

export type ImportedFile = ImportFileOutcome & {
  sha256?: string;
  durationMs?: number | null;
  ext?: string;
  /** A duplicate that is the same content moved or renamed: its old place is gone, the path was updated. */
  moved?: boolean;
  /** Hashes that went missing (an in-place file overwritten with other content) or were found again. */
  missingNow?: string[];
  foundAgain?: string[];
  /** Imported, but something about it needs saying (a sidecar that could not be used). */
  warning?: string;
  /** A new picture whose poster (and so whether it decodes) is still to be made: the caller runs it. */
  check?: DecodeCheck;
};

function existingIds(db: Db, assetId: number, kind: MediaKind): Pick<ImportFileOutcome, 'renderId' | 'referenceId'> {
  const renderId = renderIdForAsset(db, assetId);
  if (renderId !== null && (kind === 'video' || kind === 'image')) return { renderId };
  const referenceId = referenceIdForAsset(db, assetId);
  return referenceId !== null ? { referenceId } : renderId !== null ? { renderId } : {};
}

/**
 * Content already in the catalogue was found at `file` (inside the import's transaction). The
 * place is recorded; places of the same content that no longer exist are closed, which is how
 * a rename or a move is recognised; an in-place asset is pointed at where its file now is.
 */
function knownContent(db: Db, known: AssetRef, file: string, seen: { size: number; mtimeMs: number }, inPlace: boolean): ImportedFile {
  const out: ImportedFile = { path: file, status: 'duplicate', kind: known.kind, ...existingIds(db, known.id, known.kind) };
  let moved = false;
  for (const other of currentLocationsForAsset(db, known.id)) {
    if (other !== file && !existsSync(other)) {
      markGone(db, other);
      moved = true;
    }
  }
  if (inPlace && known.storage === 'external') {
    if (known.externalPath !== file && (known.missing || !known.externalPath || !existsSync(known.externalPath))) {
      relinkAsset(db, known.id, file);
      moved = true;
      if (known.missing) out.foundAgain = [];
    } else if (known.externalPath === file && known.missing) {
      relinkAsset(db, known.id, file);
      out.foundAgain = [];
    }
  }
  recordLocation(db, known.id, file, seen);
  if (moved) out.moved = true;
  return out;
}

export async function importFile(ctx: ImportContext, file: string): Promise<ImportedFile> {
  const type = mediaTypeOf(file);
  if (!type) {
    const ext = extensionOf(file);
    return { path: file, status: 'ignored', reason: `Not a video, image or audio file${ext ? ` (.${ext})` : ''}.` };
  }
  const ext = extensionOf(file);
  const inPlace = ctx.storage === 'external';
  let seen: { size: number; mtimeMs: number };
  try {
    const st = await stat(file);
    if (!st.isFile()) return { path: file, status: 'failed', reason: 'It is not a regular file.' };
    if (st.size === 0) return { path: file, status: 'failed', reason: 'The file is empty (0 bytes); nothing to import.' };
    seen = { size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    return { path: file, status: 'failed', reason: describeFsError(err) };
  }

  let staged: StagedFile | null = null;
  let sha256: string;
  let size: number;
  try {
    if (inPlace) ({ sha256, size } = await hashFile(file));
    else ({ sha256, size } = staged = await stageFile(ctx.layout, file, ext));
  } catch (err) {
    return { path: file, status: 'failed', reason: describeFsError(err) };
  }
  const media = staged ? staged.tmpPath : file;

  try {
    const known = findAssetBySha(ctx.db, sha256);
    if (known) {
      // In-place content found again in a copy-mode folder: take it into the store for good.
      if (staged && known.storage === 'external' && known.missing) {
        await commitStaged(ctx.layout, staged, known.ext);
        return ctx.db.transaction((): ImportedFile => {
          adoptIntoStore(ctx.db, known.id);
          return { ...knownContent(ctx.db, known, file, seen, false), foundAgain: [sha256] };
        })();
      }
      // Content already in the store: committing the copy costs a stat when the stored file is
      // whole, and puts it back when it went missing or was cut short (`dailies check` says so).
      if (staged && known.storage === 'store') await commitStaged(ctx.layout, staged, known.ext);
      else if (staged) await discardStaged(staged);
      const out = ctx.db.transaction(() => knownContent(ctx.db, known, file, seen, inPlace))();
      if (out.foundAgain) out.foundAgain = [sha256];
      return out;
    }

    const { data: probed, tags } = await probeMedia(ctx.tools.ffprobe, media, ext, type.kind, ctx.pool);
    const meta = await readFileMetadata(file, ext, tags);
    if (staged) await commitStaged(ctx.layout, staged, ext);

    const outcome = ctx.db.transaction((): ImportedFile => {
      // Checked again inside the transaction: two copies of one file in the same folder are
      // staged concurrently, and only the first may create the asset.
      const again = findAssetBySha(ctx.db, sha256);
      if (again) return knownContent(ctx.db, again, file, seen, inPlace);
      const assetId = insertAsset(ctx.db, {
        sha256, ext, size, probe: probed, hasPoster: false, externalPath: inPlace ? file : null,
      });
      recordLocation(ctx.db, assetId, file, seen);
      const missingNow = inPlace ? markOverwritten(ctx.db, file, assetId) : [];
      const title = meta.title ?? path.basename(file);
      const base: ImportedFile = {
        path: file, status: 'imported', kind: type.kind, sha256, durationMs: probed.durationMs, ext,
        ...(missingNow.length ? { missingNow } : {}), ...(meta.warning ? { warning: meta.warning } : {}),
        ...(type.kind !== 'audio' ? { check: { sha256, ext, durationMs: probed.durationMs, externalPath: inPlace ? file : null } } : {}),
      };
      const asRender = (type.kind === 'video' && ctx.videosAs !== 'reference') || (type.kind === 'image' && ctx.imagesAs === 'render');
      if (asRender) {
        const renderId = insertRender(ctx.db, {
          assetId, title, source: ctx.source ?? 'import', origin: file, projectId: ctx.projectId ?? null,
          durationMs: probed.durationMs, promptId: promptIdFor(ctx.db, meta), provider: meta.provider ?? null,
          model: meta.model ?? null, taskType: meta.taskType ?? null, params: meta.params ?? {},
        });
        applyRenderMetadata(ctx.db, renderId, meta, path.dirname(file));
        return { ...base, renderId };
      }
      const referenceId = insertReference(ctx.db, {
        assetId, title, origin: file, projectId: ctx.projectId ?? null,
        role: meta.role ?? (type.kind === 'audio' ? 'audio' : type.kind === 'video' ? 'source_video' : null),
      });
      return { ...base, referenceId };
    })();
    return outcome;
  } catch (err) {
    if (staged) await discardStaged(staged);
    if (err instanceof NotMediaError) return { path: file, status: 'failed', reason: err.message };
    return { path: file, status: 'failed', reason: describeFsError(err) };
  }
}

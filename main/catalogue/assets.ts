// Asset rows: one per distinct content (sha256), plus every location it was seen at.
import type { Db } from './open.js';
import type { AssetInfo, MediaKind, ProbeData } from '../../shared/domain.js';

export interface AssetRow {
  sha256: string; ext: string; kind: MediaKind; size: number; container: string; duration_ms: number | null;
  width: number | null; height: number | null; fps: number | null; video_codec: string | null;
  audio_codec: string | null; has_poster: number; sprite_frames: number; missing: number;
}

export function assetFromRow(row: AssetRow): AssetInfo {
  return {
    sha256: row.sha256, ext: row.ext, kind: row.kind, size: row.size, container: row.container,
    durationMs: row.duration_ms, width: row.width, height: row.height, fps: row.fps,
    videoCodec: row.video_codec, audioCodec: row.audio_codec, hasPoster: row.has_poster === 1,
    spriteFrames: row.sprite_frames, missing: row.missing === 1,
  };
}

export interface AssetRef {
  id: number;
  kind: MediaKind;
  ext: string;
  storage: 'store' | 'external';
  externalPath: string | null;
  missing: boolean;
}

export function findAssetBySha(db: Db, sha256: string): AssetRef | null {
  const row = db
    .prepare('SELECT id, kind, ext, storage, external_path, missing FROM assets WHERE sha256 = ?')
    .get(sha256) as { id: number; kind: MediaKind; ext: string; storage: 'store' | 'external'; external_path: string | null; missing: number } | undefined;
  return row
    ? { id: row.id, kind: row.kind, ext: row.ext, storage: row.storage, externalPath: row.external_path, missing: row.missing === 1 }
    : null;
}

export function insertAsset(
  db: Db,
  a: {
    sha256: string; ext: string; size: number; probe: ProbeData; hasPoster: boolean;
    /** Set for a file catalogued where it is (watch folders in reference-in-place mode). */
    externalPath?: string | null;
  },
): number {
  const p = a.probe;
  const external = a.externalPath ?? null;
  const info = db
    .prepare(
      `INSERT INTO assets (sha256, kind, ext, size, container, duration_ms, width, height, fps, video_codec, audio_codec,
         has_poster, storage, external_path, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.sha256, p.kind, a.ext, a.size, p.container, p.durationMs, p.width, p.height, p.fps, p.videoCodec, p.audioCodec,
      a.hasPoster ? 1 : 0, external ? 'external' : 'store', external, Date.now());
  return Number(info.lastInsertRowid);
}

/**
 * Records that the asset's content is at `path` (now). With `seen`, also what the file looked like
 * then, so a later scan can tell an unchanged file without hashing it again.
 */
export function recordLocation(db: Db, assetId: number, path: string, seen?: { size: number; mtimeMs: number }): void {
  const now = Date.now();
  db.prepare(
    `INSERT INTO asset_locations (asset_id, path, first_seen, last_seen, size, mtime_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (asset_id, path) DO UPDATE SET last_seen = excluded.last_seen, gone_at = NULL,
       size = coalesce(excluded.size, size), mtime_ms = coalesce(excluded.mtime_ms, mtime_ms)`,
  ).run(assetId, path, now, now, seen?.size ?? null, seen ? Math.floor(seen.mtimeMs) : null);
}

export function setThumbnails(db: Db, sha256: string, t: { hasPoster: boolean; spriteFrames: number }): void {
  db.prepare('UPDATE assets SET has_poster = ?, sprite_frames = ? WHERE sha256 = ?').run(t.hasPoster ? 1 : 0, t.spriteFrames, sha256);
}

/** Videos whose hover-scrub strip was never made (the app quit mid-import); made again at start. */
export function assetsMissingSprites(db: Db): { sha256: string; ext: string; durationMs: number }[] {
  return db
    .prepare(
      `SELECT sha256, ext, duration_ms AS durationMs FROM assets
       WHERE storage = 'store' AND kind = 'video' AND sprite_frames = 0 AND duration_ms > 0`,
    )
    .all() as { sha256: string; ext: string; durationMs: number }[];
}

/** The poster exists: the file decoded. The sprite count is left as it is. */
export function setHasPoster(db: Db, sha256: string): void {
  db.prepare('UPDATE assets SET has_poster = 1 WHERE sha256 = ?').run(sha256);
}

/**
 * Pictures (videos and stills) whose poster is still to be made: catalogued by an import that
 * had not checked, before it ended, that they decode. A page of them after `afterId`, in id
 * order, read through the partial index assets_awaiting_poster (migrations/0006): a large
 * backlog is worked through a page at a time instead of read whole at start.
 */
export function assetsAwaitingPoster(
  db: Db, afterId = 0, limit = 64,
): { id: number; sha256: string; ext: string; durationMs: number | null; externalPath: string | null }[] {
  return db
    .prepare(
      `SELECT id, sha256, ext, duration_ms AS durationMs, external_path AS externalPath FROM assets INDEXED BY assets_awaiting_poster
       WHERE has_poster = 0 AND kind IN ('video', 'image') AND missing = 0 AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(afterId, limit) as { id: number; sha256: string; ext: string; durationMs: number | null; externalPath: string | null }[];
}

/**
 * Takes out of the catalogue an asset that turned out not to decode, with the takes and
 * references made of it, as if it had never been imported. Only content that came in through
 * an import is removed (`onlyImported`): a generated take or a reference used by a job stays.
 * Returns the ids removed, or null when it was kept.
 */
export function removeUndecodable(db: Db, sha256: string): { storage: 'store' | 'external'; renders: number[]; references: number[] } | null {
  return db.transaction(() => {
    const asset = db.prepare('SELECT id, storage FROM assets WHERE sha256 = ?').get(sha256) as { id: number; storage: 'store' | 'external' } | undefined;
    if (!asset) return null;
    const made = db.prepare(
      `SELECT (SELECT count(*) FROM renders WHERE asset_id = ? AND (job_id IS NOT NULL OR source NOT IN ('import', 'watch')))
            + (SELECT count(*) FROM job_refs j JOIN refs r ON r.id = j.ref_id WHERE r.asset_id = ?)`,
    ).pluck().get(asset.id, asset.id) as number;
    if (made > 0) return null;
    const renders = db.prepare('DELETE FROM renders WHERE asset_id = ? RETURNING id').pluck().all(asset.id) as number[];
    db.prepare('DELETE FROM render_refs WHERE ref_id IN (SELECT id FROM refs WHERE asset_id = ?)').run(asset.id);
    const references = db.prepare('DELETE FROM refs WHERE asset_id = ? RETURNING id').pluck().all(asset.id) as number[];
    db.prepare('DELETE FROM assets WHERE id = ?').run(asset.id);
    return { storage: asset.storage, renders, references };
  })();
}

/**
 * How the user knows an asset, for the preview progress and its failures: the first take's (else
 * reference's) title, and where the file is (in place) or came from (its first recorded place).
 */
export function assetLabel(db: Db, sha256: string): { name: string; path: string | null } {
  const row = db
    .prepare(
      `SELECT coalesce((SELECT title FROM renders WHERE asset_id = a.id ORDER BY id LIMIT 1),
                       (SELECT title FROM refs WHERE asset_id = a.id ORDER BY id LIMIT 1)) AS name,
              coalesce(a.external_path, (SELECT path FROM asset_locations WHERE asset_id = a.id ORDER BY id LIMIT 1)) AS path
       FROM assets a WHERE a.sha256 = ?`,
    )
    .get(sha256) as { name: string | null; path: string | null } | undefined;
  const fallback = row?.path ? row.path.split(/[\\/]/).pop()! : `file ${sha256.slice(0, 12)}`;
  return { name: row?.name ?? fallback, path: row?.path ?? null };
}

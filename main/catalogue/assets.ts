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

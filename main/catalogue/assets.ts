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

export function findAssetBySha(db: Db, sha256: string): { id: number; kind: MediaKind; ext: string } | null {
  return (db.prepare('SELECT id, kind, ext FROM assets WHERE sha256 = ?').get(sha256) as
    | { id: number; kind: MediaKind; ext: string }
    | undefined) ?? null;
}

export function insertAsset(
  db: Db,
  a: { sha256: string; ext: string; size: number; probe: ProbeData; hasPoster: boolean },
): number {
  const p = a.probe;
  const info = db
    .prepare(
      `INSERT INTO assets (sha256, kind, ext, size, container, duration_ms, width, height, fps, video_codec, audio_codec,
         has_poster, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(a.sha256, p.kind, a.ext, a.size, p.container, p.durationMs, p.width, p.height, p.fps, p.videoCodec, p.audioCodec,
      a.hasPoster ? 1 : 0, Date.now());
  return Number(info.lastInsertRowid);
}

export function recordLocation(db: Db, assetId: number, path: string): void {
  const now = Date.now();
  db.prepare(
    `INSERT INTO asset_locations (asset_id, path, first_seen, last_seen) VALUES (?, ?, ?, ?)
     ON CONFLICT (asset_id, path) DO UPDATE SET last_seen = excluded.last_seen`,
  ).run(assetId, path, now, now);
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

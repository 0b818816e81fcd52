// Where content lives on disk outside the store: asset_locations (every place a file was seen,
// with gone_at once it left) and, for assets catalogued in place, assets.external_path/missing.
import path from 'node:path';
import type { Db } from './open.js';

export interface SeenLocation {
  assetId: number;
  sha256: string;
  size: number | null;
  mtimeMs: number | null;
}

/** The asset most recently seen at `file`, if the place is still current (not gone). */
export function currentLocation(db: Db, file: string): SeenLocation | null {
  const row = db
    .prepare(
      `SELECT l.asset_id, a.sha256, l.size, l.mtime_ms FROM asset_locations l JOIN assets a ON a.id = l.asset_id
       WHERE l.path = ? AND l.gone_at IS NULL ORDER BY l.last_seen DESC LIMIT 1`,
    )
    .get(file) as { asset_id: number; sha256: string; size: number | null; mtime_ms: number | null } | undefined;
  return row ? { assetId: row.asset_id, sha256: row.sha256, size: row.size, mtimeMs: row.mtime_ms } : null;
}

/** Range bounds for "paths inside `folder`": '/' + 1 is '0', so [folder/, folder0) is the subtree. */
function under(folder: string): [string, string] {
  const base = folder.endsWith(path.sep) ? folder.slice(0, -1) : folder;
  return [base + path.sep, base + String.fromCharCode(path.sep.charCodeAt(0) + 1)];
}

/** Current (not gone) locations inside `folder`, at any depth. */
export function currentLocationsUnder(db: Db, folder: string): string[] {
  const [lo, hi] = under(folder);
  return (db.prepare('SELECT DISTINCT path FROM asset_locations WHERE path >= ? AND path < ? AND gone_at IS NULL').pluck().all(lo, hi) as string[]);
}

/**
 * The file at `file` is gone: its location rows are closed, and assets catalogued in place at
 * that path are marked missing (every other row is kept). Returns the hashes newly missing.
 */
export function markGone(db: Db, file: string): string[] {
  return db.transaction(() => {
    db.prepare('UPDATE asset_locations SET gone_at = ? WHERE path = ? AND gone_at IS NULL').run(Date.now(), file);
    return db
      .prepare(`UPDATE assets SET missing = 1 WHERE storage = 'external' AND external_path = ? AND missing = 0 RETURNING sha256`)
      .pluck()
      .all(file) as string[];
  })();
}

/** Points an in-place asset at the file's new path (a move or a relink) and clears missing. */
export function relinkAsset(db: Db, assetId: number, file: string): void {
  db.prepare(`UPDATE assets SET external_path = ?, missing = 0 WHERE id = ? AND storage = 'external'`).run(file, assetId);
}

/**
 * Other in-place assets that claimed `file` but whose content is no longer there (the file was
 * overwritten with different bytes): they are missing now.
 */
export function markOverwritten(db: Db, file: string, keepAssetId: number): string[] {
  return db
    .prepare(`UPDATE assets SET missing = 1 WHERE storage = 'external' AND external_path = ? AND id <> ? AND missing = 0 RETURNING sha256`)
    .pluck()
    .all(file, keepAssetId) as string[];
}

/** An in-place asset taken into the store (its content arrived in a copy-mode folder). */
export function adoptIntoStore(db: Db, assetId: number): void {
  db.prepare(`UPDATE assets SET storage = 'store', external_path = NULL, missing = 0 WHERE id = ?`).run(assetId);
}

/** The place an asset was most recently seen leaving, other than `except`. */
export function lastGonePath(db: Db, assetId: number, except: string): string | null {
  const row = db
    .prepare('SELECT path FROM asset_locations WHERE asset_id = ? AND path <> ? AND gone_at IS NOT NULL ORDER BY gone_at DESC LIMIT 1')
    .pluck()
    .get(assetId, except) as string | undefined;
  return row ?? null;
}

export function missingShas(db: Db, limit = 100_000): string[] {
  return db.prepare('SELECT sha256 FROM assets WHERE missing = 1 ORDER BY id LIMIT ?').pluck().all(limit) as string[];
}

export interface MissingAsset {
  id: number;
  sha256: string;
  size: number;
  externalPath: string;
}

export function missingAsset(db: Db, sha256: string): MissingAsset | null {
  const row = db
    .prepare(`SELECT id, sha256, size, external_path FROM assets WHERE sha256 = ? AND storage = 'external'`)
    .get(sha256) as { id: number; sha256: string; size: number; external_path: string } | undefined;
  return row ? { id: row.id, sha256: row.sha256, size: row.size, externalPath: row.external_path } : null;
}

/** Missing in-place assets whose last known path was directly inside `dir`. */
export function missingInFolder(db: Db, dir: string): MissingAsset[] {
  const [lo, hi] = under(dir);
  const rows = db
    .prepare(
      `SELECT id, sha256, size, external_path FROM assets
       WHERE storage = 'external' AND missing = 1 AND external_path >= ? AND external_path < ?`,
    )
    .all(lo, hi) as { id: number; sha256: string; size: number; external_path: string }[];
  return rows
    .filter((r) => path.dirname(r.external_path) === dir)
    .map((r) => ({ id: r.id, sha256: r.sha256, size: r.size, externalPath: r.external_path }));
}

/** The path an in-place asset is served from, when the catalogue knows it and it is not missing. */
export function externalPathFor(db: Db, sha256: string, ext: string): string | null {
  return (db
    .prepare(`SELECT external_path FROM assets WHERE sha256 = ? AND ext = ? AND storage = 'external' AND missing = 0`)
    .pluck()
    .get(sha256, ext) as string | undefined) ?? null;
}

/** Places the asset's content is currently known to be (not gone). */
export function currentLocationsForAsset(db: Db, assetId: number): string[] {
  return db.prepare('SELECT path FROM asset_locations WHERE asset_id = ? AND gone_at IS NULL').pluck().all(assetId) as string[];
}

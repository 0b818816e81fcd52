// "Locate…": relinking a file catalogued in place that went missing, and, when asked, the rest
// of its old folder found in the new file's folder by content hash (same name first, then any
// file of the same size, so only likely candidates are hashed).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../catalogue/open.js';
import type { LocateResult } from '../../shared/channels/watch.js';
import { ContractError } from '../../shared/errors.js';
import { mediaTypeOf } from '../../shared/media-types.js';
import { recordLocation } from '../catalogue/assets.js';
import { lastGonePath, markGone, missingAsset, missingInFolder, relinkAsset, type MissingAsset } from '../catalogue/locations.js';
import { hashFile } from '../store/ingest.js';
import { describeFsError } from '../import/walk.js';

function relink(db: Db, asset: MissingAsset, file: string, seen: { size: number; mtimeMs: number }): void {
  db.transaction(() => {
    relinkAsset(db, asset.id, file);
    recordLocation(db, asset.id, file, seen);
    if (asset.externalPath !== file) markGone(db, asset.externalPath);
  })();
}

export interface RelinkProgress {
  phase: 'by-name' | 'by-content';
  done: number;
  total: number;
  relinked: number;
}

const PROGRESS_EVERY_MS = 100;

export async function locateAsset(
  db: Db, input: { sha256: string; path: string; relinkFolder: boolean },
  onProgress: (p: RelinkProgress) => void = () => {},
): Promise<LocateResult> {
  const bad = (message: string) => new ContractError('validation', message, [{ field: 'path', message }]);
  const asset = missingAsset(db, input.sha256);
  if (!asset) throw new ContractError('not_found', 'No file catalogued in place has that content; there is nothing to relink.');
  if (!path.isAbsolute(input.path)) throw bad('Choose the file by its full path.');
  const file = path.resolve(input.path);
  const st = await stat(file).catch((err: unknown) => {
    throw bad(`That file cannot be read: ${describeFsError(err)}`);
  });
  if (!st.isFile()) throw bad('That is a folder, not a file.');
  const { sha256 } = await hashFile(file).catch((err: unknown) => {
    throw bad(`That file cannot be read: ${describeFsError(err)}`);
  });
  if (sha256 !== asset.sha256) {
    throw bad('That file is not the missing one: its content differs (it may have been re-encoded or edited). Nothing was changed.');
  }
  // Asked again for a file an earlier Locate… already relinked here (the UI's "relink the rest
  // of its folder?" on confirm): the folder it went missing from is where it was last seen.
  const oldDir = path.dirname(asset.externalPath === file ? (lastGonePath(db, asset.id, file) ?? file) : asset.externalPath);
  relink(db, asset, file, st);

  const relinked: LocateResult['relinked'] = [];
  if (input.relinkFolder) {
    const newDir = path.dirname(file);
    let todo = missingInFolder(db, oldDir);
    const tryFile = async (candidate: string, want: MissingAsset): Promise<boolean> => {
      const cst = await stat(candidate).catch(() => null);
      if (!cst?.isFile() || cst.size !== want.size) return false;
      const h = await hashFile(candidate).catch(() => null);
      if (h?.sha256 !== want.sha256) return false;
      relink(db, want, candidate, cst);
      relinked.push({ sha256: want.sha256, path: candidate });
      return true;
    };
    // Hashing a folder of large clips takes a while: the dialog shows how far it has got.
    let lastSent = 0;
    const report = (phase: RelinkProgress['phase'], done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - lastSent < PROGRESS_EVERY_MS) return;
      lastSent = now;
      onProgress({ phase, done, total, relinked: relinked.length });
    };
    // Same name in the new folder: the usual case (the folder was moved or the disk remounted).
    const left: MissingAsset[] = [];
    report('by-name', 0, todo.length);
    for (const [i, want] of todo.entries()) {
      if (!(await tryFile(path.join(newDir, path.basename(want.externalPath)), want))) left.push(want);
      report('by-name', i + 1, todo.length);
    }
    todo = left;
    if (todo.length) {
      // Renamed too: any media file in the new folder whose size matches, checked by hash.
      const names = await readdir(newDir).catch(() => [] as string[]);
      const taken = new Set(relinked.map((r) => r.path).concat(file));
      for (const [i, name] of names.entries()) {
        if (!todo.length) break;
        report('by-content', i, names.length);
        const candidate = path.join(newDir, name);
        if (taken.has(candidate) || !mediaTypeOf(name)) continue;
        const cst = await stat(candidate).catch(() => null);
        const want = cst?.isFile() ? todo.find((t) => t.size === cst.size) : undefined;
        if (want && (await tryFile(candidate, want))) {
          todo = todo.filter((t) => t !== want);
          taken.add(candidate);
        }
      }
      report('by-content', names.length, names.length);
    }
  }
  return { sha256: asset.sha256, path: file, relinked, othersMissingInFolder: missingInFolder(db, oldDir).length };
}

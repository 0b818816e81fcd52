// `dailies check`: whether a library's folder and its catalogue still agree. A crash, a full disk
// or a hand-edited folder can leave a take whose stored file is gone or cut short, a file in
// media/ that no row names (a save cancelled between its rename and its row), thumbnails of
// takes taken out, and work files in tmp/. The check reads everything and changes nothing; with
// `fix` it removes only what no row names and nothing will read (strays and leftovers). A missing
// or damaged stored file is reported, never "fixed": only the user knows where another copy is.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../catalogue/open.js';
import { SHA256_RE } from '../../shared/media-types.js';
import { mediaPath, type LibraryLayout } from '../store/layout.js';
import { findLeftovers, namesIn, removeLeftovers, type Leftover } from './leftovers.js';

export interface StoredFileProblem {
  sha256: string;
  /** How the user knows it: the first take's or reference's title. */
  name: string;
  expectedBytes: number;
  /** null: the file is not there at all. */
  actualBytes: number | null;
}

export interface CheckReport {
  /** 'ok', or what SQLite's quick_check found wrong in catalogue.sqlite. */
  catalogue: 'ok' | string[];
  storedFiles: number;
  /** Catalogued in the store, but missing or of another size than recorded. */
  damaged: StoredFileProblem[];
  /** Files in media/ or thumbs/ that no catalogued asset names. */
  strays: Leftover[];
  /** Work files in tmp/ that nothing will read again. */
  leftovers: Leftover[];
  /** Names in media/ or thumbs/ that Dailies never writes (left alone, even with fix). */
  unknown: string[];
  /** With fix: what was removed. */
  removed: { files: number; bytes: number } | null;
}

const MEDIA_NAME = /^([0-9a-f]{64})\.([a-z0-9]{1,8})$/;
const THUMB_NAME = /^([0-9a-f]{64})\.(poster|sprite)\.jpg$/;

/** Every file two levels (media) or one level (thumbs) down, as Dailies fans them out. */
function filesUnder(dir: string, depth: number): string[] {
  const out: string[] = [];
  for (const name of namesIn(dir)) {
    const p = path.join(dir, name);
    if (depth > 0 && statSync(p, { throwIfNoEntry: false })?.isDirectory()) out.push(...filesUnder(p, depth - 1));
    else out.push(p);
  }
  return out;
}

export function checkLibrary(
  s: { db: Db; layout: LibraryLayout },
  opts: { fix?: boolean; log?: (msg: string) => void } = {},
): CheckReport {
  const { db, layout } = s;
  const quick = db.prepare('PRAGMA quick_check').pluck().all() as string[];
  const catalogue = quick.length === 1 && quick[0] === 'ok' ? 'ok' : quick;

  const assets = db
    .prepare(
      `SELECT a.sha256, a.ext, a.size, a.storage,
              coalesce((SELECT title FROM renders WHERE asset_id = a.id ORDER BY id LIMIT 1),
                       (SELECT title FROM refs WHERE asset_id = a.id ORDER BY id LIMIT 1), '') AS name
       FROM assets a`,
    )
    .all() as { sha256: string; ext: string; size: number; storage: 'store' | 'external'; name: string }[];
  const known = new Set<string>();
  const damaged: StoredFileProblem[] = [];
  let storedFiles = 0;
  for (const a of assets) {
    known.add(a.sha256);
    if (a.storage !== 'store') continue;
    storedFiles++;
    const st = statSync(mediaPath(layout, a.sha256, a.ext), { throwIfNoEntry: false });
    if (!st || st.size !== a.size) {
      damaged.push({ sha256: a.sha256, name: a.name || `file ${a.sha256.slice(0, 12)}`, expectedBytes: a.size, actualBytes: st ? st.size : null });
    }
  }

  const strays: Leftover[] = [];
  const unknown: string[] = [];
  const sort = (dir: string, depth: number, re: RegExp) => {
    for (const file of filesUnder(dir, depth)) {
      const m = re.exec(path.basename(file));
      if (!m || !SHA256_RE.test(m[1]!)) unknown.push(file);
      else if (!known.has(m[1]!)) strays.push({ path: file, bytes: statSync(file, { throwIfNoEntry: false })?.size ?? 0 });
    }
  };
  sort(layout.media, 2, MEDIA_NAME);
  sort(layout.thumbs, 1, THUMB_NAME);
  const leftovers = findLeftovers(db, layout.tmp);
  damaged.sort((a, b) => a.name.localeCompare(b.name));
  strays.sort((a, b) => a.path.localeCompare(b.path));
  unknown.sort();

  let removed: CheckReport['removed'] = null;
  if (opts.fix) {
    const gone = removeLeftovers([...strays, ...leftovers], opts.log ?? (() => {}));
    removed = { files: gone.length, bytes: gone.reduce((n, l) => n + l.bytes, 0) };
  }
  return { catalogue, storedFiles, damaged, strays, leftovers, unknown, removed };
}

/** Nothing wrong is left: the catalogue reads whole and every stored take has its file. */
export function checkPassed(r: CheckReport): boolean {
  const untidy = r.strays.length + r.leftovers.length;
  return r.catalogue === 'ok' && r.damaged.length === 0 && (r.removed ? r.removed.files === untidy : untidy === 0);
}

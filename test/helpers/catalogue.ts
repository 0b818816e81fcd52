// A real catalogue file for each test in a file, and the rows most catalogue tests start from.
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openCatalogue, type Db } from '../../main/catalogue/open.js';
import { insertAsset } from '../../main/catalogue/assets.js';
import { tempDir } from './temp.js';

export interface CatalogueFixture {
  /** The open catalogue of the running test (reassign after closing to reopen another file). */
  db: Db;
  /** The test's temp folder, removed after it. */
  readonly dir: string;
}

/** Opens a fresh catalogue before each test and closes and removes it after. */
export function useCatalogue(): CatalogueFixture {
  let dir: ReturnType<typeof tempDir> | null = null;
  const fixture = {
    db: null as unknown as Db,
    get dir() {
      return dir!.path;
    },
  };
  beforeEach(() => {
    dir = tempDir();
    fixture.db = openCatalogue(path.join(dir.path, 'catalogue.sqlite'));
  });
  afterEach(() => {
    if (fixture.db.open) fixture.db.close();
    dir!.cleanup();
  });
  return fixture;
}

let shaCounter = 0;

/** A catalogued video asset with a unique hash (no file behind it). */
export function addVideoAsset(db: Db, durationMs: number | null = 2000): number {
  const sha = (++shaCounter).toString(16).padStart(64, '0');
  return insertAsset(db, {
    sha256: sha, ext: 'mp4', size: 1000, hasPoster: true,
    probe: { kind: 'video', container: 'mp4', durationMs, width: 320, height: 240, fps: 24, videoCodec: 'h264', audioCodec: null },
  });
}

/** A catalogued still image asset with a unique hash (no file behind it, no duration). */
export function addImageAsset(db: Db): number {
  const sha = (++shaCounter).toString(16).padStart(64, '0');
  return insertAsset(db, {
    sha256: sha, ext: 'png', size: 1000, hasPoster: true,
    probe: { kind: 'image', container: 'png_pipe', durationMs: null, width: 640, height: 360, fps: null, videoCodec: 'png', audioCodec: null },
  });
}

/** A raw prompt row, hashed by its text (a second insert of the same text breaks the unique hash). */
export function addPrompt(db: Db, text: string, negative = ''): number {
  return Number(
    db.prepare('INSERT INTO prompts (hash, text, negative, created_at) VALUES (?, ?, ?, 0)').run(`${text}|${negative}`, text, negative).lastInsertRowid,
  );
}

// Search by exact words: a prefix of four letters or more is rewritten as the OR of the library's
// words that start with it (main/catalogue/search-terms.ts). What a user notices is only that
// results are the same as before, and fast; so every case here compares against FTS5's own
// prefix query, on a real SQLite file.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogue, type Db } from '../../main/catalogue/open.js';
import { migrate } from '../../main/catalogue/migrate.js';
import { MIGRATIONS } from '../../main/catalogue/migrations/index.js';
import { insertRender, pageRenders } from '../../main/catalogue/renders.js';
import { insertAsset } from '../../main/catalogue/assets.js';
import { ftsMatch } from '../../main/catalogue/search-terms.js';
import { toFtsQuery } from '../../main/catalogue/fts-query.js';
import { RenderFilter, RendersPageInput } from '../../shared/contract.js';
import { makeRng, pick } from '../bench/synthetic-library.js';
import { tempDir } from '../helpers/temp.js';

let dir: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  dir = tempDir();
  db = openCatalogue(path.join(dir.path, 'catalogue.sqlite'));
});
afterEach(() => {
  if (db.open) db.close();
  dir.cleanup();
});

let shaCounter = 0;
function addRender(title: string, prompt?: string): number {
  const sha = (++shaCounter).toString(16).padStart(64, '0');
  const assetId = insertAsset(db, {
    sha256: sha, ext: 'mp4', size: 1000, hasPoster: true,
    probe: { kind: 'video', container: 'mp4', durationMs: 2000, width: 320, height: 240, fps: 24, videoCodec: 'h264', audioCodec: null },
  });
  const promptId = prompt === undefined ? undefined : Number(
    db.prepare('INSERT INTO prompts (hash, text, negative, created_at) VALUES (?, ?, ?, 0)').run(`${prompt}|${shaCounter}`, prompt, '').lastInsertRowid,
  );
  return insertRender(db, { assetId, title, source: 'import', ...(promptId ? { promptId } : {}) });
}

/** Ids the app's search returns, all pages followed. */
function search(text: string): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = pageRenders(db, RendersPageInput.parse({ filter: RenderFilter.parse({ text }), limit: 50, cursor }));
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Ids FTS5's plain prefix query matches, newest first: what search returned before rewriting. */
function prefixQuery(text: string): number[] {
  const match = toFtsQuery(text);
  if (!match) return [];
  return db.prepare('SELECT rowid FROM renders_fts WHERE renders_fts MATCH ? ORDER BY rowid DESC').pluck().all(match) as number[];
}

describe('prefix words searched as exact words', () => {
  it('rewrites a common prefix as the exact words of the library, and finds the same renders', () => {
    addRender('a.mp4', 'slow dolly through golden light');
    addRender('b.mp4', 'lighthouse at night, slowly turning');
    addRender('c.mp4', 'lighting test');
    addRender('d.mp4', 'a city street');
    expect(ftsMatch(db, 'ligh slow')).toBe('("light" OR "lighthouse" OR "lighting") AND ("slow" OR "slowly")');
    for (const q of ['ligh', 'light', 'slow', 'lighthouse', 'ligh slow', 'city', 'gold', 'nothing']) {
      expect(search(q), q).toEqual(prefixQuery(q));
    }
    expect(search('ligh')).toHaveLength(3);
  });

  it('folds case and diacritics as the index does', () => {
    const cafe = addRender('Café_Scene.mp4', 'Über-long TRACKING shot');
    expect(search('cafe')).toEqual([cafe]);
    expect(search('CAFÉ')).toEqual([cafe]);
    expect(search('uber')).toEqual([cafe]);
    expect(search('Tracki')).toEqual([cafe]);
    expect(ftsMatch(db, 'Tracki')).toBe('"tracking"');
  });

  it('keeps one- to three-letter prefixes for FTS5 prefix indexes, and words the vocabulary lacks as prefixes', () => {
    addRender('x.mp4', 'golden hour');
    expect(ftsMatch(db, 'go')).toBe('"go"*');
    expect(ftsMatch(db, 'zebra')).toBe('"zebra"*');
    expect(search('zebra')).toEqual([]);
  });

  it('knows the words of renders catalogued later, and of a render whose prompt changes', () => {
    addRender('first.mp4', 'ocean waves');
    expect(search('mountain')).toEqual([]);
    const later = addRender('second.mp4', 'mountain pass at dawn');
    expect(search('mount')).toEqual([later]);
    const other = addRender('third.mp4');
    const prompt = Number(db.prepare("INSERT INTO prompts (hash, text, negative, created_at) VALUES ('h-new', 'mountaineer portrait', '', 0)").run().lastInsertRowid);
    db.prepare('UPDATE renders SET prompt_id = ? WHERE id = ?').run(prompt, other);
    expect(ftsMatch(db, 'mount')).toBe('("mountain" OR "mountaineer")');
    expect(search('mount')).toEqual([other, later]);
  });

  it('agrees with the prefix query on a random library for every prefix of every word', () => {
    const rng = makeRng(7);
    const vocabulary = ['golden', 'goldfish', 'gold', 'hour', 'hourglass', 'hours', 'cinematic', 'cinema', 'drone', 'droning',
      'light', 'lights', 'lighting', 'neon', 'neonate', 'rain', 'rainbow', 'rainy', 'straße', 'Ærøskøbing', '東京', 'take_01'];
    for (let i = 0; i < 300; i++) {
      const words = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => pick(rng, vocabulary));
      addRender(`${pick(rng, vocabulary)}_${i}.mp4`, words.join(' '));
    }
    const queries = new Set<string>();
    for (const word of vocabulary) for (let n = 1; n <= [...word].length; n++) queries.add([...word].slice(0, n).join(''));
    queries.add('gold hour');
    queries.add('"golden hour" rain');
    for (const q of queries) expect(search(q), q).toEqual(prefixQuery(q));
  });
});

describe('upgrading a library', () => {
  it('fills the vocabulary from the renders already catalogued', () => {
    db.close();
    const file = path.join(dir.path, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    const assetId = insertAsset(old, {
      sha256: 'a'.repeat(64), ext: 'mp4', size: 1000, hasPoster: true,
      probe: { kind: 'video', container: 'mp4', durationMs: 2000, width: 320, height: 240, fps: 24, videoCodec: 'h264', audioCodec: null },
    });
    const id = insertRender(old, { assetId, title: 'Sunset_Boulevard.mp4', source: 'import' });
    old.close();
    db = openCatalogue(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(ftsMatch(db, 'suns')).toBe('"sunset"');
    expect(search('boul')).toEqual([id]);
  });
});

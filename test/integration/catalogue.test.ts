// The catalogue against a real SQLite file: migrations, refusal of the future, ledger and pick
// rules enforced by the schema, search, and keyset pages that never skip or repeat a render.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCatalogue, type Db } from '../../main/catalogue/open.js';
import { CatalogueTooNewError, migrate } from '../../main/catalogue/migrate.js';
import { MIGRATIONS } from '../../main/catalogue/migrations/index.js';
import { insertRender, pageRenders, countRenders, getRender } from '../../main/catalogue/renders.js';
import { assetsAwaitingPoster } from '../../main/catalogue/assets.js';
import { RENDER_SORTS, type RenderSort } from '../../shared/contract.js';
import { addPrompt as addPromptRow, addVideoAsset, useCatalogue } from '../helpers/catalogue.js';

const fixture = useCatalogue();
let db: Db;
beforeEach(() => {
  db = fixture.db;
});
const addAsset = (durationMs: number | null = 2000) => addVideoAsset(db, durationMs);
const addPrompt = (text: string, negative = '') => addPromptRow(db, text, negative);

describe('opening and migrating', () => {
  it('creates the whole domain schema in WAL mode with foreign keys on', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    for (const t of ['projects', 'shots', 'prompts', 'prompts_fts', 'refs', 'assets', 'renders', 'lineage', 'jobs', 'charges', 'tags', 'render_tags', 'watch_folders']) {
      expect(tables).toContain(t);
    }
  });

  it('refuses a catalogue from a newer Dailies and leaves the file untouched', () => {
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const file = path.join(fixture.dir, 'catalogue.sqlite');
    const before = readFileSync(file);
    expect(() => openCatalogue(file)).toThrow(CatalogueTooNewError);
    expect(() => openCatalogue(file)).toThrow(/newer version of Dailies/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failing migration back whole, keeping the previous version', () => {
    const raw = new Database(path.join(fixture.dir, 'other.sqlite'));
    const steps = [...MIGRATIONS, { name: '9999-broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(raw, steps)).toThrow(/no_such_table/);
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    raw.close();
  });
});

describe('rules the schema enforces', () => {
  it('keeps the credit ledger append-only and the render cost equal to its charges', () => {
    const job = Number(
      db.prepare("INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, created_at, updated_at) VALUES ('j', 'k', 'kling', 'kling-video-o1', 'text_to_video', 0, 0)").run().lastInsertRowid,
    );
    const render = insertRender(db, { assetId: addAsset(), title: 'x.mp4', source: 'job', jobId: job });
    const charge = db.prepare('INSERT INTO charges (job_id, kind, credits, provider, created_at) VALUES (?, ?, ?, ?, 0)');
    charge.run(job, 'estimate', 10, 'kling');
    charge.run(job, 'actual', 8, 'kling');
    charge.run(job, 'refund', 3, 'kling');
    expect(getRender(db, render).costCredits).toBe(5);
    expect(() => db.prepare('UPDATE charges SET credits = 0').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM charges').run()).toThrow(/append-only/);
  });

  it('allows one pick per shot', () => {
    const p = Number(db.prepare("INSERT INTO projects (uid, name, created_at, updated_at) VALUES ('p', 'Spot', 0, 0)").run().lastInsertRowid);
    const s = Number(db.prepare("INSERT INTO shots (uid, project_id, position, name, created_at, updated_at) VALUES ('s', ?, 1, 'Shot 1', 0, 0)").run(p).lastInsertRowid);
    const a = insertRender(db, { assetId: addAsset(), title: 'a', source: 'import', projectId: p, shotId: s });
    const b = insertRender(db, { assetId: addAsset(), title: 'b', source: 'import', projectId: p, shotId: s });
    db.prepare("UPDATE renders SET flag = 'pick' WHERE id = ?").run(a);
    expect(() => db.prepare("UPDATE renders SET flag = 'pick' WHERE id = ?").run(b)).toThrow(/UNIQUE/);
    db.prepare("UPDATE renders SET flag = 'reject' WHERE id = ?").run(b);
  });

  it('keeps prompts immutable and deduplicated', () => {
    addPrompt('a red fox');
    expect(() => addPrompt('a red fox')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE prompts SET text = 'changed'").run()).toThrow(/immutable/);
  });
});

describe('search and paging', () => {
  it('finds renders by file name and by prompt words, prefixes and phrases', () => {
    const golden = addPrompt('a fox running through tall grass at golden hour', 'no text overlay');
    const night = addPrompt('neon city street at night, rain');
    insertRender(db, { assetId: addAsset(), title: 'fox_take1.mp4', source: 'import', promptId: golden });
    insertRender(db, { assetId: addAsset(), title: 'city.mp4', source: 'import', promptId: night });
    insertRender(db, { assetId: addAsset(), title: 'golden_gate.mp4', source: 'import' });
    const titles = (text: string) => pageRenders(db, { filter: { text }, sort: 'newest', limit: 50 }).items.map((r) => r.title).sort();
    expect(titles('golden')).toEqual(['fox_take1.mp4', 'golden_gate.mp4']);
    expect(titles('"golden hour"')).toEqual(['fox_take1.mp4']);
    expect(titles('gold')).toEqual(['fox_take1.mp4', 'golden_gate.mp4']);
    expect(titles('neon rain')).toEqual(['city.mp4']);
    expect(titles('overlay')).toEqual(['fox_take1.mp4']);
    expect(titles('take1')).toEqual(['fox_take1.mp4']);
    expect(titles('nothing-like-this')).toEqual([]);
    expect(titles('***')).toEqual([]);
    expect(countRenders(db, { text: 'golden' })).toBe(2);
    // Sorting other than newest goes through the same search.
    expect(pageRenders(db, { filter: { text: 'golden' }, sort: 'title', limit: 50 }).items.map((r) => r.title)).toEqual(['fox_take1.mp4', 'golden_gate.mp4']);
  });

  it.each(RENDER_SORTS)('pages through every render exactly once, in order, sorted by %s', (sort: RenderSort) => {
    const N = 53;
    for (let i = 0; i < N; i++) {
      // Repeated keys and NULL durations exercise the tie-break and the NULL edge of the cursor.
      const id = insertRender(db, { assetId: addAsset(i % 7 === 0 ? null : (i % 5) * 1000), title: `Clip ${i % 10}`, source: 'import', durationMs: i % 7 === 0 ? null : (i % 5) * 1000 });
      db.prepare('UPDATE renders SET rating = ?, cost_credits = ? WHERE id = ?').run(i % 6, (i % 4) * 2.5, id);
    }
    const cards = pageRenders(db, { filter: { text: '' }, sort, limit: 500 }).items;
    const all = cards.map((r) => r.id);
    expect(all).toHaveLength(N);
    // The single big page is in the order a user asked for (NULLs last when descending).
    const key: Record<RenderSort, (c: (typeof cards)[number]) => number | string> = {
      newest: (c) => -c.id, oldest: (c) => c.id, title: (c) => c.title.toLowerCase(), rating: (c) => -c.rating,
      cost: (c) => -c.costCredits, duration: (c) => (c.durationMs === null ? Infinity : -c.durationMs),
    };
    const keys = cards.map(key[sort]);
    expect([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(keys);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = pageRenders(db, { filter: { text: '' }, sort, cursor, limit: 8 });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('rejects a cursor made for another sort', () => {
    for (let i = 0; i < 3; i++) insertRender(db, { assetId: addAsset(), title: `c${i}`, source: 'import' });
    const { nextCursor } = pageRenders(db, { filter: { text: '' }, sort: 'newest', limit: 1 });
    expect(nextCursor).toBeTruthy();
    expect(() => pageRenders(db, { filter: { text: '' }, sort: 'title', cursor: nextCursor, limit: 1 })).toThrow(/cursor/);
    expect(() => pageRenders(db, { filter: { text: '' }, sort: 'newest', cursor: 'garbage', limit: 1 })).toThrow(/cursor/);
  });
});

describe('the poster backlog', () => {
  it('lists every picture still without a poster once, a page at a time in id order, and nothing else', () => {
    const awaiting: number[] = [];
    for (let i = 0; i < 7; i++) {
      const id = addAsset();
      // Every other one already has its poster.
      if (i % 2 === 0) {
        db.prepare('UPDATE assets SET has_poster = 0 WHERE id = ?').run(id);
        awaiting.push(id);
      }
    }
    // Not pictures, or not there: never in the backlog.
    const audio = addAsset();
    db.prepare(`UPDATE assets SET has_poster = 0, kind = 'audio' WHERE id = ?`).run(audio);
    const gone = addAsset();
    db.prepare('UPDATE assets SET has_poster = 0, missing = 1 WHERE id = ?').run(gone);

    const seen: number[] = [];
    for (let after = 0, pages = 0; ; pages++) {
      const page = assetsAwaitingPoster(db, after, 3);
      if (!page.length) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((a) => a.id));
      after = page[page.length - 1]!.id;
      expect(pages).toBeLessThan(5);
    }
    expect(seen).toEqual(awaiting);
  });
});

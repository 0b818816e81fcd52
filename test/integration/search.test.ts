// The fast paths of search (main/catalogue/search-terms.ts, migrations/0004-search.ts): prefix
// words of four letters or more searched as the exact words they stand for, and searches sorted
// by rating walked one rating at a time. What a user notices is only that results are the same
// as the plain queries would give, and fast; so every case here compares against FTS5's own
// prefix query or a plain SQL sort, on a real SQLite file.
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openCatalogue, type Db } from '../../main/catalogue/open.js';
import { migrate } from '../../main/catalogue/migrate.js';
import { MIGRATIONS } from '../../main/catalogue/migrations/index.js';
import { countRenders, insertRender, pageRenders } from '../../main/catalogue/renders.js';
import { ftsMatch } from '../../main/catalogue/search-terms.js';
import { toFtsQuery } from '../../main/catalogue/fts-query.js';
import { RenderFilter, RendersPageInput } from '../../shared/contract.js';
import { makeRng, pick } from '../bench/synthetic-library.js';
import { addImageAsset, addVideoAsset, useCatalogue } from '../helpers/catalogue.js';
import { upsertPrompt } from '../../main/catalogue/prompts.js';
import { ftsSegments } from '../../main/catalogue/match-probe.js';
import { IDLE_AFTER_MS, IdleSearchUpkeep, MAX_SEGMENTS_AT_CLOSE } from '../../main/catalogue/search-upkeep.js';
import { openTestCore } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

const fixture = useCatalogue();
let db: Db;
beforeEach(() => {
  db = fixture.db;
});

function addRender(title: string, prompt?: string): number {
  const promptId = prompt === undefined ? undefined : upsertPrompt(db, { text: prompt });
  return insertRender(db, { assetId: addVideoAsset(db), title, source: 'import', ...(promptId ? { promptId } : {}) });
}

/** Ids the app's search returns, all pages followed. */
function search(
  text: string, sort: 'newest' | 'rating' | 'cost' | 'duration' | 'title' = 'newest', extra: Record<string, unknown> = {}, limit = 7,
  betweenPages?: () => void,
): number[] {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    if (cursor) betweenPages?.();
    const page = pageRenders(db, RendersPageInput.parse({ filter: RenderFilter.parse({ text, ...extra }), sort, limit, cursor }));
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Ids FTS5's plain prefix query matches, newest first: what search returned before rewriting. */
function prefixQuery(text: string): number[] {
  const match = toFtsQuery(text);
  if (!match) return [];
  return db.prepare('SELECT rowid FROM renders_fts WHERE renders_fts MATCH ? ORDER BY rowid DESC').pluck().all(`{title prompt} : (${match})`) as number[];
}

/** The same matches by rating, best first, then newest first: a plain sort of every match. */
function byRating(text: string, ratingMin = 0): number[] {
  return db
    .prepare(
      `SELECT r.id FROM renders r WHERE r.rating >= ? AND r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH ?)
       ORDER BY r.rating DESC, r.id DESC`,
    )
    .pluck()
    .all(ratingMin, `{title prompt} : (${toFtsQuery(text)})`) as number[];
}

describe('prefix words searched as exact words', () => {
  it('rewrites a common prefix as the exact words of the library, and finds the same renders', () => {
    addRender('a.mp4', 'slow dolly through golden light');
    addRender('b.mp4', 'lighthouse at night, slowly turning');
    addRender('c.mp4', 'lighting test');
    addRender('d.mp4', 'a city street');
    expect(ftsMatch(db, 'ligh slow')).toBe('{title prompt} : (("light" OR "lighthouse" OR "lighting") AND ("slow" OR "slowly"))');
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
    expect(ftsMatch(db, 'Tracki')).toBe('{title prompt} : ("tracking")');
  });

  it('keeps one- to three-letter prefixes for FTS5 prefix indexes, and words the vocabulary lacks as prefixes', () => {
    addRender('x.mp4', 'golden hour');
    expect(ftsMatch(db, 'go')).toBe('{title prompt} : ("go"*)');
    expect(ftsMatch(db, 'zebra')).toBe('{title prompt} : ("zebra"*)');
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
    expect(ftsMatch(db, 'mount')).toBe('{title prompt} : (("mountain" OR "mountaineer"))');
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

describe('a search sorted by rating', () => {
  it('pages through every match once, best rating first, and follows rating changes', () => {
    const rng = makeRng(11);
    const words = ['golden', 'hour', 'neon', 'rain', 'drone'];
    const ids: number[] = [];
    for (let i = 0; i < 200; i++) ids.push(addRender(`clip_${i}.mp4`, `${pick(rng, words)} ${pick(rng, words)}`));
    const rate = db.prepare('UPDATE renders SET rating = ? WHERE id = ?');
    for (const id of ids) rate.run(Math.floor(rng() * 6), id);
    for (const q of ['golden', 'gold rain', 'neon', 'dro', 'clip']) {
      expect(search(q, 'rating'), q).toEqual(byRating(q));
      expect(search(q, 'rating', { ratingMin: 3 }), `${q} rated 3+`).toEqual(byRating(q, 3));
    }
    // Rate the oldest match 5: it moves to the top of its search.
    const oldest = byRating('golden').at(-1)!;
    rate.run(5, oldest);
    expect(search('golden', 'rating')).toEqual(byRating('golden'));
    expect(search('golden', 'rating').indexOf(oldest)).toBeLessThan(search('golden', 'rating').length / 2);
  });

  it('never matches the rating tokens the index keeps beside the words', () => {
    addRender('a.mp4', 'plain words');
    expect(search('rating0')).toEqual([]);
    expect(search('rati')).toEqual([]);
    const named = addRender('rating5_notes.mp4', 'rating sheet');
    expect(search('rating5')).toEqual([named]);
  });
});

/** The matches by a key, highest first (NULLs last), then newest first: a plain sort of every match. */
function byKey(text: string, column: 'cost_credits' | 'duration_ms', projectId?: number): number[] {
  return db
    .prepare(
      `SELECT r.id FROM renders r WHERE (@project IS NULL OR r.project_id = @project)
         AND r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)
       ORDER BY r.${column} IS NULL, r.${column} DESC, r.id DESC`,
    )
    .pluck()
    .all({ project: projectId ?? null, fts: `{title prompt} : (${toFtsQuery(text)})` }) as number[];
}

describe('a search sorted by cost or duration', () => {
  // More matches than the 500 a search sorts whole, so pages come from the walk of the key's index.
  it('pages through every match once, highest first, across ties, negatives and NULLs', () => {
    const rng = makeRng(7);
    const costs = [7, 7, 7, 6.995, 7.004, 6.99, 9.99, 10, 10.01, 0, 0.004, 0.005, -0.003, -2, 120, 99.5, 1.25];
    const durations: Array<number | null> = [5000, 5000, 10_000, 9999, 10_999, 11_000, 999, 1000, 0, null, null, 4321];
    const setKeys = db.prepare('UPDATE renders SET cost_credits = ?, duration_ms = ? WHERE id = ?');
    for (let i = 0; i < 1800; i++) {
      const id = addRender(`take_${i}.mp4`, `${pick(rng, ['golden', 'neon'])} ${pick(rng, ['hour', 'rain', 'drone'])}`);
      setKeys.run(pick(rng, costs), pick(rng, durations), id);
    }
    for (const q of ['golden', 'hour', 'take']) {
      expect(search(q, 'cost', {}, 50).length, q).toBeGreaterThan(500);
      expect(search(q, 'cost', {}, 50), `${q} by cost`).toEqual(byKey(q, 'cost_credits'));
      expect(search(q, 'duration', {}, 50), `${q} by duration`).toEqual(byKey(q, 'duration_ms'));
    }
    expect(search('neon rain', 'cost'), 'small pages').toEqual(byKey('neon rain', 'cost_credits'));
    const byTitle = db
      .prepare(`SELECT r.id FROM renders r WHERE r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH ?) ORDER BY r.title COLLATE NOCASE, r.id`)
      .pluck()
      .all(`{title prompt} : (${toFtsQuery('golden')})`);
    expect(search('golden', 'title', {}, 50), 'golden by title').toEqual(byTitle);
    // A new charge moves a take to the top of a search sorted by cost.
    const cheapest = byKey('golden', 'cost_credits').at(-1)!;
    db.prepare('UPDATE renders SET cost_credits = 500 WHERE id = ?').run(cheapest);
    expect(search('golden', 'cost', {}, 50)[0]).toBe(cheapest);
    expect(search('golden', 'cost', {}, 50)).toEqual(byKey('golden', 'cost_credits'));
  });

  // A word in most renders but in none of the dearest or longest: the first time it is searched,
  // the page is first looked for id by id among the top of the key's order (the word is common),
  // and the rest is found by one pass over its matches from where those lookups stopped, which
  // is inside a group of tied keys.
  it('pages through exactly the plain query when a common word is missing from the top of the order', () => {
    const rng = makeRng(11);
    const setKeys = db.prepare('UPDATE renders SET cost_credits = ?, duration_ms = ? WHERE id = ?');
    const touch = db.prepare("UPDATE renders SET title = title WHERE id = (SELECT min(id) FROM renders)");
    for (let i = 0; i < 2400; i++) {
      const top = i % 10 === 0;
      const id = addRender(`clip_${i}.mp4`, `${top ? 'rare' : 'usual'} ${pick(rng, ['dusk', 'dawn'])}`);
      setKeys.run(top ? pick(rng, [90, 80, 80]) : pick(rng, [5, 5, 5, 4, 3]), top ? pick(rng, [60_000, 50_000]) : pick(rng, [5000, 5000, 2000, null]), id);
    }
    for (const q of ['usual', 'usual dusk', 'dawn']) {
      for (const limit of [13, 120]) {
        expect(search(q, 'cost', {}, limit, () => touch.run()), `${q} by cost, ${limit}`).toEqual(byKey(q, 'cost_credits'));
        expect(search(q, 'duration', {}, limit, () => touch.run()), `${q} by duration, ${limit}`).toEqual(byKey(q, 'duration_ms'));
      }
    }
  });
});

describe('a search within a project, a provider or a rating range', () => {
  const ORDER = {
    newest: 'r.id DESC', rating: 'r.rating DESC, r.id DESC', cost: 'r.cost_credits DESC, r.id DESC',
    duration: 'r.duration_ms IS NULL, r.duration_ms DESC, r.id DESC', title: 'r.title COLLATE NOCASE, r.id',
  } as const;
  /** Every match passing the filters in the sort's order: a plain query, without facet tokens. */
  function reference(text: string, sort: keyof typeof ORDER, f: { projectId?: number; provider?: string; ratingMin?: number; ratingMax?: number }): number[] {
    return db
      .prepare(
        `SELECT r.id FROM renders r WHERE (@project IS NULL OR r.project_id = @project) AND (@provider IS NULL OR r.provider = @provider)
           AND r.rating BETWEEN @min AND @max AND (@fts IS NULL OR r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts))
         ORDER BY ${ORDER[sort]}`,
      )
      .pluck()
      .all({
        project: f.projectId ?? null, provider: f.provider ?? null, min: f.ratingMin ?? 0, max: f.ratingMax ?? 5,
        fts: text ? `{title prompt} : (${toFtsQuery(text)})` : null,
      }) as number[];
  }

  it('pages through exactly the renders of the plain query for every sort, across ties, and follows moves between facets', () => {
    const rng = makeRng(23);
    const projects = [1, 2, 3].map((i) => Number(db.prepare("INSERT INTO projects (uid, name, created_at, updated_at) VALUES (?, ?, 0, 0)").run(`p${i}`, `Project ${i}`).lastInsertRowid));
    // "runway-gen3" is split by the tokenizer: its token also matches plain "runway"'s; SQL tells them apart.
    const providers = ['kling', 'runway', 'runway-gen3', null];
    const set = db.prepare('UPDATE renders SET project_id = ?, provider = ?, rating = ?, cost_credits = ?, duration_ms = ? WHERE id = ?');
    const ids: number[] = [];
    for (let i = 0; i < 1400; i++) {
      const id = addRender(`take_${i}.mp4`, `${pick(rng, ['golden', 'neon'])} ${pick(rng, ['hour', 'rain'])}`);
      set.run(pick(rng, [...projects, null]), pick(rng, providers), Math.floor(rng() * 6), pick(rng, [0, 1.5, 3, 12]), pick(rng, [2000, 4000, null]), id);
      ids.push(id);
    }
    const filters = [
      { projectId: projects[0]! }, { provider: 'runway' }, { provider: 'runway-gen3' }, { provider: 'Kling' }, { ratingMin: 3 },
      { ratingMin: 2, ratingMax: 4 }, { ratingMax: 0 }, { projectId: projects[1]!, provider: 'kling', ratingMin: 4 },
      { provider: 'runway', ratingMin: 5 }, { projectId: projects[2]!, provider: 'runway-gen3' }, { projectId: projects[0]!, ratingMax: 1 },
    ];
    const check = () => {
      for (const f of filters) {
        for (const sort of ['newest', 'rating', 'cost', 'duration', 'title'] as const) {
          // '' : no words, only the facets (two of them at once, or a project or provider sorted by
          // rating, are walked through their tokens too).
          for (const q of ['golden', 'hour', 'golden rain', 'take', '']) {
            const want = reference(q, sort, f);
            expect(search(q, sort, f, 23), `${q} ${sort} ${JSON.stringify(f)}`).toEqual(want);
            if (sort === 'newest') expect(countRenders(db, RenderFilter.parse({ text: q, ...f })), `count ${q} ${JSON.stringify(f)}`).toBe(want.length);
          }
        }
      }
    };
    check();
    // Moving takes to another project, provider or rating moves them between the facets' searches.
    for (const id of ids.slice(0, 300)) set.run(projects[0]!, 'runway', 5, 3, 4000, id);
    db.prepare('UPDATE renders SET project_id = NULL, provider = NULL WHERE id IN (SELECT id FROM renders ORDER BY id DESC LIMIT 200)').run();
    check();
    expect(search('golden', 'newest', { projectId: projects[0]!, provider: 'runway', ratingMin: 5 }).length).toBeGreaterThan(100);
  });
});

describe('a search sorted by cost, duration or title, at any density of matches', () => {
  // Words from everywhere to rare, so that pages come from each way such a search is answered
  // (main/catalogue/renders.ts, searchKeyed): the walk of the key's index keeping matches, the
  // matches sorted once and paged through, and the walk giving up for that sort when the
  // matches are sparse where it starts ("cheap" renders are the cheapest, sorted by cost).
  const ORDER = {
    cost: 'r.cost_credits DESC, r.id DESC',
    duration: 'r.duration_ms IS NULL, r.duration_ms DESC, r.id DESC',
    title: 'r.title COLLATE NOCASE, r.id',
  } as const;
  type Sort = keyof typeof ORDER;
  type Range = { gt?: number; gte?: number; lt?: number; lte?: number };
  type Facets = {
    provider?: string; ratingMin?: number; flag?: 'pick'; tag?: string; projectId?: number; kind?: 'video' | 'image';
    cost?: Range; duration?: Range; created?: Range;
  };

  /** `col > 3 AND col <= 7`: a range filter as plain SQL (true for none). */
  function inRange(col: string, range: Range | undefined): string {
    const ops = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
    const parts = Object.entries(range ?? {}).map(([op, v]) => `${col} ${ops[op as keyof typeof ops]} ${Number(v)}`);
    return parts.length ? parts.join(' AND ') : '1';
  }

  /** Every render the words and facets match, in the sort's order: a plain query. */
  function reference(text: string, sort: Sort, f: Facets): Array<{ id: number; cost: number; duration: number | null }> {
    return db
      .prepare(
        `SELECT r.id, r.cost_credits AS cost, r.duration_ms AS duration FROM renders r JOIN assets a ON a.id = r.asset_id
         WHERE r.id IN (SELECT rowid FROM renders_fts WHERE renders_fts MATCH @fts)
           AND (@provider IS NULL OR r.provider = @provider) AND r.rating >= @min AND (@flag IS NULL OR r.flag = @flag)
           AND (@project IS NULL OR r.project_id = @project) AND (@kind IS NULL OR a.kind = @kind)
           AND (@tag IS NULL OR r.id IN (SELECT rt.render_id FROM render_tags rt JOIN tags t ON t.id = rt.tag_id WHERE t.name = @tag))
           AND ${inRange('r.cost_credits', f.cost)} AND ${inRange('r.duration_ms', f.duration)} AND ${inRange('r.created_at', f.created)}
         ORDER BY ${ORDER[sort]}`,
      )
      .all({
        fts: `{title prompt} : (${toFtsQuery(text)})`, provider: f.provider ?? null, min: f.ratingMin ?? 0, flag: f.flag ?? null,
        project: f.projectId ?? null, tag: f.tag ?? null, kind: f.kind ?? null,
      }) as Array<{ id: number; cost: number; duration: number | null }>;
  }
  const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

  let project = 0;
  function library(): number[] {
    const rng = makeRng(31);
    project = Number(db.prepare("INSERT INTO projects (uid, name, created_at, updated_at) VALUES ('p', 'P', 0, 0)").run().lastInsertRowid);
    const hero = Number(db.prepare("INSERT INTO tags (name) VALUES ('hero')").run().lastInsertRowid);
    const set = db.prepare('UPDATE renders SET provider = ?, cost_credits = ?, rating = ?, flag = ?, project_id = ? WHERE id = ?');
    const tag = db.prepare('INSERT INTO render_tags (render_id, tag_id) VALUES (?, ?)');
    const titles = ['Alpha', 'alpha', 'BETA', 'beta', 'Gamma', 'delta', 'Delta', 'ÉCLAIR', 'zeta'];
    const out: number[] = [];
    for (let i = 0; i < 2400; i++) {
      const words = ['every'];
      if (rng() < 0.3) words.push('often');
      if (rng() < 0.06) words.push('sometimes');
      if (rng() < 0.012) words.push('seldom');
      const cheap = rng() < 0.25;
      // One in five a still (an image: no duration); the rest videos, a few of unknown length.
      const still = rng() < 0.2;
      const durationMs = still ? null : pick(rng, [1000, 2000, 2000, 5000, 12_000, null]);
      const id = insertRender(db, {
        assetId: still ? addImageAsset(db) : addVideoAsset(db, durationMs), durationMs, createdAt: DAY0 + i * 60_000,
        title: `${pick(rng, titles)}_${Math.floor(rng() * 40)}.mp4`, source: 'import',
        promptId: upsertPrompt(db, { text: `${words.join(' ')} ${cheap ? 'bargain' : 'premium'}` }),
      });
      // "cheap" renders cost least, so a search for them sorted by cost starts among dear ones.
      const cost = cheap ? pick(rng, [0, 0.25, 0.25, -1]) : pick(rng, [1, 3, 3, 3, 7.5, 12, 40]);
      set.run(cheap ? 'cheap' : pick(rng, ['kling', 'runway']), cost, Math.floor(rng() * 6), rng() < 0.2 ? 'pick' : null, rng() < 0.5 ? project : null, id);
      if (rng() < 0.15) tag.run(id, hero);
      out.push(id);
    }
    return out;
  }

  const QUERIES = ['every', 'often', 'sometimes', 'seldom', 'often sometimes', 'bargain', 'bargain often', 'prem', 'alpha', '"every premium"'];
  /** When the first render of the test library was added; one more each minute after. */
  const DAY0 = Date.UTC(2026, 10, 1);
  const FACETS: Facets[] = [{}, { provider: 'cheap' }, { provider: 'kling', ratingMin: 3 }, { flag: 'pick' }, { tag: 'hero' }];
  // kind:, cost:, duration: and date: — filters checked row by row beside the words (alone and
  // with a facet), with words from everywhere to rare.
  const RANGE_QUERIES = ['every', 'often', 'seldom', 'bargain', 'prem'];
  const RANGES: Facets[] = [
    { kind: 'image' }, { kind: 'video', provider: 'runway' }, { cost: { gte: 3, lt: 40 } }, { cost: { lte: 0.25 } },
    { duration: { gt: 1500 } }, { duration: { lte: 2000 }, kind: 'video' }, { created: { gte: DAY0 + 600 * 60_000, lt: DAY0 + 1800 * 60_000 } },
  ];

  it('pages through exactly the plain query, every page by cursor to the end, in every order and with facets', () => {
    library();
    const check = () => {
      for (const sort of ['cost', 'duration', 'title'] as const) {
        for (const q of QUERIES) {
          for (const f of FACETS) {
            const want = ids(reference(q, sort, f));
            for (const limit of [13, 120]) expect(search(q, sort, { ...f }, limit), `${q} ${sort} ${JSON.stringify(f)} by ${limit}`).toEqual(want);
          }
        }
      }
    };
    check();
    expect(ids(reference('every', 'cost', {})).length).toBe(2400);
    expect(ids(reference('seldom', 'cost', {})).length).toBeGreaterThan(10);
    // The library changes under the remembered matches: on this connection, and from another one
    // (the app's reader, an import in another process) — both are seen at once.
    db.prepare("UPDATE renders SET cost_credits = 99 WHERE id IN (SELECT id FROM renders WHERE id % 7 = 0)").run();
    const other = new Database(db.name);
    other.prepare("UPDATE renders SET provider = 'cheap', cost_credits = -5 WHERE id % 11 = 0").run();
    other.prepare('UPDATE renders SET project_id = ? WHERE id % 13 = 0').run(project);
    other.close();
    check();
    for (const sort of ['cost', 'duration'] as const) {
      expect(search('often', sort, { projectId: project }, 50)).toEqual(ids(reference('often', sort, { projectId: project })));
    }
  });

  it('pages through exactly the plain query when the library changes between pages (each page searched the first time)', () => {
    library();
    // A write that changes no result: what is remembered about a search is forgotten all the same.
    const touch = db.prepare('UPDATE projects SET name = name WHERE id = ?');
    for (const sort of ['cost', 'duration', 'title'] as const) {
      for (const q of QUERIES) {
        for (const f of [...FACETS, ...RANGES.slice(0, 3)]) {
          expect(search(q, sort, { ...f }, 120, () => touch.run(project)), `${q} ${sort} ${JSON.stringify(f)}`).toEqual(ids(reference(q, sort, f)));
        }
      }
    }
  });

  it('pages through exactly the plain query with kind, cost, duration and date filters, in every order', () => {
    library();
    for (const sort of ['cost', 'duration', 'title'] as const) {
      for (const q of RANGE_QUERIES) {
        for (const f of RANGES) {
          const want = ids(reference(q, sort, f));
          for (const limit of [13, 120]) expect(search(q, sort, { ...f }, limit), `${q} ${sort} ${JSON.stringify(f)} by ${limit}`).toEqual(want);
        }
      }
    }
    expect(ids(reference('every', 'cost', { kind: 'image' })).length).toBeGreaterThan(300);
    expect(ids(reference('seldom', 'cost', { duration: { gt: 1500 } })).length).toBeGreaterThan(3);
  });

  it('continues a page from before a change after the cursor\'s sort key and id, wherever that row has moved', () => {
    library();
    for (const sort of ['cost', 'duration'] as const) {
      for (const q of ['every', 'often', 'seldom', 'bargain']) {
        const first = pageRenders(db, RendersPageInput.parse({ filter: RenderFilter.parse({ text: q }), sort, limit: 10 }));
        expect(first.nextCursor, q).not.toBeNull();
        const last = db.prepare('SELECT id, cost_credits AS cost, duration_ms AS duration FROM renders WHERE id = ?').get(first.items.at(-1)!.id) as
          { id: number; cost: number; duration: number | null };
        // The cursor's render moves to the other end of the order, and others move around it.
        db.prepare('UPDATE renders SET cost_credits = -50, duration_ms = NULL WHERE id = ?').run(last.id);
        db.prepare('UPDATE renders SET cost_credits = cost_credits + 0.5, duration_ms = duration_ms + 1000 WHERE id % 5 = 0').run();
        const key = sort === 'cost' ? last.cost : last.duration;
        const rank = (k: number | null) => (k === null ? -Infinity : k);
        const after = reference(q, sort, {}).filter((r) => {
          const k = rank(sort === 'cost' ? r.cost : r.duration);
          return k < rank(key) || (k === rank(key) && r.id < last.id);
        });
        const next = pageRenders(db, RendersPageInput.parse({ filter: RenderFilter.parse({ text: q }), sort, limit: 30, cursor: first.nextCursor }));
        expect(next.items.map((c) => c.id), `${q} ${sort}`).toEqual(ids(after.slice(0, 30)));
      }
    }
  });
});

describe('closing a library', () => {
  it('merges a full-text index written in many small transactions into one piece, and finds the same renders', async () => {
    const lib = tempDir();
    try {
      let core = openTestCore(lib.path);
      const rate = core.db.prepare('UPDATE renders SET rating = ? WHERE id = ?');
      const ids: number[] = [];
      for (let i = 0; i < 40; i++) {
        ids.push(insertRender(core.db, { assetId: addVideoAsset(core.db), title: `take_${i}.mp4`, source: 'import', promptId: upsertPrompt(core.db, { text: i % 3 ? 'harbour at dusk' : 'desert at noon' }) }));
      }
      // A review session: each rating is a transaction of its own, and a segment of the index.
      for (const [i, id] of ids.entries()) rate.run(i % 6, id);
      expect(ftsSegments(core.db)).toBeGreaterThan(MAX_SEGMENTS_AT_CLOSE);
      const page = (c: typeof core, text: string, ratingMin?: number) =>
        pageRenders(c.db, RendersPageInput.parse({ filter: RenderFilter.parse({ text, ...(ratingMin ? { ratingMin } : {}) }), sort: 'cost', limit: 100 })).items.map((r) => r.id);
      const before = [page(core, 'harbour'), page(core, 'desert', 3), page(core, 'at')];
      await core.close();
      core = openTestCore(lib.path);
      expect(ftsSegments(core.db)).toBe(1);
      expect([page(core, 'harbour'), page(core, 'desert', 3), page(core, 'at')]).toEqual(before);
      expect(before.map((p) => p.length)).toEqual([26, 7, 40]);
      await core.close();
    } finally {
      lib.cleanup();
    }
  });
});

describe('an idle app', () => {
  it('merges a full-text index grown during a session once no call has come for a while, and finds the same renders', () => {
    const ids = Array.from({ length: 40 }, (_, i) => addRender(`take_${i}.mp4`, i % 3 ? 'harbour at dusk' : 'desert at noon'));
    const rate = db.prepare('UPDATE renders SET rating = ? WHERE id = ?');
    for (const [i, id] of ids.entries()) rate.run(i % 6, id);
    const grown = ftsSegments(db);
    expect(grown).toBeGreaterThan(MAX_SEGMENTS_AT_CLOSE);
    const pages = () => ['harbour', 'desert', 'at'].map((text) => search(text, 'cost', {}, 100));
    const before = pages();
    let now = 0;
    const upkeep = new IdleSearchUpkeep(db, () => {}, () => now);
    try {
      // In use: a call a moment ago, and nothing is merged.
      now = IDLE_AFTER_MS - 1;
      expect(upkeep.step()).toBe(false);
      upkeep.busy();
      now += IDLE_AFTER_MS - 1;
      expect(upkeep.step()).toBe(false);
      expect(ftsSegments(db)).toBe(grown);
      // Quiet for IDLE_AFTER_MS: steps until there is nothing left to merge.
      now += 1;
      let steps = 0;
      while (upkeep.step() && steps < 100) steps++;
      expect(steps).toBeGreaterThan(0);
      expect(ftsSegments(db)).toBe(1);
      expect(upkeep.step()).toBe(false);
      expect(pages()).toEqual(before);
      expect(before.map((p) => p.length)).toEqual([26, 14, 40]);
    } finally {
      upkeep.close();
    }
  });
});

describe('upgrading a library', () => {
  it('fills the vocabulary from the renders already catalogued', () => {
    db.close();
    const file = path.join(fixture.dir, 'old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    const id = insertRender(old, { assetId: addVideoAsset(old), title: 'Sunset_Boulevard.mp4', source: 'import' });
    old.close();
    db = fixture.db = openCatalogue(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(ftsMatch(db, 'suns')).toBe('{title prompt} : ("sunset")');
    expect(search('boul')).toEqual([id]);
  });
});

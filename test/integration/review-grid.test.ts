// The review grid's calls through the real contract on a real Core and SQLite file: the query
// syntax in renders.page / renders.count, batch edits (stars, pick/reject, tags, move to shot),
// facet counts, search highlights and saved searches.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { insertAsset } from '../../main/catalogue/assets.js';
import { insertRender } from '../../main/catalogue/renders.js';
import { readRunner } from '../../main/catalogue/reader/read-queries.js';
import type { ChannelInput, ChannelResult, Channel } from '../../shared/contract.js';
import type { CoreEvent } from '../../shared/events.js';
import { ContractError } from '../../shared/errors.js';
import { openTestCore } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

let dir: ReturnType<typeof tempDir>;
let core: Core;
let events: CoreEvent[];
const call = <C extends Channel>(c: C, input: ChannelInput<C>) => core.dispatch(c, input) as Promise<ChannelResult<C>>;

let sha = 0;
let projectA: number;
let projectB: number;
let shotA1: number;
let shotA2: number;
let shotB1: number;
const ids: Record<string, number> = {};

function addRender(title: string, o: { prompt?: string; provider?: string; model?: string; task?: string; cost?: number; createdAt?: number; durationMs?: number | null; projectId?: number; shotId?: number; rating?: number }) {
  const db = core.db;
  const assetId = insertAsset(db, {
    sha256: (++sha).toString(16).padStart(64, '0'), ext: 'mp4', size: 10, hasPoster: false,
    probe: { kind: 'video', container: 'mp4', durationMs: o.durationMs ?? 4000, width: 320, height: 180, fps: 24, videoCodec: 'h264', audioCodec: null },
  });
  const promptId = o.prompt
    ? Number(db.prepare('INSERT INTO prompts (hash, text, created_at) VALUES (?, ?, 0)').run(`h${sha}`, o.prompt).lastInsertRowid)
    : null;
  const id = insertRender(db, {
    assetId, title, source: 'import', promptId, provider: o.provider ?? null, model: o.model ?? null, taskType: o.task ?? null,
    durationMs: o.durationMs === undefined ? 4000 : o.durationMs, createdAt: o.createdAt ?? Date.UTC(2026, 10, 10), projectId: o.projectId ?? null, shotId: o.shotId ?? null,
  });
  db.prepare('UPDATE renders SET cost_credits = ?, rating = ? WHERE id = ?').run(o.cost ?? 0, o.rating ?? 0, id);
  ids[title] = id;
  return id;
}

const titles = async (text: string, extra: Partial<ChannelInput<'renders.page'>['filter']> = {}) =>
  (await call('renders.page', { filter: { text, ...extra }, sort: 'title' })).items.map((r) => r.title);

async function refusal(p: Promise<unknown>): Promise<ContractError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ContractError) return err;
    throw err;
  }
  throw new Error('the call was accepted');
}

beforeEach(async () => {
  dir = tempDir();
  core = openTestCore(dir.path);
  events = [];
  core.onEvent((e) => events.push(e));
  const a = await call('projects.create', { name: 'Spring spot' });
  const b = await call('projects.create', { name: 'Winter spot' });
  projectA = a.id;
  projectB = b.id;
  const shot = core.db.prepare("INSERT INTO shots (uid, project_id, position, name, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)");
  shotA1 = Number(shot.run('s1', projectA, 1, 'Opening').lastInsertRowid);
  shotA2 = Number(shot.run('s2', projectA, 2, 'Closer').lastInsertRowid);
  shotB1 = Number(shot.run('s3', projectB, 1, 'Opening').lastInsertRowid);

  addRender('beach.mp4', { prompt: 'a surfer at golden hour on a beach', provider: 'kling', model: 'kling-v2-1', task: 'text_to_video', cost: 7, rating: 4, projectId: projectA, shotId: shotA1 });
  addRender('pier.mp4', { prompt: 'fog on a pier at golden hour', provider: 'kling', model: 'kling-v2-1', task: 'image_to_video', cost: 3, rating: 5, projectId: projectA, shotId: shotA1, createdAt: Date.UTC(2026, 10, 20) });
  addRender('alley.mp4', { prompt: 'a neon alley in the rain, hour of the wolf', provider: 'veo', model: 'veo-3', task: 'text_to_video', cost: 12, rating: 2, projectId: projectB, shotId: shotB1 });
  addRender('still.png', { prompt: 'golden light on a still lake', provider: 'kling', cost: 0, durationMs: null, projectId: projectA });
  // alley.mp4 was extended into alley-ext.mp4: alley has children.
  const child = addRender('alley-ext.mp4', { prompt: 'the alley, extended', provider: 'veo', model: 'veo-3', task: 'extend', cost: 6, projectId: projectB, shotId: shotB1 });
  core.db.prepare("INSERT INTO lineage (child_id, parent_id, operation) VALUES (?, ?, 'extend')").run(child, ids['alley.mp4']);
});

afterEach(async () => {
  await core.close();
  dir.cleanup();
});

describe('the query syntax in renders.page and renders.count', () => {
  it('finds what the issue example asks for', async () => {
    expect(await titles('provider:kling cost:>5 rating:>=4 "golden hour"')).toEqual(['beach.mp4']);
    expect((await call('renders.count', { filter: { text: 'provider:kling cost:>5 rating:>=4 "golden hour"' } })).count).toBe(1);
  });

  it('filters by every field the syntax knows', async () => {
    expect(await titles('provider:VEO')).toEqual(['alley-ext.mp4', 'alley.mp4']);
    expect(await titles('model:kling-v2-1')).toEqual(['beach.mp4', 'pier.mp4']);
    expect(await titles('task:image-to-video')).toEqual(['pier.mp4']);
    expect(await titles('rating:2..4')).toEqual(['alley.mp4', 'beach.mp4']);
    expect(await titles('rating:0')).toEqual(['alley-ext.mp4', 'still.png']);
    expect(await titles('cost:<=3')).toEqual(['pier.mp4', 'still.png']);
    expect(await titles('duration:>3')).toEqual(['alley-ext.mp4', 'alley.mp4', 'beach.mp4', 'pier.mp4']);
    expect(await titles('has:children')).toEqual(['alley.mp4']);
    expect(await titles('-has:children kind:video provider:veo')).toEqual(['alley-ext.mp4']);
    expect(await titles('project:"spring SPOT" shot:Opening')).toEqual(['beach.mp4', 'pier.mp4']);
    const from = new Date(Date.UTC(2026, 10, 15));
    const day = `${from.getFullYear()}-${String(from.getMonth() + 1).padStart(2, '0')}-${String(from.getDate()).padStart(2, '0')}`;
    expect(await titles(`date:>=${day}`)).toEqual(['pier.mp4']);
    expect(await titles('golden hour')).toEqual(['beach.mp4', 'pier.mp4']);
  });

  it('ANDs a typed filter with the facets, and a contradiction finds nothing', async () => {
    expect(await titles('golden', { projectId: projectA, ratingMin: 5 })).toEqual(['pier.mp4']);
    expect(await titles('provider:veo', { provider: 'kling' })).toEqual([]);
    expect((await call('renders.count', { filter: { text: 'provider:veo', provider: 'kling' } })).count).toBe(0);
  });

  it('refuses bad syntax and unknown names with a sentence naming the term', async () => {
    const err = await refusal(call('renders.page', { filter: { text: 'ratng:5' } }));
    expect(err.code).toBe('validation');
    expect(err.message).toMatch(/“ratng:” is not a filter/);
    expect(err.issues?.[0]?.field).toBe('filter.text');
    expect((await refusal(call('renders.count', { filter: { text: 'project:Autumn' } }))).message).toMatch(/no project named “Autumn”/);
    expect((await refusal(call('renders.page', { filter: { text: 'shot:Opening' } }))).message).toMatch(/2 shots are named “Opening”.*project:/);
  });
});

describe('renders.edit', () => {
  it('rates, rejects and tags a selection, and says which renders changed', async () => {
    const sel = [ids['alley.mp4']!, ids['still.png']!];
    expect(await call('renders.edit', { ids: sel, rating: 3, flag: 'reject', addTags: ['Night', 'wip'] })).toEqual({ updated: 2, unpicked: [] });
    expect(await titles('rating:3 is:reject tag:night')).toEqual(['alley.mp4', 'still.png']);
    expect(events).toContainEqual({ type: 'catalogue.changed', entity: 'renders', ids: sel });
    await call('renders.edit', { ids: [ids['still.png']!], removeTags: ['WIP'], flag: null });
    expect((await call('renders.get', { id: ids['still.png']! })).tags).toEqual(['Night']);
    expect((await call('renders.get', { id: ids['still.png']! })).flag).toBeNull();
    expect(await call('tags.list', {})).toEqual([{ name: 'Night', count: 2 }, { name: 'wip', count: 1 }]);
  });

  it('picking a take unpicks the other pick of its shot', async () => {
    await call('renders.edit', { ids: [ids['beach.mp4']!], flag: 'pick' });
    const result = await call('renders.edit', { ids: [ids['pier.mp4']!], flag: 'pick' });
    expect(result.unpicked).toEqual([ids['beach.mp4']]);
    expect(await titles('is:pick')).toEqual(['pier.mp4']);
  });

  it('refuses two picks for one shot and changes nothing', async () => {
    const err = await refusal(call('renders.edit', { ids: [ids['beach.mp4']!, ids['pier.mp4']!], flag: 'pick', rating: 1 }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/2 of these takes are in shot “Opening”/);
    expect(await titles('rating:1')).toEqual([]);
  });

  it('moves takes to a shot, filing them under its project', async () => {
    await call('renders.edit', { ids: [ids['alley.mp4']!, ids['still.png']!], shotId: shotA2 });
    expect(await titles('', { shotId: shotA2 })).toEqual(['alley.mp4', 'still.png']);
    expect((await call('renders.get', { id: ids['alley.mp4']! })).project?.name).toBe('Spring spot');
  });

  it('refuses moving a pick into a shot that has one, and unknown renders, changing nothing', async () => {
    await call('renders.edit', { ids: [ids['beach.mp4']!], flag: 'pick' });
    await call('renders.edit', { ids: [ids['alley.mp4']!], flag: 'pick' });
    const err = await refusal(call('renders.edit', { ids: [ids['alley.mp4']!], shotId: shotA1 }));
    expect(err.message).toMatch(/Shot “Opening” would have 2 picks/);
    expect((await call('renders.get', { id: ids['alley.mp4']! })).shot?.id).toBe(shotB1);
    const missing = await refusal(call('renders.edit', { ids: [ids['beach.mp4']!, 9999], rating: 5 }));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toMatch(/9999/);
    expect((await call('renders.get', { id: ids['beach.mp4']! })).rating).toBe(4);
  });

  it('refuses an edit that changes nothing, naming what it may change', async () => {
    const err = await refusal(call('renders.edit', { ids: [ids['beach.mp4']!] }));
    expect(err.message).toMatch(/rating, flag, addTags, removeTags or shotId/);
  });
});

describe('renders.facets', () => {
  it('counts each facet with the other filters but not its own', async () => {
    await call('renders.edit', { ids: [ids['beach.mp4']!], addTags: ['hero'] });
    const f = await call('renders.facets', { filter: { text: '', provider: 'kling', projectId: projectA } });
    expect(f.providers).toEqual([{ value: 'kling', label: 'kling', count: 3 }]);
    const all = await call('renders.facets', { filter: { text: '', projectId: projectA } });
    expect(all.providers).toEqual([{ value: 'kling', label: 'kling', count: 3 }]);
    expect(f.projects).toEqual([{ value: projectA, label: 'Spring spot', count: 3 }]);
    expect(f.shots).toEqual([
      { value: shotA1, label: 'Opening', count: 2 },
      { value: shotA2, label: 'Closer', count: 0 },
    ]);
    expect(f.tags).toEqual([{ value: 'hero', label: 'hero', count: 1 }]);
    expect(f.ratings.find((r) => r.value === 5)?.count).toBe(1);
    expect(f.costRange).toEqual({ min: 0, max: 7 });
    const veo = await call('renders.facets', { filter: { text: 'provider:veo' } });
    expect(veo.hasChildren).toEqual([
      { value: true, label: 'Has versions', count: 1 },
      { value: false, label: 'No versions', count: 1 },
    ]);
    expect(veo.taskTypes.map((t) => [t.label, t.count])).toEqual(expect.arrayContaining([['text to video', 1], ['extend', 1]]));
  });
});

describe('counts on the reader thread', () => {
  it('follow every edit at once, for a query asked before (no stale cached counts)', async () => {
    const filter = { text: 'golden', projectId: projectA };
    const before = await call('renders.facets', { filter });
    expect(before.ratings.find((r) => r.value === 5)?.count).toBe(1);
    expect((await call('renders.count', { filter: { text: 'golden', ratingMin: 5 } })).count).toBe(1);
    await call('renders.edit', { ids: [ids['beach.mp4']!], rating: 5 });
    const after = await call('renders.facets', { filter });
    expect(after.ratings.find((r) => r.value === 5)?.count).toBe(2);
    expect(after.ratings.find((r) => r.value === 4)?.count).toBe(0);
    expect((await call('renders.count', { filter: { text: 'golden', ratingMin: 5 } })).count).toBe(2);
    // A refused search is refused the same way from the thread: a validation error naming the term.
    const err = await refusal(call('renders.count', { filter: { text: 'project:"Nowhere"' } }));
    expect(err.code).toBe('validation');
    expect(err.message).toMatch(/^Search: there is no project named “Nowhere”/);
    expect(core.reader.onThread).toBe(true);
  });

  it('in-process (no thread to be had), still follow the edits of the same connection', () => {
    const run = readRunner(core.db);
    expect(run('renders.count', { filter: { text: 'golden', ratingMin: 5 } }).count).toBe(1);
    core.db.prepare('UPDATE renders SET rating = 5 WHERE id = ?').run(ids['beach.mp4']);
    expect(run('renders.count', { filter: { text: 'golden', ratingMin: 5 } }).count).toBe(2);
  });

  it('answer a search asked again from memory until the library changes', () => {
    // Words of four letters or more are folded through a temp table; those writes are no change.
    const run = readRunner(core.db);
    const first = run('renders.facets', { filter: { text: 'golden beach' } });
    expect(run('renders.facets', { filter: { text: 'golden beach' } })).toBe(first);
    core.db.prepare('UPDATE renders SET rating = 4 WHERE id = ?').run(ids['beach.mp4']);
    expect(run('renders.facets', { filter: { text: 'golden beach' } })).not.toBe(first);
  });
});

describe('renders.highlights', () => {
  it('marks the matched words of titles and prompts, ignoring the filters typed with them', async () => {
    const hl = await call('renders.highlights', { text: 'provider:kling gold beach', ids: [ids['beach.mp4']!, ids['alley.mp4']!] });
    expect(hl).toEqual([{ id: ids['beach.mp4'], title: '\u0002beach\u0003.mp4', prompt: expect.stringContaining('at \u0002golden\u0003 hour on a \u0002beach\u0003') }]);
    expect(await call('renders.highlights', { text: 'provider:kling', ids: [ids['beach.mp4']!] })).toEqual([]);
  });
});

describe('saved searches', () => {
  it('saves, lists, replaces by name and deletes', async () => {
    const saved = await call('searches.save', { name: 'Hero picks', query: 'is:pick rating:>=4', filter: { projectId: projectA }, sort: 'rating' });
    expect(saved).toMatchObject({ name: 'Hero picks', query: 'is:pick rating:>=4', filter: { projectId: projectA }, sort: 'rating' });
    await call('searches.save', { name: 'Cheap', query: 'cost:<2' });
    const replaced = await call('searches.save', { name: 'hero PICKS', query: 'is:pick' });
    expect(replaced.id).toBe(saved.id);
    expect((await call('searches.list', {})).map((s) => [s.name, s.query])).toEqual([['hero PICKS', 'is:pick'], ['Cheap', 'cost:<2']]);
    await call('searches.delete', { id: saved.id });
    expect((await call('searches.list', {})).map((s) => s.name)).toEqual(['Cheap']);
    expect((await refusal(call('searches.delete', { id: saved.id }))).code).toBe('not_found');
  });
});

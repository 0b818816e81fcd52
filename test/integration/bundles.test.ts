// Bundles end to end on real libraries: export → import into an empty library → export again,
// and the merge cases a user meets when bundles go back and forth.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { exportBundle } from '../../main/bundles/export.js';
import { importBundle, previewBundle } from '../../main/bundles/import.js';
import type { Manifest } from '../../main/bundles/manifest.js';
import { openBundle } from '../../main/bundles/read-bundle.js';
import { mediaPath, thumbPath } from '../../main/store/layout.js';
import { openTestCore } from '../helpers/core.js';
import { buildSampleProject, type SampleProject } from '../helpers/bundle-library.js';
import { tempDir } from '../helpers/temp.js';

let work: ReturnType<typeof tempDir>;
let a: Core;
let b: Core;
let sample: SampleProject;

beforeEach(async () => {
  work = tempDir('dailies-bundles-');
  a = openTestCore(path.join(work.path, 'lib-a'));
  b = openTestCore(path.join(work.path, 'lib-b'));
  sample = await buildSampleProject(a, path.join(work.path, 'src'));
});
afterEach(async () => {
  await a.close();
  await b.close();
  work.cleanup();
});

const out = (name: string) => path.join(work.path, 'out', name);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** The manifest without what differs per export by design (its time and id). */
const content = (m: Manifest) => ({ ...m, exportedAt: 0, exportId: '' });
const tableCounts = (core: Core) =>
  core.db.prepare(
    `SELECT (SELECT count(*) FROM projects) projects, (SELECT count(*) FROM shots) shots, (SELECT count(*) FROM prompts) prompts,
       (SELECT count(*) FROM assets) assets, (SELECT count(*) FROM refs) refs, (SELECT count(*) FROM jobs) jobs,
       (SELECT count(*) FROM renders) renders, (SELECT count(*) FROM lineage) lineage, (SELECT count(*) FROM charges) charges,
       (SELECT count(*) FROM render_tags) tags, (SELECT count(*) FROM render_refs) render_refs, (SELECT count(*) FROM job_refs) job_refs`,
  ).get() as Record<string, number>;
/** Everything a user could see of a library's catalogue, by travelling identity, for before/after comparisons. */
const snapshot = (core: Core) => ({
  counts: tableCounts(core),
  renders: core.db.prepare(
    `SELECT r.uid, r.title, r.rating, r.flag, r.notes, r.cost_credits, s.uid AS shot FROM renders r LEFT JOIN shots s ON s.id = r.shot_id ORDER BY r.uid`,
  ).all(),
  projects: core.db.prepare('SELECT uid, name, style_lock, updated_at FROM projects ORDER BY uid').all(),
  media: readdirSync(core.layout.media, { recursive: true }).map(String).sort(),
});

describe('bundle round trip', () => {
  it('exports a project, imports it into an empty library, and exports it again identically', async () => {
    const first = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    const m = first.manifest;
    expect(m.projects.map((p) => p.name)).toEqual(['Fox spot']);
    expect(m.renders).toHaveLength(3);
    expect(m.shots).toHaveLength(2);
    expect(m.jobs).toHaveLength(4); // three that made takes and the failed one
    expect(m.charges).toHaveLength(7);
    expect(m.references).toHaveLength(1);
    expect(m.lineage).toHaveLength(1);
    expect(m.tags).toHaveLength(3);
    expect(m.files).toHaveLength(4);
    // Jobs carry no account and no download URL.
    expect(JSON.stringify(m.jobs)).not.toMatch(/account|result_url|resultUrl/i);

    const imported = await importBundle(b, first.destination);
    expect(imported.plan.counts.renders).toMatchObject({ added: 3, conflicts: 0 });
    expect(imported.plan.conflicts).toEqual([]);

    const second = await exportBundle(b, { projectIds: [b.db.prepare('SELECT id FROM projects').pluck().get() as number], destination: out('again.dailies') });
    expect(content(second.manifest)).toEqual(content(m));
    // Identical media: the same bytes under the same content address, with posters made.
    for (const f of m.files) {
      const [, name] = f.path.split('/');
      const [hash, ext] = name!.split('.');
      expect(sha(mediaPath(b.layout, hash!, ext!))).toBe(f.sha256);
      expect(readFileSync(mediaPath(b.layout, hash!, ext!)).equals(readFileSync(mediaPath(a.layout, hash!, ext!)))).toBe(true);
      expect(existsSync(thumbPath(b.layout, hash!, 'poster'))).toBe(true);
    }
    // Costs follow the charges, picks stay picks, shot order is kept.
    const costs = b.db.prepare('SELECT title, cost_credits, flag FROM renders ORDER BY title').all();
    expect(costs).toEqual([
      { title: 'take_a.mp4', cost_credits: 35, flag: 'pick' },
      { title: 'take_b.mp4', cost_credits: 35, flag: 'reject' },
      { title: 'take_c.mp4', cost_credits: 70, flag: 'pick' },
    ]);
    expect(b.db.prepare('SELECT name FROM shots ORDER BY position').pluck().all()).toEqual(['Shot 1', 'Shot 2']);
    // Nothing is left in the staging area.
    expect(readdirSync(b.layout.tmp)).toEqual([]);
  });

  it('writes a folder bundle with the same manifest and imports it the same way', async () => {
    const zip = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    const folder = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox-folder'), layout: 'folder' });
    expect(content(folder.manifest)).toEqual(content(zip.manifest));
    expect(readdirSync(path.join(folder.destination, 'media')).sort()).toEqual(zip.manifest.files.map((f) => path.basename(f.path)).sort());
    const res = await importBundle(b, folder.destination);
    expect(res.plan.counts.renders.added).toBe(3);
  });

  it('exports picks only, and leaves references out when asked', async () => {
    const picks = await exportBundle(a, { projectIds: [sample.projectId], renders: 'picks', references: false, destination: out('picks.dailies') });
    expect(picks.manifest.renders.map((r) => r.title).sort()).toEqual(['take_a.mp4', 'take_c.mp4']);
    expect(picks.manifest.references).toEqual([]);
    expect(picks.manifest.renders.every((r) => r.refs.length === 0)).toBe(true);
    expect(picks.manifest.files).toHaveLength(2);
    expect(picks.manifest.lineage).toHaveLength(1); // c is a child of a, both picks
    // The failed job made no pick: it stays behind with the rest of the project's history.
    expect(picks.manifest.jobs).toHaveLength(2);
    const res = await importBundle(b, picks.destination);
    expect(res.plan.counts.renders.added).toBe(2);
  });

  it('exports a selection of takes with their project and shots', async () => {
    const sel = await exportBundle(a, { renderIds: [sample.renders.b], destination: out('sel.dailies') });
    expect(sel.manifest.scope.renders).toBe('selection');
    expect(sel.manifest.renders.map((r) => r.title)).toEqual(['take_b.mp4']);
    expect(sel.manifest.projects).toHaveLength(1);
    expect(sel.manifest.lineage).toEqual([]);
    await importBundle(b, sel.destination);
    expect(tableCounts(b)).toMatchObject({ renders: 1, projects: 1, shots: 2, refs: 1 });
  });

  it('reports progress and leaves nothing behind when an export is cancelled', async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const p = exportBundle(a, {
      projectIds: [sample.projectId], destination: out('cancel.dailies'), signal: ac.signal,
      onProgress: (pr) => {
        seen.push(pr.bytesDone);
        if (pr.filesDone >= 1) ac.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(out('cancel.dailies'))).toBe(false);
    expect(existsSync(out('cancel.dailies.partial'))).toBe(false);
    const done = await exportBundle(a, { projectIds: [sample.projectId], destination: out('done.dailies'), onProgress: (pr) => seen.push(pr.bytesDone) });
    expect(seen[seen.length - 1]).toBe(done.bytes);
  });

  it('refuses to overwrite an existing destination', async () => {
    await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    const before = statSync(out('fox.dailies')).mtimeMs;
    await expect(exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') })).rejects.toMatchObject({ code: 'destination_exists' });
    expect(statSync(out('fox.dailies')).mtimeMs).toBe(before);
  });
});

describe('merging bundles', () => {
  it('changes nothing when the same bundle is imported again', async () => {
    const { destination } = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    await importBundle(b, destination);
    const before = snapshot(b);
    const preview = await previewBundle(b, destination);
    expect(Object.values(preview.plan.counts).every((c) => c.added === 0 && c.updated === 0 && c.conflicts === 0)).toBe(true);
    const again = await importBundle(b, destination);
    expect(again.plan.updates).toEqual([]);
    expect(again.plan.conflicts).toEqual([]);
    expect(snapshot(b)).toEqual(before);
  });

  it('imports into the library it came from without changing anything', async () => {
    const before = snapshot(a);
    const { destination } = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    const res = await importBundle(a, destination);
    expect(res.plan.conflicts).toEqual([]);
    expect(snapshot(a)).toEqual(before);
  });

  it('updates the project from a newer export: renames, ratings, a pick that moved, tags, new takes', async () => {
    const first = await exportBundle(a, { projectIds: [sample.projectId], destination: out('v1.dailies') });
    await importBundle(b, first.destination);

    // The sender keeps working: renames the project, moves shot 1's pick from a to b, retags.
    a.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run('Fox spot (final)', Date.now() + 1000, sample.projectId);
    a.db.prepare('UPDATE renders SET flag = NULL WHERE id = ?').run(sample.renders.a);
    a.db.prepare("UPDATE renders SET flag = 'pick', rating = 5 WHERE id = ?").run(sample.renders.b);
    a.db.prepare("DELETE FROM render_tags WHERE render_id = ? AND tag_id = (SELECT id FROM tags WHERE name = 'client-fave')").run(sample.renders.a);
    await new Promise((r) => setTimeout(r, 5));
    const second = await exportBundle(a, { projectIds: [sample.projectId], destination: out('v2.dailies') });
    expect(second.manifest.exportedAt).toBeGreaterThan(first.manifest.exportedAt);

    const preview = await previewBundle(b, second.destination);
    expect(preview.plan.newerExport).toBe(true);
    expect(preview.plan.conflicts).toEqual([]);
    expect(preview.plan.updates.map((u) => [u.entity, u.label])).toEqual(expect.arrayContaining([
      ['projects', 'Fox spot (final)'], ['ratings', 'take_a.mp4'], ['ratings', 'take_b.mp4'], ['tags', 'take_a.mp4'],
    ]));
    // The preview changed nothing.
    expect(b.db.prepare('SELECT name FROM projects').pluck().get()).toBe('Fox spot');

    await importBundle(b, second.destination);
    expect(b.db.prepare('SELECT name FROM projects').pluck().get()).toBe('Fox spot (final)');
    expect(b.db.prepare("SELECT title FROM renders WHERE flag = 'pick' ORDER BY title").pluck().all()).toEqual(['take_b.mp4', 'take_c.mp4']);
    expect(b.db.prepare("SELECT t.name FROM render_tags rt JOIN tags t ON t.id = rt.tag_id JOIN renders r ON r.id = rt.render_id WHERE r.title = 'take_a.mp4'").pluck().all()).toEqual(['hero']);
    const again = await exportBundle(b, { projectIds: [b.db.prepare('SELECT id FROM projects').pluck().get() as number], destination: out('b.dailies') });
    expect(content(again.manifest)).toEqual(content(second.manifest));
  });

  it('keeps local edits made after an older export, and lists them as conflicts', async () => {
    const first = await exportBundle(a, { projectIds: [sample.projectId], destination: out('v1.dailies') });
    await importBundle(b, first.destination);
    // The receiver rates a take and renames the project after importing.
    b.db.prepare("UPDATE renders SET rating = 1, notes = 'too dark' WHERE title = 'take_a.mp4'").run();
    b.db.prepare('UPDATE projects SET name = ?, updated_at = ?').run('Fox (studio cut)', Date.now() + 60_000);
    const before = snapshot(b);

    const preview = await previewBundle(b, first.destination);
    expect(preview.plan.conflicts.map((c) => [c.entity, c.label])).toEqual([
      ['projects', 'Fox (studio cut)'],
      ['ratings', 'take_a.mp4'],
    ]);
    const res = await importBundle(b, first.destination);
    expect(res.plan.conflicts).toHaveLength(2);
    expect(snapshot(b)).toEqual(before);
  });

  it('adds new takes from a newer export next to what the library already has', async () => {
    const first = await exportBundle(a, { projectIds: [sample.projectId], renders: 'picks', destination: out('picks.dailies') });
    await importBundle(b, first.destination);
    expect(tableCounts(b).renders).toBe(2);
    const all = await exportBundle(a, { projectIds: [sample.projectId], destination: out('all.dailies') });
    const preview = await previewBundle(b, all.destination);
    expect(preview.plan.counts.renders).toMatchObject({ added: 1, unchanged: 2 });
    // take_b is the only new file: the reference came with the picks.
    expect(preview.plan.counts.assets).toMatchObject({ added: 1, unchanged: 3 });
    await importBundle(b, all.destination);
    expect(tableCounts(b)).toEqual(tableCounts(a));
  });

  it('leaves the library exactly as it was when the catalogue change fails', async () => {
    const { destination } = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    // The catalogue refuses the third take half-way through the transaction (as a full disk would).
    b.db.exec(`CREATE TRIGGER fail_third AFTER INSERT ON renders WHEN (SELECT count(*) FROM renders) >= 3 BEGIN SELECT RAISE(ABORT, 'disk went away'); END;`);
    const before = snapshot(b);
    await expect(importBundle(b, destination)).rejects.toThrow(/disk went away/);
    expect(snapshot(b)).toEqual(before);
    expect(readdirSync(b.layout.thumbs, { recursive: true }).filter((f) => String(f).endsWith('.jpg'))).toEqual([]);
    expect(readdirSync(b.layout.tmp)).toEqual([]);
    b.db.exec('DROP TRIGGER fail_third');
    await importBundle(b, destination);
    expect(tableCounts(b).renders).toBe(3);
  });

  it('previews what a bundle holds without reading its media', async () => {
    const { destination } = await exportBundle(a, { projectIds: [sample.projectId], destination: out('fox.dailies') });
    const preview = await previewBundle(b, destination);
    expect(preview).toMatchObject({ kind: 'zip', files: 4, projects: [{ name: 'Fox spot' }] });
    expect(preview.plan.counts.renders.added).toBe(3);
    expect(tableCounts(b).renders).toBe(0);
    const src = await openBundle(destination);
    src.close();
    expect(src.manifest.exportId).toBe(preview.exportId);
  });
});

// The review views' channels through the real core and a real SQLite file: the detail's extras,
// the lineage tree, marks (one pick per shot), notes, reveal, the storyboard's shot edits, costs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { insertAsset } from '../../main/catalogue/assets.js';
import { insertRender } from '../../main/catalogue/renders.js';
import { upsertPrompt } from '../../main/catalogue/prompts.js';
import { insertReference } from '../../main/catalogue/references.js';
import { newUid } from '../../main/catalogue/uid.js';
import type { CoreEvent } from '../../shared/events.js';
import { ContractError } from '../../shared/errors.js';
import { openTestCore } from '../helpers/core.js';
import { tempDir } from '../helpers/temp.js';

let dir: ReturnType<typeof tempDir>;
let core: Core;
let events: CoreEvent[];
beforeEach(() => {
  dir = tempDir();
  core = openTestCore(dir.path);
  events = [];
  core.onEvent((e) => events.push(e));
});
afterEach(async () => {
  await core.close();
  dir.cleanup();
});

let shaCounter = 0;
function asset(durationMs = 5000): number {
  const sha = (++shaCounter).toString(16).padStart(64, 'a');
  return insertAsset(core.db, {
    sha256: sha, ext: 'mp4', size: 1000, hasPoster: true,
    probe: { kind: 'video', container: 'mp4', durationMs, width: 320, height: 240, fps: 24, videoCodec: 'h264', audioCodec: null },
  });
}
function project(name: string): number {
  return Number(core.db.prepare('INSERT INTO projects (uid, name, created_at, updated_at) VALUES (?, ?, 0, 0)').run(newUid(), name).lastInsertRowid);
}
function shot(projectId: number, name: string, position: number): number {
  return Number(
    core.db.prepare('INSERT INTO shots (uid, project_id, position, name, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)')
      .run(newUid(), projectId, position, name).lastInsertRowid,
  );
}
function render(title: string, o: { projectId?: number; shotId?: number; promptId?: number; durationMs?: number; provider?: string; model?: string; createdAt?: number } = {}): number {
  return insertRender(core.db, {
    assetId: asset(o.durationMs), title, source: 'import', projectId: o.projectId ?? null, shotId: o.shotId ?? null,
    promptId: o.promptId ?? null, durationMs: o.durationMs ?? 5000, provider: o.provider ?? null, model: o.model ?? null,
    params: { duration: 5, cfg_scale: 0.5 }, ...(o.createdAt ? { createdAt: o.createdAt } : {}),
  });
}
function link(child: number, parent: number, operation = 'extend'): void {
  core.db.prepare('INSERT INTO lineage (child_id, parent_id, operation) VALUES (?, ?, ?)').run(child, parent, operation);
}
/** A job that made `renderId`, with an estimate and an actual charge (and optionally a refund). */
function jobFor(renderId: number, o: { provider: string; model: string; actual: number; refund?: number; at?: number }): number {
  const r = core.db.prepare('SELECT project_id, shot_id, prompt_id FROM renders WHERE id = ?').get(renderId) as { project_id: number | null; shot_id: number | null; prompt_id: number | null };
  const at = o.at ?? Date.now();
  const jobId = Number(
    core.db.prepare(
      `INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, project_id, shot_id, prompt_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'text_to_video', 'done', ?, ?, ?, ?, ?)`,
    ).run(newUid(), newUid(), o.provider, o.model, r.project_id, r.shot_id, r.prompt_id, at, at).lastInsertRowid,
  );
  core.db.prepare('UPDATE renders SET job_id = ? WHERE id = ?').run(jobId, renderId);
  core.db.prepare("INSERT INTO job_events (job_id, at, from_state, to_state, message) VALUES (?, ?, NULL, 'queued', 'Job created')").run(jobId, at);
  const charge = core.db.prepare('INSERT INTO charges (job_id, kind, credits, provider, created_at) VALUES (?, ?, ?, ?, ?)');
  charge.run(jobId, 'estimate', o.actual, o.provider, at);
  charge.run(jobId, 'actual', o.actual, o.provider, at);
  if (o.refund) charge.run(jobId, 'refund', o.refund, o.provider, at);
  return jobId;
}

describe('review.detail', () => {
  it('carries prompt fields, parameters, references with roles, and the job with its log and charges', async () => {
    const promptId = upsertPrompt(core.db, { text: 'a lighthouse at dusk', negative: 'no text', fields: { subject: 'lighthouse', camera: 'dolly in' } });
    const id = render('take 1', { promptId, provider: 'kling', model: 'kling-v2-6' });
    const ref = insertReference(core.db, { assetId: asset(), title: 'hero.png', origin: null, role: 'identity' });
    core.db.prepare('INSERT INTO render_refs (render_id, ref_id, role, position) VALUES (?, ?, ?, 0)').run(id, ref, 'identity');
    jobFor(id, { provider: 'kling', model: 'kling-v2-6', actual: 35, refund: 5 });

    const d = await core.dispatch('review.detail', { id }) as import('../../shared/review.js').ReviewDetail;
    expect(d.prompt).toEqual({ text: 'a lighthouse at dusk', negative: 'no text' });
    expect(d.promptFields).toEqual({ camera: 'dolly in', subject: 'lighthouse' });
    expect(d.params).toEqual({ duration: 5, cfg_scale: 0.5 });
    expect(d.references).toEqual([expect.objectContaining({ id: ref, title: 'hero.png', role: 'identity' })]);
    expect(d.job?.events.map((e) => e.message)).toEqual(['Job created']);
    expect(d.job?.charges.map((c) => [c.kind, c.credits])).toEqual([['estimate', 35], ['actual', 35], ['refund', 5]]);
    expect(d.costCredits).toBe(30);
  });

  it('names the missing render', async () => {
    await expect(core.dispatch('review.detail', { id: 999 })).rejects.toThrow(/no render 999/);
  });
});

describe('review.lineage', () => {
  it('gives the ancestors oldest first and the descendants as a tree', async () => {
    const root = render('root');
    const a = render('a');
    const b = render('b');
    const a1 = render('a1');
    const a2 = render('a2');
    link(a, root, 'extend');
    link(b, root, 'restyle');
    link(a1, a, 'inpaint');
    link(a2, a, 'extend');
    const fromA1 = await core.dispatch('review.lineage', { id: a1 }) as import('../../shared/review.js').LineageTree;
    expect(fromA1.ancestors.map((n) => n.title)).toEqual(['root', 'a']);
    expect(fromA1.self).toMatchObject({ title: 'a1', operation: 'inpaint', children: [] });

    const fromRoot = await core.dispatch('review.lineage', { id: root }) as import('../../shared/review.js').LineageTree;
    expect(fromRoot.ancestors).toEqual([]);
    const shape = (n: import('../../shared/review.js').LineageNode): unknown => [n.title, n.operation, n.children.map(shape)];
    expect(shape(fromRoot.self)).toEqual(['root', null, [['a', 'extend', [['a1', 'inpaint', []], ['a2', 'extend', []]]], ['b', 'restyle', []]]]);
    expect(fromRoot.truncated).toBe(false);
  });
});

describe('review.mark and notes', () => {
  it('moves the one pick of a shot and reports the take it unpicked', async () => {
    const p = project('Spot');
    const s = shot(p, 'Opening', 1);
    const t1 = render('t1', { projectId: p, shotId: s });
    const t2 = render('t2', { projectId: p, shotId: s });
    expect(await core.dispatch('review.mark', { id: t1, flag: 'pick' })).toMatchObject({ flag: 'pick', unpickedId: null });
    expect(await core.dispatch('review.mark', { id: t2, flag: 'pick', rating: 4 })).toMatchObject({ flag: 'pick', rating: 4, unpickedId: t1 });
    const flags = core.db.prepare('SELECT id, flag FROM renders ORDER BY id').all();
    expect(flags).toEqual([{ id: t1, flag: null }, { id: t2, flag: 'pick' }]);
    expect(events).toContainEqual({ type: 'catalogue.changed', entity: 'renders', ids: [t2, t1] });
    expect(await core.dispatch('review.mark', { id: t1, flag: 'reject' })).toMatchObject({ flag: 'reject' });
    expect(await core.dispatch('review.mark', { id: t2, flag: null })).toMatchObject({ flag: null, rating: 4 });
  });

  it('refuses a mark with nothing to set, or a rating out of range, naming the field', async () => {
    const t = render('t');
    await expect(core.dispatch('review.mark', { id: t })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'flag' }] });
    await expect(core.dispatch('review.mark', { id: t, rating: 6 })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'rating' }] });
    expect(core.db.prepare('SELECT rating, flag FROM renders WHERE id = ?').get(t)).toEqual({ rating: 0, flag: null });
  });

  it('keeps notes', async () => {
    const t = render('t');
    await core.dispatch('review.setNotes', { id: t, notes: 'Hands warp at 0:03; reroll with a slower push.' });
    expect((await core.dispatch('review.detail', { id: t }) as { notes: string }).notes).toBe('Hands warp at 0:03; reroll with a slower push.');
  });
});

describe('review.reveal', () => {
  it('says where the file is inside the library and that a served host cannot show it', async () => {
    const t = render('t');
    const r = await core.dispatch('review.reveal', { id: t }) as { path: string; revealed: boolean };
    expect(r.revealed).toBe(false);
    expect(r.path.startsWith(core.layout.media)).toBe(true);
    expect(r.path).toMatch(/\.mp4$/);
  });
});

describe('storyboard', () => {
  it('lists shots in order with their takes and pick; add, rename and move persist', async () => {
    const p = project('Spot');
    const s1 = shot(p, 'One', 1);
    const s2 = shot(p, 'Two', 2);
    const takes = [render('one a', { projectId: p, shotId: s1 }), render('one b', { projectId: p, shotId: s1 }), render('one c', { projectId: p, shotId: s1 })];
    render('unfiled', { projectId: p });
    await core.dispatch('review.mark', { id: takes[0]!, flag: 'pick' });

    // A strip of two: the pick (the oldest take) still shows.
    const board = await core.dispatch('storyboard.get', { projectId: p, takesPerShot: 2 }) as import('../../shared/review.js').Storyboard;
    expect(board.shots.map((s) => s.name)).toEqual(['One', 'Two']);
    expect(board.shots[0]).toMatchObject({ pickId: takes[0], takeCount: 3 });
    expect(board.shots[0]!.takes.map((t) => t.title)).toEqual(['one c', 'one a']);
    expect(board.shots[1]!.takes).toEqual([]);
    expect(board.unfiledCount).toBe(1);

    const s3 = (await core.dispatch('shots.create', { projectId: p, name: '  Three ' }) as { id: number; name: string });
    expect(s3.name).toBe('Three');
    await core.dispatch('shots.rename', { id: s2, name: 'Two (night)' });
    await core.dispatch('shots.move', { id: s3.id, beforeId: s1 });
    let order = (await core.dispatch('shots.list', { projectId: p }) as { name: string }[]).map((s) => s.name);
    expect(order).toEqual(['Three', 'One', 'Two (night)']);
    await core.dispatch('shots.move', { id: s3.id, beforeId: null });
    await core.dispatch('shots.move', { id: s2, beforeId: s1 });
    order = (await core.dispatch('shots.list', { projectId: p }) as { name: string }[]).map((s) => s.name);
    expect(order).toEqual(['Two (night)', 'One', 'Three']);
  });

  it('keeps the order through many moves into the same gap (renumbering when halved too often)', async () => {
    const p = project('Spot');
    const a = shot(p, 'A', 1);
    const b = shot(p, 'B', 2);
    const c = shot(p, 'C', 3);
    // The same moves on a plain list give the order the catalogue must keep.
    const expected = [a, b, c];
    const move = async (id: number, beforeId: number) => {
      await core.dispatch('shots.move', { id, beforeId });
      expected.splice(expected.indexOf(id), 1);
      expected.splice(expected.indexOf(beforeId), 0, id);
    };
    for (let i = 0; i < 60; i++) {
      await move(i % 2 ? b : c, i % 2 ? c : b);
      await move(a, i % 2 ? b : c);
    }
    const shots = (await core.dispatch('shots.list', { projectId: p }) as { id: number; position: number }[]);
    expect(new Set(shots.map((n) => n.position)).size).toBe(3);
    expect(shots.map((n) => n.id)).toEqual(expected);
  });

  it('refuses a move before a shot of another project, and an empty name, naming the field', async () => {
    const p = project('Spot');
    const q = project('Other');
    const a = shot(p, 'A', 1);
    const x = shot(q, 'X', 1);
    await expect(core.dispatch('shots.move', { id: a, beforeId: x })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'beforeId' }] });
    await expect(core.dispatch('shots.rename', { id: a, name: '   ' })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'name' }] });
    await expect(core.dispatch('storyboard.get', { projectId: 999 })).rejects.toBeInstanceOf(ContractError);
  });
});

describe('costs.summary', () => {
  it('adds the ledger (net of refunds) and imported takes by day, provider, model, project; rerolls; cost per picked second; ROI per prompt', async () => {
    const p = project('Spot');
    const q = project('Other');
    const s1 = shot(p, 'One', 1);
    const s2 = shot(p, 'Two', 2);
    const good = upsertPrompt(core.db, { text: 'good prompt' });
    const bad = upsertPrompt(core.db, { text: 'bad prompt' });
    const now = Date.now();
    const yesterday = now - 86_400_000;
    const t1 = render('t1', { projectId: p, shotId: s1, promptId: good, durationMs: 5000 });
    const t2 = render('t2', { projectId: p, shotId: s1, promptId: bad, durationMs: 5000 });
    const t3 = render('t3', { projectId: p, shotId: s1, promptId: bad, durationMs: 5000 });
    const t4 = render('t4', { projectId: p, shotId: s2, promptId: good, durationMs: 10000 });
    const o1 = render('o1', { projectId: q, provider: 'runway', model: 'gen-4' });
    jobFor(t1, { provider: 'kling', model: 'kling-v2-6', actual: 40, at: yesterday });
    jobFor(t2, { provider: 'kling', model: 'kling-v2-6', actual: 40, refund: 40, at: yesterday });
    jobFor(t3, { provider: 'kling', model: 'kling-o1', actual: 60 });
    jobFor(t4, { provider: 'kling', model: 'kling-o1', actual: 20 });
    core.db.prepare('UPDATE renders SET cost_credits = 15 WHERE id = ?').run(o1); // imported with a sidecar's cost
    await core.dispatch('review.mark', { id: t1, flag: 'pick' });
    await core.dispatch('review.mark', { id: t4, flag: 'pick' });
    // A job the provider refused: its estimate and its zero actual charge, no take. Not money, no ROI row.
    const refused = upsertPrompt(core.db, { text: 'refused prompt' });
    const refusedJob = Number(
      core.db.prepare(
        `INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, project_id, shot_id, prompt_id, created_at, updated_at)
         VALUES (?, ?, 'kling', 'kling-o1', 'text_to_video', 'rejected', ?, ?, ?, ?, ?)`,
      ).run(newUid(), newUid(), p, s2, refused, now, now).lastInsertRowid,
    );
    core.db.prepare("INSERT INTO charges (job_id, kind, credits, provider, created_at) VALUES (?, 'estimate', 30, 'kling', ?), (?, 'actual', 0, 'kling', ?)").run(refusedJob, now, refusedJob, now);

    type S = import('../../shared/review.js').CostSummary;
    const all = await core.dispatch('costs.summary', {}) as S;
    expect(all.total).toBe(135);
    expect(all.byProvider).toEqual([{ key: 'kling', label: 'kling', credits: 120 }, { key: 'runway', label: 'runway', credits: 15 }]);
    expect(all.byModel.map((b) => [b.key, b.credits])).toEqual([['kling-o1', 80], ['kling-v2-6', 40], ['gen-4', 15]]);
    expect(all.byProject.map((b) => [b.label, b.credits])).toEqual([['Spot', 120], ['Other', 15]]);
    expect(all.byDay.map((d) => d.credits)).toEqual([40, 95]);
    // t1, t3, t4 and o1 cost credits; t2 was refunded in full, and a take without a cost is free.
    render('free', { projectId: q, promptId: good });
    expect((await core.dispatch('costs.summary', {}) as S).paidTakes).toBe(4);

    const spot = await core.dispatch('costs.summary', { projectId: p }) as S;
    expect(spot.total).toBe(120);
    expect(spot.rerollsPerShot.map((r) => [r.shot, r.takes, r.rerolls, r.credits, r.picked])).toEqual([['One', 3, 2, 100, true], ['Two', 1, 0, 20, true]]);
    expect(spot.pickedSeconds).toBe(15);
    expect(spot.paidTakes).toBe(3);
    expect(spot.costPerPickedSecond).toBe(8);
    expect(spot.roiPerPrompt.map((r) => [r.text, r.credits, r.takes, r.picks, r.creditsPerPick])).toEqual([
      ['good prompt', 60, 2, 2, 30],
      ['bad prompt', 60, 2, 0, null],
    ]);
    // A window that ends before anything was spent.
    const none = await core.dispatch('costs.summary', { projectId: q, days: 1 }) as S;
    expect(none.total).toBe(15);
  });
});

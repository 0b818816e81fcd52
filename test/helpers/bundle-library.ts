// A small but complete project to bundle: real clips imported through the one import path, then
// the rest of what a project accumulates (shots in order, prompts, finished jobs with charges,
// references used by takes, lineage, tags, ratings and picks) written as the job engine and the
// review tools write it.
import path from 'node:path';
import type { Core } from '../../main/core.js';
import { upsertPrompt } from '../../main/catalogue/prompts.js';
import { newUid } from '../../main/catalogue/uid.js';
import { importFolder } from './core.js';
import { makeClip, makeImage } from './media.js';

export interface SampleProject {
  projectId: number;
  shotIds: number[];
  /** Render ids in the order the clips were named: take_a (shot 1 pick), take_b (shot 1), take_c (shot 2 pick, child of take_a). */
  renders: { a: number; b: number; c: number };
  refId: number;
}

export async function buildSampleProject(core: Core, srcDir: string, name = 'Fox spot'): Promise<SampleProject> {
  const db = core.db;
  const project = (await core.dispatch('projects.create', { name })) as { id: number };
  const now = Date.now();
  const shot = (n: number, pos: number) =>
    Number(db.prepare(
      `INSERT INTO shots (uid, project_id, position, name, subject, action, framing, camera, lighting, style, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'a red fox', 'runs', 'wide', 'dolly in', 'golden hour', 'film', ?, ?)`,
    ).run(newUid(), project.id, pos, `Shot ${n}`, now, now).lastInsertRowid);
  // Inserted out of order on purpose: storyboard order is `position`, not id.
  const shot2 = shot(2, 2);
  const shot1 = shot(1, 1);

  makeClip(path.join(srcDir, 'take_a.mp4'), { fps: 24, seconds: 2, source: 'testsrc' });
  makeClip(path.join(srcDir, 'take_b.mp4'), { fps: 24, seconds: 1, source: 'testsrc2' });
  makeClip(path.join(srcDir, 'take_c.mp4'), { fps: 30, seconds: 1, source: 'smptebars' });
  makeImage(path.join(srcDir, 'fox_identity.png'), 320, 240);
  const { summary } = await importFolder(core, srcDir, project.id);
  if (summary.imported !== 4) throw new Error(`sample import: ${JSON.stringify(summary.files)}`);
  const byTitle = (t: string) => db.prepare('SELECT id FROM renders WHERE title = ?').pluck().get(t) as number;
  const a = byTitle('take_a.mp4');
  const b = byTitle('take_b.mp4');
  const c = byTitle('take_c.mp4');
  const refId = db.prepare('SELECT id FROM refs').pluck().get() as number;
  db.prepare("UPDATE refs SET role = 'identity' WHERE id = ?").run(refId);

  const prompt = upsertPrompt(db, { text: 'a red fox runs through wheat, golden hour', negative: 'blurry', fields: { subject: 'a red fox', camera: 'dolly in' } });
  const job = (renderId: number, shotId: number, credits: number, state = 'done') => {
    const id = Number(db.prepare(
      `INSERT INTO jobs (uid, idempotency_key, provider, model, task_type, state, project_id, shot_id, prompt_id, params,
         provider_task_id, attempts, estimate_credits, result_video_id, created_at, updated_at)
       VALUES (?, ?, 'kling', 'kling-v2-6', 'text_to_video', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    ).run(newUid(), newUid(), state, project.id, shotId, prompt, JSON.stringify({ durationS: 5, aspectRatio: '16:9' }),
      `task-${renderId}`, credits, `video-${renderId}`, now, now).lastInsertRowid);
    db.prepare("INSERT INTO charges (job_id, kind, credits, provider, note, created_at) VALUES (?, 'estimate', ?, 'kling', 'estimate', ?)").run(id, credits, now);
    if (state === 'done') {
      // The take is linked before the actual charge, as the engine does, so the charge trigger prices it.
      db.prepare("UPDATE renders SET job_id = ?, prompt_id = ?, provider = 'kling', model = 'kling-v2-6', task_type = 'text_to_video', source = 'job' WHERE id = ?")
        .run(id, prompt, renderId);
      db.prepare("INSERT INTO charges (job_id, kind, credits, provider, note, created_at) VALUES (?, 'actual', ?, 'kling', 'task succeeded', ?)").run(id, credits, now + 1);
      db.prepare("INSERT INTO job_refs (job_id, ref_id, role, position) VALUES (?, ?, 'identity', 0)").run(id, refId);
      db.prepare("INSERT INTO render_refs (render_id, ref_id, role, position) VALUES (?, ?, 'identity', 0)").run(renderId, refId);
    }
    return id;
  };
  job(a, shot1, 35);
  job(b, shot1, 35);
  job(c, shot2, 70);
  // A failed job that made nothing still belongs to the project's cost history.
  job(0, shot2, 35, 'failed');

  db.prepare('UPDATE renders SET shot_id = ? WHERE id IN (?, ?)').run(shot1, a, b);
  db.prepare('UPDATE renders SET shot_id = ? WHERE id = ?').run(shot2, c);
  db.prepare("UPDATE renders SET rating = 5, flag = 'pick', notes = 'hero take' WHERE id = ?").run(a);
  db.prepare("UPDATE renders SET rating = 2, flag = 'reject' WHERE id = ?").run(b);
  db.prepare("UPDATE renders SET rating = 4, flag = 'pick' WHERE id = ?").run(c);
  db.prepare("INSERT INTO lineage (child_id, parent_id, operation, params) VALUES (?, ?, 'extend', '{\"seconds\":5}')").run(c, a);
  for (const [r, t] of [[a, 'hero'], [a, 'client-fave'], [c, 'hero']] as const) {
    db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING').run(t);
    db.prepare('INSERT INTO render_tags (render_id, tag_id) VALUES (?, (SELECT id FROM tags WHERE name = ?))').run(r, t);
  }
  return { projectId: project.id, shotIds: [shot1, shot2], renders: { a, b, c }, refId };
}

// Editing a render through the contract, against a real core, real ffmpeg and the Kling
// simulator over HTTP: frames pulled from a clip, masks saved as references, and the edits'
// requests as the simulator received them (mask size, flipped trajectory, one camera axis, the
// parent's video id), each child render linked to its parent.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import type { EditContext, EditFrame, EditFramePreview, LipSyncFace } from '../../shared/channels/edit.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { EstimateResult, JobDetail } from '../../shared/jobs.js';
import type { CostSummary, LineageTree } from '../../shared/review.js';
import { mediaPath } from '../../main/store/layout.js';
import { withoutStyleLock } from '../../shared/style-lock.js';
import { openJobsCore, settled, startSimulator, textToVideo } from '../helpers/jobs.js';
import { makeAudio, makeClip, tools } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { importFolder } from '../helpers/core.js';

let sim: KlingSimulator;
let core: Core;
let dir: { path: string; cleanup(): void };
let parent: { renderId: number; videoId: string; width: number; height: number };

async function submit(spec: GenerationSpecInput): Promise<number> {
  const { jobId } = (await core.dispatch('jobs.submit', { spec })) as { jobId: number };
  const job = await settled(core, jobId);
  expect(job.state, job.lastError ?? '').toBe('done');
  return job.renderId!;
}

/** What the simulator recorded for the create request of a render's job. */
async function received(renderId: number): Promise<{ endpoint: string; body: Record<string, unknown> }> {
  const render = core.db.prepare('SELECT job_id FROM renders WHERE id = ?').get(renderId) as { job_id: number };
  const job = (await core.dispatch('jobs.get', { id: render.job_id })) as JobDetail;
  const create = sim.state.creates.find((c) => c.externalTaskId === job.idempotencyKey && c.taskId);
  expect(create, `the simulator got job ${job.id}`).toBeDefined();
  return { endpoint: create!.endpoint, body: create!.body as Record<string, unknown> };
}

/** The Kling video id the simulator gave the task that made a render. */
function videoIdOf(renderId: number): string | null {
  const { key } = core.db.prepare('SELECT j.idempotency_key AS key FROM renders r JOIN jobs j ON j.id = r.job_id WHERE r.id = ?').get(renderId) as { key: string };
  return sim.state.snapshot().tasks.find((t) => t.external_task_id === key)?.video_id ?? null;
}

/** A solid PNG of the given size with a white block in it, made by ffmpeg. */
function pngMask(width: number, height: number): string {
  const out = path.join(dir.path, `mask-${width}x${height}.png`);
  execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=black:s=${width}x${height}`, '-vf',
    `drawbox=x=${Math.round(width / 4)}:y=${Math.round(height / 4)}:w=${Math.round(width / 4)}:h=${Math.round(height / 4)}:color=white:t=fill`, '-frames:v', '1', out]);
  return readFileSync(out).toString('base64');
}

beforeAll(async () => {
  dir = tempDir('dailies-edit-');
  sim = await startSimulator();
  core = openJobsCore(path.join(dir.path, 'lib'), sim);
  const renderId = await submit(textToVideo({ model: 'kling-v1-6', prompt: 'a lighthouse at dusk, waves on the rocks' }));
  const task = sim.state.snapshot().tasks.find((t) => t.endpoint === 'text2video')!;
  const detail = (await core.dispatch('renders.get', { id: renderId })) as RenderDetail;
  parent = { renderId, videoId: task.video_id!, width: detail.width!, height: detail.height! };
});

afterAll(async () => {
  await core?.close();
  await sim?.close();
  dir?.cleanup();
});

describe('edit.context', () => {
  it('names the account, model and spec that made a render, and that the provider still has it', async () => {
    const ctx = (await core.dispatch('edit.context', { renderId: parent.renderId })) as EditContext;
    expect(ctx).toMatchObject({ accountId: 'demo', provider: 'kling', model: 'kling-v1-6', taskType: 'text_to_video', hasProviderVideo: true, chainDepth: 0 });
    expect(ctx.spec?.prompt).toBe('a lighthouse at dusk, waves on the rocks');
  });
  it('refuses a render that does not exist, naming the field', async () => {
    await expect(core.dispatch('edit.context', { renderId: 999 })).rejects.toMatchObject({ code: 'not_found', issues: [{ field: 'renderId' }] });
  });
});

describe('extend chains', () => {
  it('sends the parent’s Kling video id, links the child, and counts the chain', async () => {
    const first = await submit({ accountId: 'demo', model: 'kling-v1-6', taskType: 'extend', durationS: 5, prompt: 'the waves keep rolling', parentRenderId: parent.renderId });
    const req = await received(first);
    expect(req.endpoint).toBe('video-extend');
    expect(req.body.video_id).toBe(parent.videoId);
    const detail = (await core.dispatch('renders.get', { id: first })) as RenderDetail;
    expect(detail.parent).toMatchObject({ id: parent.renderId, operation: 'extend' });
    expect(((await core.dispatch('edit.context', { renderId: first })) as EditContext).chainDepth).toBe(1);

    const second = await submit({ accountId: 'demo', model: 'kling-v1-6', taskType: 'extend', durationS: 5, prompt: '', parentRenderId: first });
    expect(((await core.dispatch('edit.context', { renderId: second })) as EditContext).chainDepth).toBe(2);
    // The parent itself is still the start of its chain.
    expect(((await core.dispatch('edit.context', { renderId: parent.renderId })) as EditContext).chainDepth).toBe(0);
  });
});

describe('reroll: another take of a render, linked to it', () => {
  const lineageRow = (child: number) => core.db.prepare('SELECT parent_id AS parentId, operation FROM lineage WHERE child_id = ?').get(child);
  const depth = async (renderId: number) => ((await core.dispatch('edit.context', { renderId })) as EditContext).chainDepth;

  it('sends the same inputs again and records "reroll of" the render; the shot counts it as a reroll', async () => {
    const project = (await core.dispatch('projects.create', { name: 'Rerolls' })) as { id: number };
    const shot = (await core.dispatch('shots.create', { projectId: project.id, name: 'Harbour' })) as { id: number };
    const take = await submit(textToVideo({ model: 'kling-v1-6', prompt: 'a trawler leaves the harbour at dawn', projectId: project.id, shotId: shot.id }));
    const ctx = (await core.dispatch('edit.context', { renderId: take })) as EditContext;
    // What the renderer's Reroll submits: the spec as it was sent, naming the render rerolled.
    const again = await submit({ ...ctx.spec!, rerollOf: take });
    // Everything but the job's own task key is what the first take was made with.
    const inputs = async (renderId: number) => {
      const { endpoint, body: { external_task_id: _key, ...body } } = await received(renderId);
      return { endpoint, body };
    };
    expect(await inputs(again)).toEqual(await inputs(take));

    expect(lineageRow(again)).toEqual({ parentId: take, operation: 'reroll' });
    expect(((await core.dispatch('renders.get', { id: again })) as RenderDetail).parent).toMatchObject({ id: take, operation: 'reroll' });
    const job = (await core.dispatch('jobs.list', { limit: 1 })) as { parentRenderId: number | null }[];
    expect(job[0]!.parentRenderId).toBe(take);
    const tree = (await core.dispatch('review.lineage', { id: take })) as LineageTree;
    expect(tree.self.children.map((c) => [c.id, c.operation])).toEqual([[again, 'reroll']]);
    // A reroll is not an extension.
    expect(await depth(again)).toBe(0);

    const costs = (await core.dispatch('costs.summary', { projectId: project.id })) as CostSummary;
    expect(costs.rerollsPerShot.map((r) => [r.shot, r.takes, r.rerolls])).toEqual([['Harbour', 2, 1]]);
  });

  it('a reroll of an extension extends the same clip again, hangs under the extension, and keeps its place in the chain', async () => {
    const ext = await submit({ accountId: 'demo', model: 'kling-v1-6', taskType: 'extend', durationS: 5, prompt: 'the beam sweeps on', parentRenderId: parent.renderId });
    const spec = ((await core.dispatch('edit.context', { renderId: ext })) as EditContext).spec!;
    const rerolled = await submit({ ...spec, rerollOf: ext });
    const req = await received(rerolled);
    expect(req.endpoint).toBe('video-extend');
    expect(req.body.video_id).toBe(parent.videoId);
    expect(lineageRow(rerolled)).toEqual({ parentId: ext, operation: 'reroll' });
    // Another extension 1, not extension 2; extending it makes extension 2 of its own video.
    expect(await depth(ext)).toBe(1);
    expect(await depth(rerolled)).toBe(1);
    const onward = await submit({ accountId: 'demo', model: 'kling-v1-6', taskType: 'extend', durationS: 5, prompt: '', parentRenderId: rerolled });
    expect((await received(onward)).body.video_id).toBe(videoIdOf(rerolled));
    expect(await depth(onward)).toBe(2);
    // A reroll of the reroll is a third take of extension 1.
    const third = await submit({ ...(((await core.dispatch('edit.context', { renderId: rerolled })) as EditContext).spec!), rerollOf: rerolled });
    expect(lineageRow(third)).toEqual({ parentId: rerolled, operation: 'reroll' });
    expect(await depth(third)).toBe(1);
  });

  it('refuses to reroll a render that does not exist, before anything is sent', async () => {
    const creates = sim.state.creates.length;
    await expect(core.dispatch('jobs.submit', { spec: textToVideo({ model: 'kling-v1-6', prompt: 'x', rerollOf: 999_999 }) }))
      .rejects.toMatchObject({ code: 'not_found', issues: [{ field: 'spec.rerollOf' }] });
    expect(sim.state.creates.length).toBe(creates);
  });
});

describe('frames out of a render', () => {
  it('takes the first and the last frame at the clip’s full size, as PNG references', async () => {
    const first = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 'first' })) as EditFrame;
    const last = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 'last' })) as EditFrame;
    for (const f of [first, last]) expect(f).toMatchObject({ width: parent.width, height: parent.height });
    expect(last.atMs).toBeGreaterThan(4000);
    const ref = core.db.prepare('SELECT f.role, a.ext, a.kind FROM refs f JOIN assets a ON a.id = f.asset_id WHERE f.id = ?').get(last.refId);
    expect(ref).toEqual({ role: 'first_frame', ext: 'png', kind: 'image' });
  });

  it('the "last frame" is the clip’s final decoded picture, pixel for pixel', async () => {
    const clipDir = path.join(dir.path, 'clips');
    makeClip(path.join(clipDir, 'counter.mp4'), { width: 320, height: 240, fps: 10, seconds: 3 });
    const { summary } = await importFolder(core, clipDir);
    const renderId = summary.files[0]!.renderId!;
    const frame = (await core.dispatch('edit.frame', { renderId, at: 'last' })) as EditFrame;
    const src = path.join(clipDir, 'counter.mp4');
    const expected = execFileSync(tools.ffmpeg, ['-v', 'error', '-i', src, '-vf', 'select=eq(n\\,29)', '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
    const got = execFileSync(tools.ffmpeg, ['-v', 'error', '-i', mediaPath(core.layout, frame.sha256, 'png'), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
    expect(createHash('sha256').update(got).digest('hex')).toBe(createHash('sha256').update(expected).digest('hex'));
    const notFirst = execFileSync(tools.ffmpeg, ['-v', 'error', '-i', src, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
    expect(got.equals(notFirst)).toBe(false);
  });

  it('refuses a time past the end of the clip', async () => {
    await expect(core.dispatch('edit.frame', { renderId: parent.renderId, at: 3_000_000 })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'at' }] });
  });
});

describe('masks', () => {
  it('keeps a mask the size of its frame as a mask reference, and refuses any other size or a non-PNG', async () => {
    const frame = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 1000 })) as EditFrame;
    const saved = (await core.dispatch('edit.saveMask', { frameRefId: frame.refId, png: pngMask(frame.width, frame.height) })) as { refId: number; width: number; height: number };
    expect(saved).toMatchObject({ width: frame.width, height: frame.height });
    expect(core.db.prepare('SELECT role FROM refs WHERE id = ?').get(saved.refId)).toEqual({ role: 'mask' });

    await expect(core.dispatch('edit.saveMask', { frameRefId: frame.refId, png: pngMask(frame.width / 2, frame.height / 2) }))
      .rejects.toMatchObject({ code: 'validation', message: `The mask is ${frame.width / 2}×${frame.height / 2} px but the frame it covers is ${frame.width}×${frame.height} px; paint it over that frame again.`, issues: [{ field: 'png' }] });
    await expect(core.dispatch('edit.saveMask', { frameRefId: frame.refId, png: Buffer.from('not a png at all').toString('base64') }))
      .rejects.toMatchObject({ code: 'validation', issues: [{ field: 'png' }] });
  });
});

describe('edits as the simulator receives them', () => {
  it('inpaint: the mask goes to O1 at the source frame’s size, named in the prompt; the child is linked', async () => {
    const frame = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 'first' })) as EditFrame;
    const mask = (await core.dispatch('edit.saveMask', { frameRefId: frame.refId, png: pngMask(frame.width, frame.height) })) as { refId: number };
    const child = await submit({ accountId: 'demo', model: 'kling-video-o1', taskType: 'inpaint', mode: 'pro', durationS: 5, prompt: 'replace the lighthouse with a paper lantern', parentRenderId: parent.renderId, maskRefId: mask.refId });
    const req = await received(child);
    expect(req.endpoint).toBe('omni-video');
    expect(req.body.video_list).toEqual([{ video_url: expect.stringMatching(/^http/), refer_type: 'base' }]);
    const images = req.body.image_list as { image_url: string }[];
    expect(images).toHaveLength(1);
    expect(images[0]!.image_url).toMatch(new RegExp(` png ${parent.width}x${parent.height}$`));
    expect(req.body.prompt).toMatch(/<<<image_1>>>/);
    expect(((await core.dispatch('renders.get', { id: child })) as RenderDetail).parent).toMatchObject({ id: parent.renderId, operation: 'inpaint' });
  });

  it('inpaint: a mask of another size is a problem before anything is sent', async () => {
    const small = (await core.dispatch('edit.frame', { renderId: (await core.dispatch('renders.page', { filter: { text: 'counter' } }) as { items: { id: number }[] }).items[0]!.id, at: 'first' })) as EditFrame;
    const mask = (await core.dispatch('edit.saveMask', { frameRefId: small.refId, png: pngMask(small.width, small.height) })) as { refId: number };
    const e = (await core.dispatch('jobs.estimate', { spec: { accountId: 'demo', model: 'kling-video-o1', taskType: 'inpaint', durationS: 5, prompt: 'replace the sky', parentRenderId: parent.renderId, maskRefId: mask.refId } })) as EstimateResult;
    expect(e.problems).toContainEqual({ field: 'maskRefId', message: expect.stringContaining(`320×240 but the clip is ${parent.width}×${parent.height}`) });
  });

  it('motion brush: masks the size of the first frame, trajectories flipped to the bottom-left origin', async () => {
    const frame = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 'first' })) as EditFrame;
    const mask = (await core.dispatch('edit.saveMask', { frameRefId: frame.refId, png: pngMask(frame.width, frame.height) })) as { refId: number };
    const child = await submit({
      accountId: 'demo', model: 'kling-v1-6', taskType: 'motion_brush', durationS: 5, prompt: 'the boat drifts right', parentRenderId: parent.renderId,
      references: [{ refId: frame.refId, role: 'first_frame' }],
      motion: [{ maskRefId: mask.refId, trajectory: [{ x: 0.375, y: 0.375 }, { x: 0.75, y: 0.5 }] }],
    });
    const req = await received(child);
    expect(req.endpoint).toBe('image2video');
    const [dm] = req.body.dynamic_masks as { mask: string; trajectories: { x: number; y: number }[] }[];
    expect(dm!.mask).toMatch(new RegExp(` png ${frame.width}x${frame.height}$`));
    // The simulator's clips are 640×360: (0.375, 0.375) from the top-left, inside the painted
    // block, is (240, 225) from the bottom-left.
    expect(frame).toMatchObject({ width: 640, height: 360 });
    expect(dm!.trajectories).toEqual([{ x: 240, y: 225 }, { x: 480, y: 180 }]);
  });

  it('camera control: one non-zero axis', async () => {
    const frame = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 'first' })) as EditFrame;
    const child = await submit({
      accountId: 'demo', model: 'kling-v1-6', taskType: 'camera_control', durationS: 5, prompt: 'the lighthouse, slow push in', parentRenderId: parent.renderId,
      references: [{ refId: frame.refId, role: 'first_frame' }], camera: { type: 'simple', config: { zoom: 6 } },
    });
    const { body } = await received(child);
    const config = (body.camera_control as { config: Record<string, number> }).config;
    expect(Object.entries(config).filter(([, v]) => v !== 0)).toEqual([['zoom', 6]]);
  });
});

describe('lip sync on a clip with several faces', () => {
  it('lists the faces Kling finds (no task, no charge) and sends the one chosen', async () => {
    sim.state.facesPerClip = 2;
    try {
      const tasksBefore = sim.state.tasks.size;
      const { faces } = (await core.dispatch('edit.faces', { renderId: parent.renderId })) as { faces: LipSyncFace[] };
      expect(faces.map((f) => f.faceId)).toEqual(['0', '1']);
      expect(faces[0]!.startMs).toBe(0);
      expect(faces[1]!.startMs).toBeGreaterThan(0);
      expect(sim.state.tasks.size).toBe(tasksBefore);

      const audioDir = path.join(dir.path, 'voice');
      makeAudio(path.join(audioDir, 'second-speaker.wav'), 1);
      const { summary } = await importFolder(core, audioDir);
      expect(summary.imported).toBe(1);
      const audioRefId = (core.db.prepare("SELECT id FROM refs WHERE title = 'second-speaker.wav'").get() as { id: number }).id;
      const child = await submit({
        accountId: 'demo', model: 'kling-v1-6', taskType: 'lip_sync', durationS: 5, prompt: '', parentRenderId: parent.renderId,
        lipSync: { audioRefId, faceId: '1' },
      });
      const { endpoint, body } = await received(child);
      expect(endpoint).toBe('advanced-lip-sync');
      const [chosen] = body.face_choose as { face_id: string; sound_insert_time: number }[];
      expect(chosen).toMatchObject({ face_id: '1', sound_insert_time: faces[1]!.startMs });
    } finally {
      sim.state.facesPerClip = 1;
    }
  });

  it('refuses an imported take: only a Kling take has faces Kling can find', async () => {
    const clipDir = path.join(dir.path, 'imported-for-faces');
    makeClip(path.join(clipDir, 'interview.mp4'));
    await importFolder(core, clipDir);
    const renderId = (core.db.prepare("SELECT id FROM renders WHERE title = 'interview.mp4'").get() as { id: number }).id;
    await expect(core.dispatch('edit.faces', { renderId })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'renderId' }] });
  });
});

describe('the project’s style lock, applied by the core', () => {
  const LOCK = '35mm film, muted teal';
  const count = (text: string) => text.split(LOCK).length - 1;

  it('reaches the provider exactly once for a job made without the renderer, and the job and take show it', async () => {
    const project = (await core.dispatch('projects.create', { name: 'Lighthouse short' })) as { id: number };
    await core.dispatch('prompt.setStyleLock', { projectId: project.id, styleLock: LOCK });

    // As the CLI or the HTTP API would send it: the user's words only.
    const bare = await submit(textToVideo({ model: 'kling-v1-6', prompt: 'a keeper climbs the stairs.', projectId: project.id }));
    const sent = (await received(bare)).body.prompt as string;
    expect(sent).toBe(`a keeper climbs the stairs. ${LOCK}`);
    const render = (await core.dispatch('renders.get', { id: bare })) as RenderDetail;
    expect(render.prompt?.text).toBe(sent);
    const job = (await core.dispatch('jobs.list', { limit: 1 })) as { promptText: string }[];
    expect(job[0]!.promptText).toBe(sent);

    // As the renderer sends it ("Prompt as sent" already ends with the lock): not added again.
    const locked = await submit(textToVideo({ model: 'kling-v1-6', prompt: `a keeper climbs the stairs. ${LOCK}`, projectId: project.id }));
    expect(count((await received(locked)).body.prompt as string)).toBe(1);

    // An edit of a locked take (its spec carries the lock) and a reroll of it: still once.
    const extended = await submit({ accountId: 'demo', model: 'kling-v1-6', taskType: 'extend', durationS: 5, prompt: sent, projectId: project.id, parentRenderId: bare });
    expect(count((await received(extended)).body.prompt as string)).toBe(1);
    const ctx = (await core.dispatch('edit.context', { renderId: bare })) as EditContext;
    const rerolled = await submit(ctx.spec!);
    expect((await received(rerolled)).body.prompt).toBe(sent);
  });

  it('when the project’s lock changes, a prompt sent with the old one gets the new one instead, once', async () => {
    const NEW = 'Super 8, warm grain';
    const project = (await core.dispatch('projects.create', { name: 'Relocked' })) as { id: number };
    await core.dispatch('prompt.setStyleLock', { projectId: project.id, styleLock: LOCK });
    const take = await submit(textToVideo({ model: 'kling-v1-6', prompt: 'a keeper lights the lamp', projectId: project.id }));
    expect((await received(take)).body.prompt).toBe(`a keeper lights the lamp. ${LOCK}`);
    const ctx = (await core.dispatch('edit.context', { renderId: take })) as EditContext;
    // The job keeps the lock it applied next to the prompt as sent.
    expect(ctx.spec).toMatchObject({ prompt: `a keeper lights the lamp. ${LOCK}`, styleLock: LOCK });
    // Under the same lock a reroll sends the very same prompt.
    expect((await received(await submit({ ...ctx.spec!, rerollOf: take }))).body.prompt).toBe(`a keeper lights the lamp. ${LOCK}`);

    await core.dispatch('prompt.setStyleLock', { projectId: project.id, styleLock: NEW });
    // A reroll (the spec as it was sent): the old lock is replaced.
    const rerolled = await submit({ ...ctx.spec!, rerollOf: take });
    expect((await received(rerolled)).body.prompt).toBe(`a keeper lights the lamp. ${NEW}`);
    // An edit pre-filled as the dialog does it (the words of the prompt as sent), then locked by the core.
    const words = withoutStyleLock(ctx.spec!.prompt, ctx.spec!.styleLock);
    expect(words).toBe('a keeper lights the lamp');
    const restyled = await submit({ accountId: 'demo', model: 'kling-video-o1', taskType: 'restyle', mode: 'pro', durationS: 5, prompt: words, projectId: project.id, parentRenderId: take });
    const sent = (await received(restyled)).body.prompt as string;
    expect(sent).toBe(`a keeper lights the lamp. ${NEW}`);
    expect(count(sent)).toBe(0);
    // The render keeps what was sent and the lock now applied.
    expect(((await core.dispatch('edit.context', { renderId: restyled })) as EditContext).spec).toMatchObject({ prompt: sent, styleLock: NEW });

    // A lock taken off the project leaves the user's words.
    await core.dispatch('prompt.setStyleLock', { projectId: project.id, styleLock: '' });
    expect((await received(await submit({ ...ctx.spec!, rerollOf: take }))).body.prompt).toBe('a keeper lights the lamp');
  });

  it('leaves prompts outside a project, and projects without a lock, as they were', async () => {
    const plain = await submit(textToVideo({ model: 'kling-v1-6', prompt: 'a gull over the pier' }));
    expect((await received(plain)).body.prompt).toBe('a gull over the pier');
    const project = (await core.dispatch('projects.create', { name: 'No lock' })) as { id: number };
    const unlocked = await submit(textToVideo({ model: 'kling-v1-6', prompt: 'a gull over the pier', projectId: project.id }));
    expect((await received(unlocked)).body.prompt).toBe('a gull over the pier');
  });

  it('counts the lock against the provider’s prompt limit before anything is sent', async () => {
    const project = (await core.dispatch('projects.create', { name: 'Long lock' })) as { id: number };
    await core.dispatch('prompt.setStyleLock', { projectId: project.id, styleLock: 'x'.repeat(1000) });
    const e = (await core.dispatch('jobs.estimate', { spec: textToVideo({ model: 'kling-v1-6', prompt: 'y'.repeat(2000), projectId: project.id }) })) as EstimateResult;
    expect(e.problems).toContainEqual(expect.objectContaining({ field: 'prompt' }));
  });
});

describe('frames picked again', () => {
  it('the same frame of the same take is one reference, however often it is picked', async () => {
    const before = (core.db.prepare('SELECT count(*) AS n FROM refs').get() as { n: number }).n;
    const a = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 2000 })) as EditFrame;
    const b = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 2000 })) as EditFrame;
    expect(b.refId).toBe(a.refId);
    expect(b.sha256).toBe(a.sha256);
    expect((core.db.prepare('SELECT count(*) AS n FROM refs').get() as { n: number }).n).toBe(before + 1);
    // Another frame is another reference.
    const c = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: 'first' })) as EditFrame;
    expect(c.refId).not.toBe(a.refId);
  });
});

describe('frames looked at while scrubbing', () => {
  const counts = () => core.db.prepare('SELECT (SELECT count(*) FROM refs) AS refs, (SELECT count(*) FROM assets) AS assets').get();
  const storeFiles = () => readdirSync(core.layout.media, { recursive: true }).length;

  it('are previews at the clip’s size: nothing is added to the library or its store', async () => {
    const [before, files] = [counts(), storeFiles()];
    const seen = new Set<string>();
    for (const at of [0, 700, 1300, 2600, 4100, 'last' as const]) {
      const p = (await core.dispatch('edit.framePreview', { renderId: parent.renderId, at })) as EditFramePreview;
      expect(p).toMatchObject({ width: parent.width, height: parent.height });
      const jpeg = Buffer.from(p.jpegBase64, 'base64');
      expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      seen.add(createHash('sha256').update(jpeg).digest('hex'));
    }
    // The simulator's clip moves: different times are different pictures.
    expect(seen.size).toBeGreaterThan(1);
    expect(counts()).toEqual(before);
    expect(storeFiles()).toBe(files);
  });

  it('the frame chosen, kept on submit, is the one previewed (same size), and the only one kept', async () => {
    const before = counts() as { refs: number };
    const preview = (await core.dispatch('edit.framePreview', { renderId: parent.renderId, at: 3300 })) as EditFramePreview;
    const kept = (await core.dispatch('edit.frame', { renderId: parent.renderId, at: preview.atMs })) as EditFrame;
    expect(kept).toMatchObject({ atMs: 3300, width: preview.width, height: preview.height });
    expect((counts() as { refs: number }).refs).toBe(before.refs + 1);
    // A mask painted over the preview (its size) is accepted against the frame kept.
    await expect(core.dispatch('edit.saveMask', { frameRefId: kept.refId, png: pngMask(preview.width, preview.height) })).resolves.toMatchObject({ width: preview.width });
  });

  it('refuses a time past the end and a render that is not there, naming the field', async () => {
    await expect(core.dispatch('edit.framePreview', { renderId: parent.renderId, at: 3_000_000 })).rejects.toMatchObject({ code: 'validation', issues: [{ field: 'at' }] });
    await expect(core.dispatch('edit.framePreview', { renderId: 999_999, at: 0 })).rejects.toMatchObject({ code: 'not_found', issues: [{ field: 'renderId' }] });
  });
});

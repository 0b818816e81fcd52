// Every Kling task type the engine had not yet run end to end: the real engine submits through
// the contract, the real simulator checks each request's shape over HTTP on 127.0.0.1 and makes
// a real clip with ffmpeg, and each take lands in a real SQLite library with its lineage,
// prompt, references and charge — what a user sees in the render's detail panel.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { JobDetail, JobSummary } from '../../shared/jobs.js';
import type { RenderDetail } from '../../shared/domain.js';
import { settled, textToVideo, useJobsCore } from '../helpers/jobs.js';
import { importFolder } from '../helpers/core.js';
import { makeAudio, makeImage, makeMask } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

const env = useJobsCore();
const media = tempDir('dailies-task-media-');
const files = {} as Record<'frame' | 'brush' | 'still' | 'portrait' | 'product' | 'voice', string>;

beforeAll(() => {
  const p = (n: string) => path.join(media.path, n);
  files.frame = makeImage(p('frame.png'), 1280, 720);
  // The ball is painted top-left as the user sees it; the sky is held still along the bottom.
  files.brush = makeMask(p('ball-mask.png'), 640, 360, { x: 0.05, y: 0.05, w: 0.2, h: 0.25 });
  files.still = makeMask(p('still-mask.png'), 640, 360, { x: 0, y: 0.7, w: 1, h: 0.3 });
  files.portrait = makeImage(p('portrait.png'), 480, 480);
  files.product = makeImage(p('product.jpg'), 400, 600);
  files.voice = makeAudio(p('voice.wav'), 2);
});
afterAll(() => media.cleanup());

/** Imports one file as the user would ("Import a folder…") and returns its reference id. */
async function importRef(file: string): Promise<number> {
  const src = tempDir('dailies-src-');
  try {
    const { copyFileSync } = await import('node:fs');
    copyFileSync(file, path.join(src.path, path.basename(file)));
    const { summary } = await importFolder(env.core, src.path);
    const id = summary.files[0]?.referenceId;
    if (!id) throw new Error(`${file} was not imported as a reference: ${JSON.stringify(summary.files[0])}`);
    return id;
  } finally {
    src.cleanup();
  }
}

const run = async (spec: GenerationSpecInput): Promise<JobSummary> =>
  settled(env.core, ((await env.core.dispatch('jobs.submit', { spec })) as { jobId: number }).jobId);
const detail = async (id: number) => (await env.core.dispatch('jobs.get', { id })) as JobDetail;
const render = async (id: number) => (await env.core.dispatch('renders.get', { id })) as RenderDetail;
const refsOf = (renderId: number) => env.core.db.prepare('SELECT ref_id AS refId, role FROM render_refs WHERE render_id = ? ORDER BY position').all(renderId);
/** The create request the simulator received for this job, as recorded (inline data shortened). */
const createOf = (d: JobDetail) => {
  const rec = env.sim.state.creates.find((c) => c.externalTaskId === d.idempotencyKey && c.code === 0);
  if (!rec) throw new Error(`the simulator accepted no create for job ${d.id}`);
  return { endpoint: rec.endpoint, body: rec.body as Record<string, any> };
};
/** Inline base64 as the simulator records it: shortened, with the image's type and size when it is one. */
const inline = (what = '') => new RegExp(`^[A-Za-z0-9+/]{32}…\\(\\d+ chars\\)${what ? ` ${what}` : ''}$`);

/**
 * What every landed take must show: done, one create, the prompt, its parent and the operation,
 * the library files it was made from, and the provider's actual charge on the render.
 */
async function expectLanded(job: JobSummary, want: { prompt: string; parent?: number; refs?: { refId: number; role: string }[] }): Promise<{ d: JobDetail; r: RenderDetail }> {
  expect(job, job.lastError ?? '').toMatchObject({ state: 'done', errorClass: null });
  const d = await detail(job.id);
  expect(env.sim.state.createCountByExternal.get(d.idempotencyKey)).toBe(1);
  const r = await render(job.renderId!);
  expect(r).toMatchObject({ source: 'job', provider: 'kling', taskType: d.taskType });
  expect(r.prompt?.text).toBe(want.prompt);
  if (want.parent) expect(r.parent).toMatchObject({ id: want.parent, operation: d.taskType });
  else expect(r.parent).toBeNull();
  expect(refsOf(r.id)).toEqual(want.refs ?? []);
  expect(d.charges.map((c) => c.kind)).toEqual(['estimate', 'actual']);
  const charged = env.sim.state.tasks.get(d.providerTaskId!)!.charged!;
  expect(charged).toBeGreaterThan(0);
  expect(d.charges[1]!.credits).toBe(charged);
  expect(r.costCredits).toBe(charged);
  return { d, r };
}

describe('motion brush', () => {
  it('sends the painted regions with their paths in bottom-left pixels, and records the masks on the take', async () => {
    const frame = await importRef(files.frame);
    const ball = await importRef(files.brush);
    const still = await importRef(files.still);
    const prompt = 'the ball rolls across the lawn';
    // Drawn as the user sees the frame: from the ball (top-left) towards the middle.
    const trajectory = [{ x: 0.1, y: 0.1 }, { x: 0.3, y: 0.2 }, { x: 0.5, y: 0.4 }];
    const job = await run({
      ...textToVideo({ model: 'kling-v1-6', aspectRatio: undefined }), taskType: 'motion_brush', prompt,
      references: [{ refId: frame, role: 'first_frame' }], motion: [{ maskRefId: ball, trajectory }], staticMaskRefId: still,
    });
    const { d, r } = await expectLanded(job, { prompt, refs: [{ refId: frame, role: 'first_frame' }, { refId: ball, role: 'mask' }, { refId: still, role: 'mask' }] });
    const { endpoint, body } = createOf(d);
    expect(endpoint).toBe('image2video');
    expect(body.image).toMatch(inline('png 1280x720'));
    expect(body.static_mask).toMatch(inline('png 640x360'));
    expect(body.dynamic_masks).toHaveLength(1);
    expect(body.dynamic_masks[0].mask).toMatch(inline('png 640x360'));
    // Pixels of the 1280×720 first frame, y counted up from the bottom edge.
    expect(body.dynamic_masks[0].trajectories).toEqual([{ x: 128, y: 648 }, { x: 384, y: 576 }, { x: 640, y: 432 }]);
    expect(body).not.toHaveProperty('camera_control');
    expect(body).not.toHaveProperty('image_tail');
    expect(r.width! / r.height!).toBeCloseTo(16 / 9, 1);
  });

  it('a path that starts off its painted region is refused by the provider with the point named, uncharged', async () => {
    const frame = await importRef(files.frame);
    const ball = await importRef(files.brush);
    // Starts bottom-right, far from the ball painted top-left.
    const job = await run({
      ...textToVideo({ model: 'kling-v1-6', aspectRatio: undefined }), taskType: 'motion_brush', prompt: 'the ball rolls',
      references: [{ refId: frame, role: 'first_frame' }], motion: [{ maskRefId: ball, trajectory: [{ x: 0.9, y: 0.9 }, { x: 0.5, y: 0.5 }] }],
    });
    expect(job).toMatchObject({ state: 'failed', errorClass: 'invalid', renderId: null });
    expect(job.lastError).toMatch(/dynamic_masks\[0\]\.trajectories\[0\]: \(1152, 72\) is not on the painted part of its mask/);
    expect((await detail(job.id)).charges.filter((c) => c.kind === 'actual').map((c) => c.credits)).toEqual([0]);
    expect(env.sim.state.tasks.size).toBe(0);
  });
});

describe('omni-video edits of a Kling take', () => {
  it('restyles, inpaints and outpaints by instruction with the parent as the base video; each take is the parent\'s child', async () => {
    const parent = await run(textToVideo({ model: 'kling-video-o1', prompt: 'a lighthouse on a cliff at dusk' }));
    const pd = (await expectLanded(parent, { prompt: 'a lighthouse on a cliff at dusk' })).d;
    const parentUrl = env.sim.state.tasks.get(pd.providerTaskId!)!.video!.url;
    const edit = (taskType: 'restyle' | 'inpaint' | 'outpaint', prompt: string, aspectRatio?: '9:16') =>
      run({ accountId: 'demo', model: 'kling-video-o1', taskType, prompt, durationS: 5, parentRenderId: parent.renderId!, ...(aspectRatio ? { aspectRatio } : {}) });

    for (const [taskType, prompt, aspect] of [
      ['restyle', 'make <<<video_1>>> look like a woodcut print', undefined],
      ['inpaint', 'replace the lighthouse in <<<video_1>>> with a windmill', undefined],
      ['outpaint', 'extend <<<video_1>>> to a tall portrait frame', '9:16'],
    ] as const) {
      const { d, r } = await expectLanded(await edit(taskType, prompt, aspect), { prompt, parent: parent.renderId! });
      const { endpoint, body } = createOf(d);
      expect(endpoint).toBe('omni-video');
      expect(body).toMatchObject({ model_name: 'kling-video-o1', prompt, video_list: [{ video_url: parentUrl, refer_type: 'base' }] });
      // An edit keeps the source's length; only outpaint names a new frame.
      expect(body).not.toHaveProperty('duration');
      if (taskType === 'outpaint') {
        expect(body.aspect_ratio).toBe('9:16');
        expect([r.width, r.height]).toEqual([360, 640]);
      } else {
        expect(body).not.toHaveProperty('aspect_ratio');
        expect([r.width, r.height]).toEqual([640, 360]);
      }
      // The simulator understood which edit it was asked for.
      expect(env.sim.state.tasks.get(d.providerTaskId!)!.render.source).toMatchObject({ edit: taskType });
    }
  });

  it('uses a Kling take as a feature reference (look and motion) beside a library image', async () => {
    const parent = await run(textToVideo({ model: 'kling-video-o1', prompt: 'waves on rocks' }));
    expect(parent.state).toBe('done');
    const parentUrl = env.sim.state.tasks.get((await detail(parent.id)).providerTaskId!)!.video!.url;
    const portrait = await importRef(files.portrait);
    const prompt = '<<<image_1>>> walks along the shore, filmed like <<<video_1>>>';
    const { d } = await expectLanded(
      await run({ ...textToVideo({ model: 'kling-video-o1', prompt }), taskType: 'multi_reference', parentRenderId: parent.renderId!, references: [{ refId: portrait, role: 'identity' }] }),
      { prompt, parent: parent.renderId!, refs: [{ refId: portrait, role: 'identity' }] },
    );
    const { endpoint, body } = createOf(d);
    expect(endpoint).toBe('omni-video');
    expect(body.video_list).toEqual([{ video_url: parentUrl, refer_type: 'feature' }]);
    expect(body.image_list).toEqual([{ image_url: expect.stringMatching(inline('png 480x480')) }]);
    expect(env.sim.state.tasks.get(d.providerTaskId!)!.render.source).toMatchObject({ edit: 'feature' });
  });
});

describe('multi-reference', () => {
  it('sends up to four library images to multi-image2video in the order chosen', async () => {
    const portrait = await importRef(files.portrait);
    const product = await importRef(files.product);
    const prompt = 'a chef presents a jar of honey';
    const refs = [{ refId: product, role: 'product' as const }, { refId: portrait, role: 'identity' as const }];
    const { d } = await expectLanded(await run({ ...textToVideo({ model: 'kling-v1-6', prompt }), taskType: 'multi_reference', references: refs }), { prompt, refs });
    const { endpoint, body } = createOf(d);
    expect(endpoint).toBe('multi-image2video');
    expect(body).toMatchObject({ model_name: 'kling-v1-6', prompt, duration: '5', aspect_ratio: '16:9' });
    // In the chosen order: the jar (400×600 JPEG) first, then the face (480×480 PNG).
    expect(body.image_list).toEqual([{ image: expect.stringMatching(inline('jpg 400x600')) }, { image: expect.stringMatching(inline('png 480x480')) }]);
  });
});

describe('custom elements', () => {
  it('makes an element from library images through the contract, then grounds an O1 take on it with images', async () => {
    const portrait = await importRef(files.portrait);
    const product = await importRef(files.product);
    const element = (await env.core.dispatch('elements.create', { accountId: 'demo', name: 'chef', description: 'our chef', frontalRefId: portrait, referRefIds: [product] })) as { elementId: string; name: string };
    expect(element.name).toBe('chef');
    const stored = env.sim.state.elements.get(element.elementId)!;
    expect(stored).toMatchObject({ element_name: 'chef', element_description: 'our chef' });
    expect(stored.element_refer_list).toHaveLength(1);
    expect((await env.core.dispatch('elements.list', { accountId: 'demo' })) as { elementId: string }[]).toEqual([expect.objectContaining({ elementId: element.elementId, name: 'chef' })]);

    const prompt = '<<<element_1>>> holds up <<<image_1>>> in a sunlit kitchen';
    const refs = [{ refId: product, role: 'product' as const }];
    const { d } = await expectLanded(
      await run({ ...textToVideo({ model: 'kling-video-o1', prompt }), taskType: 'multi_reference', references: refs, elementIds: [element.elementId] }),
      { prompt, refs },
    );
    const { endpoint, body } = createOf(d);
    expect(endpoint).toBe('omni-video');
    expect(body).toMatchObject({ model_name: 'kling-video-o1', prompt, duration: '5', element_list: [{ element_id: element.elementId }] });
    expect(body.image_list).toEqual([{ image_url: expect.stringMatching(inline('jpg 400x600')) }]);
    expect(body).not.toHaveProperty('video_list');
  });

  it('refuses a bad element before anything is sent, naming the field', async () => {
    const portrait = await importRef(files.portrait);
    const reply = await env.core.reply('elements.create', { accountId: 'demo', name: 'a name far longer than twenty', frontalRefId: portrait });
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field: 'name', message: expect.stringMatching(/at most 20/) }] } });
    await expect(env.core.dispatch('elements.create', { accountId: 'demo', name: 'x', frontalRefId: 999 })).rejects.toMatchObject({ code: 'not_found', issues: [{ field: 'frontalRefId' }] });
    expect(env.sim.state.elements.size).toBe(0);
  });
});

describe('lip sync', () => {
  it('finds the face in the Kling parent, then syncs it to a library voice track; the take is the parent\'s child', async () => {
    const parent = await run(textToVideo({ prompt: 'a presenter faces the camera' }));
    expect(parent.state).toBe('done');
    const parentVideo = env.sim.state.tasks.get((await detail(parent.id)).providerTaskId!)!.video!;
    const voice = await importRef(files.voice);
    const job = await run({ accountId: 'demo', model: 'kling-v2-6', taskType: 'lip_sync', durationS: 5, parentRenderId: parent.renderId!, lipSync: { audioRefId: voice } });
    const { d, r } = await expectLanded(job, { prompt: '', parent: parent.renderId!, refs: [{ refId: voice, role: 'audio' }] });
    // Step one: identify-face by Kling's own video id, not by re-uploading the clip.
    const sessions = [...env.sim.state.faceSessions.values()];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.video.videoId).toBe(parentVideo.id);
    // Step two: the task names that session and its one face, with the voice inline.
    const { endpoint, body } = createOf(d);
    expect(endpoint).toBe('advanced-lip-sync');
    expect(body.session_id).toBe(sessions[0]!.sessionId);
    expect(body.face_choose).toEqual([expect.objectContaining({ face_id: '0', sound_file: expect.stringMatching(inline()), sound_start_time: 0, sound_insert_time: 0 })]);
    expect(body.face_choose[0].sound_end_time).toBeGreaterThan(1900);
    expect(r.durationMs).toBeGreaterThan(1500);
  });
});

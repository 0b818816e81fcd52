// Veo 3 end to end: the real adapter and job engine against the simulator's Gemini API (real
// HTTP on 127.0.0.1, real ffmpeg clips, a real catalogue). Every task Veo supports lands in the
// library with its charge and Veo's own ids; each way Veo fails ends as a user should see it.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { Simulator } from '../../main/providers/simulator/index.js';
import { mediaPath } from '../../main/store/layout.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { estimateVeoCredits } from '../../shared/pricing/veo.js';
import { settled, until } from '../helpers/jobs.js';
import { addSimAccount, importImages, jobDetail, runJob, submitJob, useSimProvider } from '../helpers/providers.js';

const env = useSimProvider('veo');
let sim: Simulator;
let core: Core;
let account: string;
beforeEach(() => {
  ({ sim, core, account } = env);
});

const spec = (over: Partial<GenerationSpecInput> = {}): GenerationSpecInput => ({
  accountId: account, model: 'veo-3.1-generate-preview', taskType: 'text_to_video', durationS: 8, aspectRatio: '16:9',
  prompt: 'a lighthouse in a storm, waves breaking', ...over,
});
const veoCreates = () => sim.state.creates.filter((c) => c.provider === 'veo');
const render = async (id: number) => (await core.dispatch('renders.get', { id })) as RenderDetail;

describe('every Veo task lands in the library', () => {
  it('text to video: an operation polled to done, downloaded with the key, charged and filed with Veo ids', async () => {
    const job = await runJob(core, spec({ durationS: 6 }));
    expect(job).toMatchObject({ state: 'done', errorClass: null, provider: 'veo' });
    const d = await jobDetail(core, job.id);
    // Veo's own ids: the operation name, and the file the video lives in.
    expect(d.providerTaskId).toMatch(/^models\/veo-3\.1-generate-preview\/operations\/[0-9a-f]+$/);
    const task = [...sim.state.tasks.values()].find((t) => t.meta.name === d.providerTaskId)!;
    const row = core.db.prepare('SELECT result_video_id, result_url FROM jobs WHERE id = ?').get(job.id) as { result_video_id: string; result_url: string };
    expect(row.result_video_id).toBe(task.video!.id);
    expect(row.result_url).toBe(`${sim.baseUrlOf('veo')}/v1beta/files/${task.video!.id}:download?alt=media`);
    // What was sent is Veo's wire format.
    expect(veoCreates()[0]!.body).toEqual({
      instances: [{ prompt: 'a lighthouse in a storm, waves breaking' }],
      parameters: { aspectRatio: '16:9', durationSeconds: 6 },
    });
    // Veo reports no charge: the estimate is booked as the actual, and says so.
    const estimate = estimateVeoCredits({ model: 'veo-3.1-generate-preview', durationS: 6, taskType: 'text_to_video' });
    expect(d.charges.map((c) => [c.kind, c.credits])).toEqual([['estimate', estimate], ['actual', estimate]]);
    const r = await render(job.renderId!);
    expect(r).toMatchObject({ provider: 'veo', model: 'veo-3.1-generate-preview', taskType: 'text_to_video', costCredits: estimate });
    expect(readFileSync(mediaPath(core.layout, r.sha256, 'mp4')).equals(readFileSync(task.video!.file))).toBe(true);
    expect(r.durationMs).toBeGreaterThan(5500);
    expect(r.width! / r.height!).toBeCloseTo(16 / 9, 1);
  });

  it('image to video from a first and a last frame (interpolation), sent inline', async () => {
    const refs = await importImages(core, [{ name: 'first', width: 1280, height: 720 }, { name: 'last', width: 1280, height: 719 }]);
    const job = await runJob(core, spec({
      taskType: 'image_to_video', prompt: '', references: [{ refId: refs.first!, role: 'first_frame' }, { refId: refs.last!, role: 'end_frame' }],
    }), 120_000);
    expect(job.state).toBe('done');
    const body = veoCreates()[0]!.body as { instances: { image: { bytesBase64Encoded: string; mimeType: string }; lastFrame: { mimeType: string }; prompt?: string }[] };
    expect(body.instances[0]!.image.mimeType).toBe('image/png');
    expect(body.instances[0]!.image.bytesBase64Encoded).toMatch(/png 1280x720$/);
    expect(body.instances[0]!.lastFrame.mimeType).toBe('image/png');
    expect(body.instances[0]!.prompt).toBeUndefined();
    const refRows = core.db.prepare('SELECT role FROM render_refs WHERE render_id = ? ORDER BY position').pluck().all(job.renderId);
    expect(refRows).toEqual(['first_frame', 'end_frame']);
  }, 150_000);

  it('reference images: identities as assets, a style as style', async () => {
    const refs = await importImages(core, [{ name: 'face', width: 800, height: 800 }, { name: 'look', width: 900, height: 600 }]);
    const job = await runJob(core, spec({
      taskType: 'multi_reference', references: [{ refId: refs.face!, role: 'identity' }, { refId: refs.look!, role: 'style' }],
    }), 120_000);
    expect(job.state).toBe('done');
    const body = veoCreates()[0]!.body as { instances: { referenceImages: { referenceType: string }[] }[] };
    expect(body.instances[0]!.referenceImages.map((r) => r.referenceType)).toEqual(['asset', 'style']);
  }, 150_000);

  it('extends a Veo render by 7 s through the file Veo keeps, as a child of its parent', async () => {
    const parent = await runJob(core, spec({ durationS: 4 }));
    expect(parent.state).toBe('done');
    const parentRow = core.db.prepare('SELECT result_url FROM jobs WHERE id = ?').get(parent.id) as { result_url: string };
    const child = await runJob(core, spec({ taskType: 'extend', parentRenderId: parent.renderId!, prompt: 'the storm clears', aspectRatio: undefined }));
    expect(child.state).toBe('done');
    expect((veoCreates()[1]!.body as { instances: { video: { uri: string } }[] }).instances[0]!.video).toEqual({ uri: parentRow.result_url });
    const r = await render(child.renderId!);
    expect(r.parent).toMatchObject({ id: parent.renderId, operation: 'extend' });
    expect(r.durationMs).toBeGreaterThan(10_500);
  });

  it('refuses before sending what Veo cannot do, naming the field', async () => {
    const refs = await importImages(core, [{ name: 'first', width: 1280, height: 720 }, { name: 'last', width: 1280, height: 719 }]);
    const reply = await core.dispatch('jobs.estimate', { spec: spec({
      model: 'veo-3.0-generate-001', taskType: 'image_to_video', durationS: 6,
      references: [{ refId: refs.first!, role: 'first_frame' }, { refId: refs.last!, role: 'end_frame' }],
    }) }) as { problems: { field: string; message: string }[] };
    expect(reply.problems.map((p) => p.field)).toEqual(['references', 'durationS']);
    expect(reply.problems[0]!.message).toMatch(/takes no end frame: use Veo 3\.1/);
    await expect(core.dispatch('jobs.submit', { spec: spec({ durationS: 5 }) })).rejects.toMatchObject({ code: 'validation' });
    expect(veoCreates()).toEqual([]);
  });
});

describe('Veo failures end as a user should see them', () => {
  it('RESOURCE_EXHAUSTED waits at least the RetryInfo.retryDelay, then finishes', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'rate_limit', provider: 'veo', endpoint: 'POST /v1beta/models' });
    const id = await submitJob(core, spec());
    const waiting = await until(core, id, (j) => j.errorClass === 'load');
    expect(waiting.lastError).toMatch(/RESOURCE_EXHAUSTED/);
    // The simulator asks for "1s"; the engine's own backoff here is at most 200 ms.
    expect(waiting.nextAttemptAt! - waiting.updatedAt).toBeGreaterThanOrEqual(1000);
    const done = await settled(core, id);
    expect(done.state).toBe('done');
    expect(veoCreates().map((c) => c.code)).toEqual([429, 0]);
  });

  it('a safety-filtered operation is a rejection with the reason, charged nothing', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'policy_fail', provider: 'veo' });
    const job = await runJob(core, spec());
    expect(job).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    expect(job.lastError).toMatch(/safety filters removed the video/);
    const d = await jobDetail(core, job.id);
    expect(d.charges.find((c) => c.kind === 'actual')!.credits).toBe(0);
  });

  it('a prompt blocked at create is a rejection; billing off is money, not retried', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'policy_reject', provider: 'veo' });
    expect(await runJob(core, spec())).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    sim.state.faults.add({ mode: 'next', fault: 'insufficient_credits', provider: 'veo' });
    const broke = await runJob(core, spec({ prompt: 'another take' }));
    expect(broke).toMatchObject({ state: 'failed', errorClass: 'money', attempts: 1 });
    expect(broke.lastError).toMatch(/billing/);
    expect(veoCreates()).toHaveLength(2);
    expect(sim.state.tasks.size).toBe(0);
  });

  it('a server error and a cut download are retried to a complete file', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'server_error', provider: 'veo', endpoint: '/v1beta/models/veo-3.1-generate-preview/operations' });
    sim.state.faults.add({ mode: 'next', fault: 'truncated_download', provider: 'veo' });
    const job = await runJob(core, spec());
    expect(job.state).toBe('done');
    const fired = sim.state.faults.fired.map((f) => f.fault);
    expect(fired).toEqual(expect.arrayContaining(['server_error', 'truncated_download']));
  });

  it('a key Google does not accept fails as an account problem', async () => {
    const bad = await addSimAccount(core, sim, 'veo', { id: 'veo-bad', apiKey: 'not-the-key' });
    const job = await runJob(core, spec({ accountId: bad }));
    expect(job).toMatchObject({ state: 'failed', errorClass: 'auth' });
    expect(job.lastError).toMatch(/API key not valid/);
  });

  it('a result Google no longer keeps cannot be fetched, and the job says the credits were spent', async () => {
    // The file store answers 410 as if the 2 days had passed: the operation is asked again,
    // has no newer file, and the job ends saying so rather than retrying forever.
    sim.state.faults.add({ mode: 'next', fault: 'expired_url', provider: 'veo' });
    const job = await runJob(core, spec());
    expect(job).toMatchObject({ state: 'failed', errorClass: 'download' });
    expect(job.lastError).toMatch(/result is gone/);
  });
});

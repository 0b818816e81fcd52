// Runway, MiniMax and Pika (via fal) end to end: the real job engine, real HTTP to the local
// simulator speaking each provider's wire format, real ffmpeg clips and a real catalogue. Every
// task type each adapter supports lands a render; each provider's failures end as a user should see.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { FaultRuleInput } from '../../main/providers/simulator/index.js';
import type { JobDetail } from '../../shared/jobs.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { openJobsCore, settled, startSimulator, until } from '../helpers/jobs.js';
import { importFolder } from '../helpers/core.js';
import { makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let sim: Awaited<ReturnType<typeof startSimulator>>;
let core: Core;

beforeEach(async () => {
  lib = tempDir('dailies-provsim-');
  sim = await startSimulator();
  core = openJobsCore(lib.path, sim);
  for (const provider of ['runway', 'minimax', 'pika']) {
    await core.dispatch('providers.save', { id: provider, provider, label: provider, baseUrl: sim.baseUrlOf(provider), credentials: { apiKey: sim.apiKeyOf(provider) } });
  }
});
afterEach(async () => {
  await core.close();
  await sim.close();
  lib.cleanup();
});

const fault = (f: FaultRuleInput) => sim.state.faults.add(f);
const submit = async (spec: Partial<GenerationSpecInput> & Pick<GenerationSpecInput, 'accountId' | 'model' | 'taskType'>) =>
  ((await core.dispatch('jobs.submit', { spec: { durationS: 5, prompt: 'a lighthouse at dusk, waves breaking', ...spec } })) as { jobId: number }).jobId;
const detail = async (id: number) => (await core.dispatch('jobs.get', { id })) as JobDetail;
const render = async (id: number) => (await core.dispatch('renders.get', { id })) as RenderDetail;
const lastCreate = (provider: string) => sim.state.creates.filter((c) => c.provider === provider).at(-1)!;

async function importImages(...sizes: [number, number][]): Promise<number[]> {
  const src = tempDir('dailies-src-');
  try {
    sizes.forEach(([w, h], i) => makeImage(path.join(src.path, `ref-${i}.png`), w, h));
    const { summary } = await importFolder(core, src.path);
    return [...summary.files].sort((a, b) => a.path.localeCompare(b.path)).map((f) => f.referenceId!);
  } finally {
    src.cleanup();
  }
}

async function done(jobId: number): Promise<RenderDetail> {
  const job = await settled(core, jobId, 60_000);
  expect(job.state, job.lastError ?? '').toBe('done');
  return render(job.renderId!);
}

describe('Runway', () => {
  it('image to video (Gen-4 Turbo), text to video with sound (Veo 3.1 Fast) and restyle (Aleph) land renders', async () => {
    const [frame, style] = await importImages([1280, 720], [800, 800]);
    const i2v = await done(await submit({ accountId: 'runway', model: 'gen4_turbo', taskType: 'image_to_video', durationS: 10, aspectRatio: '9:16', references: [{ refId: frame!, role: 'first_frame' }] }));
    expect(i2v).toMatchObject({ provider: 'runway', model: 'gen4_turbo' });
    expect(i2v.asset).toMatchObject({ width: 360, height: 640 });
    expect(Math.round(i2v.asset.durationMs! / 1000)).toBe(10);
    expect(lastCreate('runway')).toMatchObject({ endpoint: 'image_to_video', body: { ratio: '720:1280', duration: 10 } });

    const t2v = await done(await submit({ accountId: 'runway', model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 8, sound: true }));
    expect(t2v.asset.audioCodec).not.toBeNull();

    const restyled = await done(await submit({ accountId: 'runway', model: 'gen4_aleph', taskType: 'restyle', prompt: 'as a watercolour', parentRenderId: t2v.id, references: [{ refId: style!, role: 'style' }] }));
    expect(restyled.parent).toMatchObject({ id: t2v.id, operation: 'restyle' });
    expect(lastCreate('runway').endpoint).toBe('video_to_video');
    // The provider's own id is recorded: the task the render came from.
    const jobId = core.db.prepare('SELECT job_id FROM renders WHERE id = ?').pluck().get(restyled.id) as number;
    const d = await detail(jobId);
    expect(sim.state.tasks.get(d.providerTaskId!)?.provider).toBe('runway');
    expect(restyled.origin).toBe(`runway task ${d.providerTaskId}`);
  });

  it('THROTTLED waits for a slot instead of failing; the organization reports its balance', async () => {
    sim.state.timing.concurrency = 1;
    const [frame] = await importImages([1280, 720]);
    const spec = { accountId: 'runway', model: 'gen4_turbo', taskType: 'image_to_video' as const, references: [{ refId: frame!, role: 'first_frame' as const }] };
    const ids = [await submit(spec), await submit(spec)];
    const jobs = await Promise.all(ids.map((id) => settled(core, id, 60_000)));
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done']);
    const tasks = await Promise.all(ids.map(async (id) => sim.state.tasks.get((await detail(id)).providerTaskId!)!));
    expect(tasks.filter((t) => t.meta.throttled)).toHaveLength(1);
    const credits = (await core.dispatch('providers.credits', { id: 'runway' })) as { remainingCredits: number };
    expect(credits.remainingCredits).toBe(sim.state.balance);
  });

  it('a SAFETY.* failure is a rejection; no credits is money; a rate limit is waited out', async () => {
    fault({ mode: 'next', fault: 'policy_fail', provider: 'runway' });
    const rejected = await settled(core, await submit({ accountId: 'runway', model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 4 }));
    expect(rejected).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    expect(rejected.lastError).toMatch(/SAFETY\.INPUT\.TEXT/);

    fault({ mode: 'next', fault: 'insufficient_credits', provider: 'runway' });
    expect(await settled(core, await submit({ accountId: 'runway', model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 4 }))).toMatchObject({ state: 'failed', errorClass: 'money' });

    fault({ mode: 'next', count: 2, fault: 'rate_limit', provider: 'runway' });
    const waited = await settled(core, await submit({ accountId: 'runway', model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 4 }), 60_000);
    expect(waited.state).toBe('done');
    expect(waited.attempts).toBeGreaterThanOrEqual(3);
  });

  it('cancelling a running job cancels the Runway task', async () => {
    sim.state.timing.processingMs = 5_000;
    const jobId = await submit({ accountId: 'runway', model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 4 });
    const running = await until(core, jobId, (j) => j.state === 'submitted' || j.state === 'running');
    await core.dispatch('jobs.cancel', { id: running.id });
    const taskId = (await detail(jobId)).providerTaskId!;
    for (let i = 0; i < 200 && !sim.state.tasks.get(taskId)?.meta.cancelled; i++) await new Promise((r) => setTimeout(r, 25));
    expect(sim.state.tasks.get(taskId)?.meta.cancelled).toBe(true);
  });
});

describe('MiniMax Hailuo', () => {
  it('text to video at 1080P, image to video with first and last frames, subject reference: each via file retrieve', async () => {
    const [first, last, face] = await importImages([1280, 720], [1024, 576], [600, 800]);
    const t2v = await done(await submit({ accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6, resolution: '1080P' }));
    expect(lastCreate('minimax').body).toMatchObject({ model: 'MiniMax-Hailuo-02', duration: 6, resolution: '1080P' });
    // The render's provider video id is MiniMax's file id, from files/retrieve.
    const jobId = core.db.prepare('SELECT job_id FROM renders WHERE id = ?').pluck().get(t2v.id) as number;
    const task = sim.state.tasks.get((await detail(jobId)).providerTaskId!)!;
    expect(core.db.prepare('SELECT result_video_id FROM jobs WHERE id = ?').pluck().get(jobId)).toBe(task.meta.fileId);

    await done(await submit({ accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'image_to_video', durationS: 10, references: [{ refId: first!, role: 'first_frame' }, { refId: last!, role: 'end_frame' }] }));
    expect(Object.keys(lastCreate('minimax').body as object)).toEqual(expect.arrayContaining(['first_frame_image', 'last_frame_image']));

    await done(await submit({ accountId: 'minimax', model: 'S2V-01', taskType: 'multi_reference', durationS: 6, resolution: '720P', references: [{ refId: face!, role: 'identity' }] }));
    expect(lastCreate('minimax').body).toMatchObject({ subject_reference: [{ type: 'character' }] });
  });

  it('1026/1027 are rejections, 1008 is money, 1002 is waited out', async () => {
    fault({ mode: 'next', fault: 'policy_reject', provider: 'minimax' });
    expect(await settled(core, await submit({ accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6 }))).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    fault({ mode: 'next', fault: 'policy_fail', provider: 'minimax' });
    const output = await settled(core, await submit({ accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6 }));
    expect(output).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    expect(output.lastError).toMatch(/1027/);
    fault({ mode: 'next', fault: 'insufficient_credits', provider: 'minimax' });
    expect(await settled(core, await submit({ accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6 }))).toMatchObject({ state: 'failed', errorClass: 'money' });
    fault({ mode: 'next', count: 2, fault: 'rate_limit', provider: 'minimax' });
    expect((await settled(core, await submit({ accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6 }), 60_000)).state).toBe('done');
  });
});

describe('Pika via fal', () => {
  it('text to video, image to video and Pikascenes through the queue', async () => {
    const [frame, a, b] = await importImages([1280, 720], [800, 800], [800, 600]);
    const t2v = await done(await submit({ accountId: 'pika', model: 'pika-v2.5', taskType: 'text_to_video', durationS: 10, resolution: '1080p', aspectRatio: '1:1' }));
    expect(t2v.asset).toMatchObject({ width: 480, height: 480 });
    expect(lastCreate('pika')).toMatchObject({ endpoint: 'fal-ai/pika/v2.5/text-to-video', body: { resolution: '1080p', aspect_ratio: '1:1', duration: 10 } });
    await done(await submit({ accountId: 'pika', model: 'pika-v2.2', taskType: 'image_to_video', references: [{ refId: frame!, role: 'first_frame' }] }));
    expect(lastCreate('pika').endpoint).toBe('fal-ai/pika/v2.2/image-to-video');
    await done(await submit({ accountId: 'pika', model: 'pika-v2.2', taskType: 'multi_reference', references: [{ refId: a!, role: 'identity' }, { refId: b!, role: 'product' }] }));
    expect((lastCreate('pika').body as { images: unknown[] }).images).toHaveLength(2);
  });

  it('a content-policy refusal is a rejection, an exhausted balance is money, a bad key is auth', async () => {
    fault({ mode: 'next', fault: 'policy_fail', provider: 'pika' });
    expect(await settled(core, await submit({ accountId: 'pika', model: 'pika-v2.5', taskType: 'text_to_video' }))).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    fault({ mode: 'next', fault: 'policy_reject', provider: 'pika' });
    expect(await settled(core, await submit({ accountId: 'pika', model: 'pika-v2.5', taskType: 'text_to_video' }))).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    fault({ mode: 'next', fault: 'insufficient_credits', provider: 'pika' });
    expect(await settled(core, await submit({ accountId: 'pika', model: 'pika-v2.5', taskType: 'text_to_video' }))).toMatchObject({ state: 'failed', errorClass: 'money' });
    await core.dispatch('providers.save', { id: 'pika-bad', provider: 'pika', label: 'bad', baseUrl: sim.baseUrlOf('pika'), credentials: { apiKey: 'wrong' } });
    expect(await settled(core, await submit({ accountId: 'pika-bad', model: 'pika-v2.5', taskType: 'text_to_video' }))).toMatchObject({ state: 'failed', errorClass: 'auth' });
    expect(await core.dispatch('providers.test', { id: 'pika' })).toMatchObject({ ok: true, verdict: 'connected' });
    expect(await core.dispatch('providers.test', { id: 'pika-bad' })).toMatchObject({ ok: false, verdict: 'keys_rejected' });
  });
});

describe('every provider here, when its result or its key is gone', () => {
  it('a result link that has expired ends the job as a download failure that says so, with no take', async () => {
    const specs = {
      runway: { accountId: 'runway', model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 4 },
      minimax: { accountId: 'minimax', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6 },
      pika: { accountId: 'pika', model: 'pika-v2.5', taskType: 'text_to_video' },
    } as const;
    for (const [provider, spec] of Object.entries(specs)) {
      fault({ mode: 'next', fault: 'expired_url', provider });
      const job = await settled(core, await submit(spec), 60_000);
      expect(job, provider).toMatchObject({ state: 'failed', errorClass: 'download' });
      expect(job.lastError, provider).toMatch(/answered 410.*the result is gone.*credits were spent/);
      expect(job.renderId, provider).toBeFalsy();
      // The provider charged for the finished task: recorded once, not refunded, not twice.
      expect((await detail(job.id)).charges.filter((c) => c.kind === 'actual'), provider).toHaveLength(1);
    }
    expect(core.db.prepare('SELECT count(*) FROM renders').pluck().get()).toBe(0);
  });

  it('MiniMax refusing the key (1004) fails the job as an account problem, without retrying', async () => {
    await core.dispatch('providers.save', { id: 'minimax-bad', provider: 'minimax', label: 'minimax bad', baseUrl: sim.baseUrlOf('minimax'), credentials: { apiKey: 'wrong-key' } });
    const job = await settled(core, await submit({ accountId: 'minimax-bad', model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6 }));
    expect(job).toMatchObject({ state: 'failed', errorClass: 'auth' });
    expect(job.lastError).toMatch(/refused the API key/);
    expect((await detail(job.id)).attempts).toBe(1);
    expect(sim.state.creates.filter((c) => c.provider === 'minimax' && c.taskId)).toHaveLength(0);
  });
});

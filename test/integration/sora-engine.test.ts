// Sora 2 end to end: the real adapter and job engine against the simulator's OpenAI video API
// (real HTTP, real ffmpeg clips, a real catalogue). Text, a first frame (multipart) and remix
// land in the library with their charge and Sora's ids; 429s wait as the headers say.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { Simulator } from '../../main/providers/simulator/index.js';
import { mediaPath } from '../../main/store/layout.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { ModelCapabilities } from '../../shared/jobs.js';
import { estimateSoraCredits } from '../../shared/pricing/sora.js';
import { settled, until } from '../helpers/jobs.js';
import { addSimAccount, importImages, jobDetail, runJob, submitJob, useSimProvider } from '../helpers/providers.js';

const env = useSimProvider('sora');
let sim: Simulator;
let core: Core;
let account: string;
beforeEach(() => {
  ({ sim, core, account } = env);
});

const spec = (over: Partial<GenerationSpecInput> = {}): GenerationSpecInput => ({
  accountId: account, model: 'sora-2', taskType: 'text_to_video', durationS: 4, aspectRatio: '16:9', prompt: 'a paper boat on a rainy street', ...over,
});
const soraCreates = () => sim.state.creates.filter((c) => c.provider === 'sora');

describe('every Sora task lands in the library', () => {
  it('text to video: JSON create, polled, bytes from the content endpoint with the key, charged, Sora ids kept', async () => {
    const job = await runJob(core, spec());
    expect(job).toMatchObject({ state: 'done', provider: 'sora' });
    expect(soraCreates()[0]!.body).toEqual({ model: 'sora-2', prompt: 'a paper boat on a rainy street', seconds: '4', size: '1280x720' });
    const d = await jobDetail(core, job.id);
    expect(d.providerTaskId).toMatch(/^video_[0-9a-f]{24}$/);
    const task = sim.state.tasks.get(d.providerTaskId!)!;
    const row = core.db.prepare('SELECT result_video_id, result_url FROM jobs WHERE id = ?').get(job.id) as { result_video_id: string; result_url: string };
    expect(row).toEqual({ result_video_id: d.providerTaskId, result_url: `/v1/videos/${d.providerTaskId}/content?variant=video` });
    const price = estimateSoraCredits({ model: 'sora-2', durationS: 4, size: '1280x720' });
    expect(d.charges.map((c) => [c.kind, c.credits])).toEqual([['estimate', price], ['actual', price]]);
    const r = (await core.dispatch('renders.get', { id: job.renderId! })) as RenderDetail;
    expect(r).toMatchObject({ provider: 'sora', model: 'sora-2', costCredits: price });
    expect(readFileSync(mediaPath(core.layout, r.sha256, 'mp4')).equals(readFileSync(task.video!.file))).toBe(true);
  });

  it('image to video: the first frame goes as a multipart file of exactly the video size', async () => {
    const refs = await importImages(core, [{ name: 'frame', width: 720, height: 1280 }]);
    const job = await runJob(core, spec({ taskType: 'image_to_video', aspectRatio: '9:16', durationS: 8, references: [{ refId: refs.frame!, role: 'first_frame' }] }), 120_000);
    expect(job.state).toBe('done');
    const body = soraCreates()[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'sora-2', seconds: '8', size: '720x1280' });
    // Multipart: the form fields beside the image file, as OpenAI takes them.
    expect(body.input_reference).toEqual({ filename: 'first_frame.png', type: 'image/png', bytes: expect.stringMatching(/^\(\d+ bytes\)$/) });
    const r = (await core.dispatch('renders.get', { id: job.renderId! })) as RenderDetail;
    expect(r.height! > r.width!).toBe(true);
  }, 150_000);

  it('a first frame of another size is refused before sending, naming the reference', async () => {
    const refs = await importImages(core, [{ name: 'wrong', width: 1280, height: 720 }]);
    const reply = await core.dispatch('jobs.estimate', { spec: spec({ taskType: 'image_to_video', aspectRatio: '9:16', references: [{ refId: refs.wrong!, role: 'first_frame' }] }) }) as { problems: { field: string; message: string }[] };
    expect(reply.problems).toEqual([{ field: 'references.0.refId', message: expect.stringMatching(/exactly the video's size, 720x1280; this image is 1280x720/) }]);
  });

  it('remix (restyle) a Sora render into a child of it, by its video id', async () => {
    const parent = await runJob(core, spec());
    const parentId = (await jobDetail(core, parent.id)).providerTaskId!;
    const child = await runJob(core, spec({ taskType: 'restyle', parentRenderId: parent.renderId!, prompt: 'make it snow' }));
    expect(child.state).toBe('done');
    expect(soraCreates()[1]).toMatchObject({ endpoint: 'remix', body: { prompt: 'make it snow' } });
    const childTask = sim.state.tasks.get((await jobDetail(core, child.id)).providerTaskId!)!;
    expect(childTask.meta.remixedFrom).toBe(parentId);
    const r = (await core.dispatch('renders.get', { id: child.renderId! })) as RenderDetail;
    expect(r.parent).toMatchObject({ id: parent.renderId, operation: 'restyle' });
  });

  it('tells the UI about the announced shutdown, on the provider and on every model', async () => {
    const { models } = (await core.dispatch('providers.capabilities', { accountId: account })) as { models: ModelCapabilities[] };
    expect(models.map((m) => m.model)).toEqual(['sora-2', 'sora-2-pro']);
    for (const m of models) expect(m.notice).toMatchObject({ kind: 'shutdown', date: '2026-09-24' });
  });
});

describe('Sora failures end as a user should see them', () => {
  it('a 429 waits until x-ratelimit-reset-requests, then finishes', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'rate_limit', provider: 'sora', endpoint: 'POST /v1/videos' });
    const id = await submitJob(core, spec());
    const waiting = await until(core, id, (j) => j.errorClass === 'load');
    expect(waiting.lastError).toMatch(/rate-limiting/);
    expect(waiting.nextAttemptAt! - waiting.updatedAt).toBeGreaterThanOrEqual(1000);
    expect((await settled(core, id)).state).toBe('done');
  });

  it('insufficient_quota is money: stopped at once, not retried', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'insufficient_credits', provider: 'sora' });
    const job = await runJob(core, spec());
    expect(job).toMatchObject({ state: 'failed', errorClass: 'money', attempts: 1 });
    expect(soraCreates()).toHaveLength(1);
  });

  it('moderation at create and a video failed by moderation are rejections', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'policy_reject', provider: 'sora' });
    expect(await runJob(core, spec())).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    sim.state.faults.add({ mode: 'next', fault: 'policy_fail', provider: 'sora' });
    const failed = await runJob(core, spec({ prompt: 'second take' }));
    expect(failed).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    expect((await jobDetail(core, failed.id)).charges.find((c) => c.kind === 'actual')!.credits).toBe(0);
  });

  it('content past its hour is gone: the job ends saying so', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'expired_url', provider: 'sora' });
    const job = await runJob(core, spec());
    expect(job).toMatchObject({ state: 'failed', errorClass: 'download' });
    expect(job.lastError).toMatch(/answered 404.*result is gone/);
  });

  it('a wrong key fails as an account problem', async () => {
    const bad = await addSimAccount(core, sim, 'sora', { id: 'sora-bad', apiKey: 'sk-wrong' });
    const job = await runJob(core, spec({ accountId: bad }));
    expect(job).toMatchObject({ state: 'failed', errorClass: 'auth' });
    expect(job.lastError).toMatch(/Incorrect API key/);
  });
});

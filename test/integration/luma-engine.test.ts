// Luma Dream Machine end to end: the real adapter and job engine against the simulator's
// generations API, under a base URL that has a path of its own (…/dream-machine/v1).
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { Simulator } from '../../main/providers/simulator/index.js';
import { mediaPath } from '../../main/store/layout.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { estimateLumaCredits } from '../../shared/pricing/luma.js';
import { settled, until } from '../helpers/jobs.js';
import { importImages, jobDetail, runJob, submitJob, useSimProvider } from '../helpers/providers.js';

const env = useSimProvider('luma');
let sim: Simulator;
let core: Core;
let account: string;
beforeEach(() => {
  ({ sim, core, account } = env);
});

const spec = (over: Partial<GenerationSpecInput> = {}): GenerationSpecInput => ({
  accountId: account, model: 'ray-flash-2', taskType: 'text_to_video', durationS: 5, aspectRatio: '1:1', resolution: '540p', prompt: 'a koi pond at dawn', ...over,
});
const lumaCreates = () => sim.state.creates.filter((c) => c.provider === 'luma');

describe('every Luma task lands in the library', () => {
  it('text to video: created, dreamed, downloaded, charged, with the generation id kept', async () => {
    expect(sim.baseUrlOf('luma')).toMatch(/\/luma\/dream-machine\/v1$/);
    const job = await runJob(core, spec());
    expect(job).toMatchObject({ state: 'done', provider: 'luma' });
    expect(lumaCreates()[0]!.body).toEqual({ prompt: 'a koi pond at dawn', model: 'ray-flash-2', duration: '5s', aspect_ratio: '1:1', resolution: '540p' });
    const d = await jobDetail(core, job.id);
    const task = sim.state.tasks.get(d.providerTaskId!)!;
    expect(task.provider).toBe('luma');
    const row = core.db.prepare('SELECT result_video_id, result_url FROM jobs WHERE id = ?').get(job.id) as { result_video_id: string; result_url: string };
    expect(row).toEqual({ result_video_id: d.providerTaskId, result_url: task.video!.url });
    const price = estimateLumaCredits({ model: 'ray-flash-2', durationS: 5, resolution: '540p' });
    expect(d.charges.map((c) => [c.kind, c.credits])).toEqual([['estimate', price], ['actual', price]]);
    const r = (await core.dispatch('renders.get', { id: job.renderId! })) as RenderDetail;
    expect(r).toMatchObject({ provider: 'luma', model: 'ray-flash-2', costCredits: price });
    expect(r.width).toBe(r.height);
    expect(readFileSync(mediaPath(core.layout, r.sha256, 'mp4')).equals(readFileSync(task.video!.file))).toBe(true);
    // The balance Luma reports is the account's, after the charge.
    const credits = (await core.dispatch('providers.credits', { id: account })) as { remainingCredits: number };
    expect(credits.remainingCredits).toBe(sim.state.balance);
    expect(sim.state.balance).toBeCloseTo(1000 - price, 5);
  });

  it('extends a Luma render by naming its generation, as a child of it', async () => {
    const parent = await runJob(core, spec());
    const parentId = (await jobDetail(core, parent.id)).providerTaskId!;
    const child = await runJob(core, spec({ taskType: 'extend', parentRenderId: parent.renderId!, prompt: 'the fish scatter' }));
    expect(child.state).toBe('done');
    expect((lumaCreates()[1]!.body as { keyframes: unknown }).keyframes).toEqual({ frame0: { type: 'generation', id: parentId } });
    const r = (await core.dispatch('renders.get', { id: child.renderId! })) as RenderDetail;
    expect(r.parent).toMatchObject({ id: parent.renderId, operation: 'extend' });
    expect(r.durationMs).toBeGreaterThan(9500);
  });

  it('refuses images (Luma takes them by public URL only) before sending, naming the field', async () => {
    const refs = await importImages(core, [{ name: 'img', width: 1280, height: 720 }]);
    const r1 = (await core.dispatch('jobs.estimate', { spec: spec({ references: [{ refId: refs.img!, role: 'style' }] }) })) as { problems: { field: string }[] };
    expect(r1.problems.map((p) => p.field)).toEqual(['references']);
    const r2 = (await core.dispatch('jobs.estimate', { spec: spec({ taskType: 'image_to_video', references: [{ refId: refs.img!, role: 'first_frame' }] }) })) as { problems: { field: string; message: string }[] };
    expect(r2.problems[0]).toMatchObject({ field: 'taskType' });
    expect(lumaCreates()).toEqual([]);
  });
});

describe('Luma failures end as a user should see them', () => {
  it('a 429 waits the Retry-After, then finishes', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'rate_limit', provider: 'luma', endpoint: 'POST /generations' });
    const id = await submitJob(core, spec());
    const waiting = await until(core, id, (j) => j.errorClass === 'load');
    expect(waiting.nextAttemptAt! - waiting.updatedAt).toBeGreaterThanOrEqual(1000);
    expect((await settled(core, id)).state).toBe('done');
  });

  it('too few credits is money; a moderated prompt and a moderated generation are rejections', async () => {
    sim.state.setBalance(0);
    expect(await runJob(core, spec())).toMatchObject({ state: 'failed', errorClass: 'money' });
    sim.state.setBalance(1000);
    sim.state.faults.add({ mode: 'next', fault: 'policy_reject', provider: 'luma' });
    expect(await runJob(core, spec({ prompt: 'take two' }))).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    sim.state.faults.add({ mode: 'next', fault: 'policy_fail', provider: 'luma' });
    const failed = await runJob(core, spec({ prompt: 'take three' }));
    expect(failed).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    expect(failed.lastError).toMatch(/moderation/);
  });

  it('a lost answer (connection cut after the create) is not sent again: the job waits for the user', async () => {
    sim.state.faults.add({ mode: 'next', fault: 'connection_reset', phase: 'after', provider: 'luma', endpoint: 'POST /generations' });
    const id = await submitJob(core, spec());
    const job = await until(core, id, (j) => j.state === 'unconfirmed');
    expect(job.lastError).toMatch(/answer was lost — it may be running and charged at Luma/);
    await core.jobs.idle();
    // Luma has no lookup by a key of ours: sending again on its own could pay for a second task.
    expect([...sim.state.tasks.values()].filter((t) => t.provider === 'luma')).toHaveLength(1);
    expect(lumaCreates()).toHaveLength(1);
  });
});

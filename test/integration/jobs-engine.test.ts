// The job engine end to end: real HTTP to the local Kling simulator, real ffmpeg clips, a real
// catalogue. Each fault ends in the state a user should see, and no task is ever created twice.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FaultRuleInput } from '../../main/providers/simulator/index.js';
import { mediaPath } from '../../main/store/layout.js';
import type { JobDetail } from '../../shared/jobs.js';
import type { RenderDetail } from '../../shared/domain.js';
import path from 'node:path';
import { openJobsCore, settled, textToVideo, until, useJobsCore } from '../helpers/jobs.js';
import { importFolder } from '../helpers/core.js';
import { makeImage } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';
import { waitFor } from '../helpers/wait.js';
import type { PreviewProgress } from '../../shared/channels/media.js';

const env = useJobsCore();

const fault = (f: FaultRuleInput) => env.sim.state.faults.add(f);
const submit = async (over = {}) => ((await env.core.dispatch('jobs.submit', { spec: textToVideo(over) })) as { jobId: number }).jobId;
const detail = async (id: number) => (await env.core.dispatch('jobs.get', { id })) as JobDetail;
const createsFor = (key: string) => env.sim.state.createCountByExternal.get(key) ?? 0;

describe('a generation from submit to library', () => {
  it('lands a verified render linked to its job, prompt and charge', async () => {
    const estimate = (await env.core.dispatch('jobs.estimate', { spec: textToVideo() })) as { credits: number; problems: unknown[] };
    expect(estimate.problems).toEqual([]);
    expect(estimate.credits).toBeGreaterThan(0);

    const jobId = await submit();
    const job = await settled(env.core, jobId);
    expect(job).toMatchObject({ state: 'done', errorClass: null });
    const d = await detail(jobId);
    expect(createsFor(d.idempotencyKey)).toBe(1);
    // The ledger: an estimate at submit, then what the provider says it charged.
    expect(d.charges.map((c) => c.kind)).toEqual(['estimate', 'actual']);
    const sentTask = env.sim.state.tasks.get(d.providerTaskId!);
    expect(d.charges[1]!.credits).toBe(sentTask!.charged);

    const render = (await env.core.dispatch('renders.get', { id: job.renderId! })) as RenderDetail;
    expect(render).toMatchObject({ source: 'job', provider: 'kling', model: 'kling-v2-6', taskType: 'text_to_video' });
    expect(render.prompt?.text).toBe('a red fox at golden hour');
    expect(render.costCredits).toBe(d.charges[1]!.credits);
    // The file is the provider's bytes, stored under their hash, and plays for the requested time.
    const stored = readFileSync(mediaPath(env.core.layout, render.sha256, 'mp4'));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(render.sha256);
    expect(stored.equals(readFileSync(sentTask!.video!.file))).toBe(true);
    expect(render.durationMs).toBeGreaterThan(4500);
    expect(render.width! / render.height!).toBeCloseTo(16 / 9, 1);
    expect(readdirSync(env.core.layout.tmp)).toEqual([]);
    // Its hover-scrub strip is made in the background, counted with every other preview.
    const previews = await waitFor('the take\'s strip made', async () => {
      const p = (await env.core.dispatch('media.progress', {})) as PreviewProgress;
      return p.pending === 0 && p.done === 1 ? p : null;
    });
    expect(previews).toMatchObject({ failed: 0, failuresTotal: 0 });
    expect(((await env.core.dispatch('renders.get', { id: job.renderId! })) as RenderDetail).asset.spriteFrames).toBe(10);
  });

  it('extends a render into a child linked to its parent by the provider video id', async () => {
    // Kling extends only what its v1 models made.
    const parent = await settled(env.core, await submit({ model: 'kling-v1-6' }));
    expect(parent.state).toBe('done');
    const child = await settled(env.core, await submit({ taskType: 'extend', parentRenderId: parent.renderId, prompt: 'keep running', aspectRatio: undefined, model: 'kling-v1-6' }));
    expect(child.state).toBe('done');
    const render = (await env.core.dispatch('renders.get', { id: child.renderId! })) as RenderDetail;
    expect(render.parent).toMatchObject({ id: parent.renderId, operation: 'extend' });
    const parentTask = env.sim.state.tasks.get((await detail(parent.id)).providerTaskId!);
    const extendCreate = env.sim.state.creates.find((c) => c.endpoint.includes('video-extend'));
    expect(extendCreate?.body).toMatchObject({ video_id: parentTask!.video!.id });
  });
});

describe('more task types through the engine', () => {
  async function importImage(): Promise<number> {
    const src = tempDir('dailies-src-');
    try {
      makeImage(path.join(src.path, 'first_frame.png'), 1280, 720);
      const { summary } = await importFolder(env.core, src.path);
      return summary.files[0]!.referenceId!;
    } finally {
      src.cleanup();
    }
  }

  it('animates a library image as the first frame, sent inline, and records it on the render', async () => {
    const refId = await importImage();
    const job = await settled(env.core, await submit({ taskType: 'image_to_video', model: 'kling-v1-6', aspectRatio: undefined, references: [{ refId, role: 'first_frame' }] }));
    expect(job.state).toBe('done');
    const create = env.sim.state.creates.find((c) => c.endpoint.includes('image2video'));
    // The image goes as raw base64 (no data: prefix), shortened in the simulator's record.
    // The record also names the image the simulator decoded: the library file, 1280x720.
    expect(String((create?.body as { image?: string }).image)).toMatch(/^[A-Za-z0-9+/]{32}…\(\d+ chars\) png 1280x720$/);
    const refs = env.core.db.prepare('SELECT ref_id, role FROM render_refs WHERE render_id = ?').all(job.renderId);
    expect(refs).toEqual([{ ref_id: refId, role: 'first_frame' }]);
  });

  it('sends a camera move with exactly one non-zero axis', async () => {
    const job = await settled(env.core, await submit({ taskType: 'camera_control', model: 'kling-v1-6', camera: { type: 'simple', config: { zoom: 5 } } }));
    expect(job.state).toBe('done');
    const create = env.sim.state.creates.find((c) => (c.body as { camera_control?: unknown }).camera_control);
    const config = (create!.body as { camera_control: { type: string; config: Record<string, number> } }).camera_control;
    expect(config.type).toBe('simple');
    expect(Object.entries(config.config).filter(([, v]) => v !== 0)).toEqual([['zoom', 5]]);
  });
});

describe('the demo project', () => {
  it('fills an empty library with a project, its shots and one finished take per shot', async () => {
    const { projectId, jobIds } = (await env.core.dispatch('demo.createProject', {})) as { projectId: number; jobIds: number[] };
    expect(jobIds).toHaveLength(3);
    const jobs = await Promise.all(jobIds.map((id) => settled(env.core, id)));
    expect(jobs.map((j) => j.state)).toEqual(['done', 'done', 'done']);
    const shots = env.core.db.prepare('SELECT id FROM shots WHERE project_id = ? ORDER BY position').pluck().all(projectId) as number[];
    expect(jobs.map((j) => j.shotId)).toEqual(shots);
    const page = (await env.core.dispatch('renders.page', { filter: { projectId } })) as { items: unknown[] };
    expect(page.items).toHaveLength(3);
    expect(((await env.core.dispatch('renders.page', { filter: { text: 'wok' } })) as { items: unknown[] }).items).toHaveLength(1);

    // The shot list through the contract, in order, with its columns.
    const listed = (await env.core.dispatch('shots.list', { projectId })) as { id: number; name: string; framing: string }[];
    expect(listed.map((s) => s.id)).toEqual(shots);
    expect(listed[1]).toMatchObject({ name: 'The cook', framing: 'medium close-up' });
    // The project's total is what the provider charged for its three takes, as the budget sees it.
    const charged = (await Promise.all(jobIds.map((id) => detail(id)))).flatMap((d) => d.charges).filter((c) => c.kind === 'actual');
    const total = charged.reduce((sum, c) => sum + c.credits, 0);
    expect(await env.core.dispatch('projects.costs', {})).toEqual([{ projectId, credits: total }]);
    const e = (await env.core.dispatch('jobs.estimate', { spec: textToVideo({ projectId, shotId: shots[0] }) })) as { budget: { spent: number } };
    expect(e.budget.spent).toBe(total);
    // A shot files a take only under its own project.
    const other = (await env.core.dispatch('projects.create', { name: 'Other' })) as { id: number };
    await expect(env.core.dispatch('jobs.estimate', { spec: textToVideo({ projectId: other.id, shotId: shots[0] }) })).rejects.toMatchObject({ code: 'validation' });
    await expect(env.core.dispatch('jobs.estimate', { spec: textToVideo({ shotId: shots[0] }) })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('faults', () => {
  it('stops at once when the account cannot pay, never retrying and charging nothing', async () => {
    fault({ mode: 'next', fault: 'pack_exhausted', endpoint: 'POST /v1/videos/text2video' });
    const job = await settled(env.core, await submit());
    expect(job).toMatchObject({ state: 'failed', errorClass: 'money' });
    expect(job.lastError).toMatch(/top up/);
    const d = await detail(job.id);
    expect(createsFor(d.idempotencyKey)).toBe(1);
    expect(d.charges.filter((c) => c.kind === 'actual').map((c) => c.credits)).toEqual([0]);
  });

  it('backs off on rate and concurrency limits, then succeeds', async () => {
    fault({ mode: 'next', fault: 'rate_limit', count: 2, endpoint: 'POST /v1/videos/text2video' });
    fault({ mode: 'next', fault: 'concurrency', count: 1, endpoint: 'POST /v1/videos/text2video' });
    const job = await settled(env.core, await submit());
    expect(job.state).toBe('done');
    expect(job.attempts).toBeGreaterThanOrEqual(4);
    const d = await detail(job.id);
    expect(d.events.some((e) => /busy; waiting and retrying/.test(e.message))).toBe(true);
  });

  it('rejects a policy violation as terminal and keeps the prompt for rewriting', async () => {
    fault({ mode: 'next', fault: 'policy_reject', endpoint: 'POST /v1/videos/text2video' });
    const job = await settled(env.core, await submit({ prompt: 'something the provider refuses' }));
    expect(job).toMatchObject({ state: 'rejected', errorClass: 'policy', promptText: 'something the provider refuses' });
    expect((await detail(job.id)).spec.prompt).toBe('something the provider refuses');
  });

  it('rejects a task that fails content safety while rendering, uncharged', async () => {
    fault({ mode: 'next', fault: 'policy_fail' });
    const job = await settled(env.core, await submit());
    expect(job).toMatchObject({ state: 'rejected', errorClass: 'policy' });
    expect((await detail(job.id)).charges.find((c) => c.kind === 'actual')?.credits).toBe(0);
  });

  it('retries server errors and unreadable answers until the task is through', async () => {
    fault({ mode: 'next', fault: 'unavailable', endpoint: 'POST /v1/videos/text2video' });
    fault({ mode: 'next', fault: 'malformed_json', endpoint: 'GET /v1/videos/text2video', count: 2 });
    fault({ mode: 'next', fault: 'server_error', endpoint: 'GET /v1/videos/text2video' });
    const job = await settled(env.core, await submit());
    expect(job.state).toBe('done');
    expect(createsFor((await detail(job.id)).idempotencyKey)).toBeLessThanOrEqual(2);
    expect(env.sim.state.tasks.size).toBe(1);
  });

  it('never submits twice when the answer to a create is lost: it looks the task up instead', async () => {
    fault({ mode: 'next', fault: 'connection_reset', phase: 'after', endpoint: 'POST /v1/videos/text2video' });
    const job = await settled(env.core, await submit());
    expect(job.state).toBe('done');
    const d = await detail(job.id);
    expect(createsFor(d.idempotencyKey)).toBe(1);
    expect(env.sim.state.tasks.size).toBe(1);
    expect(d.events.some((e) => /already accepted; not sending it again/.test(e.message))).toBe(true);
  });

  it('resumes a truncated download with Range and stores the complete file', async () => {
    fault({ mode: 'next', fault: 'truncated_download', endpoint: '/results' });
    const job = await settled(env.core, await submit());
    expect(job.state).toBe('done');
    const render = (await env.core.dispatch('renders.get', { id: job.renderId! })) as RenderDetail;
    const task = env.sim.state.tasks.get((await detail(job.id)).providerTaskId!);
    expect(readFileSync(mediaPath(env.core.layout, render.sha256, 'mp4')).equals(readFileSync(task!.video!.file))).toBe(true);
  });

  it('fails clearly when the result link has expired and the provider has no other', async () => {
    fault({ mode: 'rate', rate: 1, fault: 'expired_url', endpoint: '/results' });
    const job = await settled(env.core, await submit());
    expect(job).toMatchObject({ state: 'failed', errorClass: 'download' });
    expect(job.lastError).toMatch(/expired.*gone/s);
  });

  it('waits as offline while the provider is unreachable and resumes by itself', async () => {
    await env.core.close();
    let reachable = false;
    env.core = openJobsCore(env.lib.path, () => (reachable ? env.sim.baseUrl : 'http://127.0.0.1:9'));
    const jobId = await submit();
    const waiting = await until(env.core, jobId, (j) => j.errorClass === 'offline');
    expect(waiting.state).toBe('queued');
    expect(waiting.lastError).toMatch(/resuming by itself/);
    reachable = true;
    expect((await settled(env.core, jobId)).state).toBe('done');
  });

  it('cancels a job while the provider renders it', async () => {
    env.sim.state.timing.processingMs = 5_000;
    const jobId = await submit();
    await until(env.core, jobId, (j) => j.state === 'submitted' || j.state === 'running');
    const cancelled = (await env.core.dispatch('jobs.cancel', { id: jobId })) as { state: string };
    expect(cancelled.state).toBe('cancelled');
    await expect(env.core.dispatch('jobs.cancel', { id: jobId })).rejects.toMatchObject({ code: 'conflict' });
    const retry = (await env.core.dispatch('jobs.retry', { id: jobId })) as { jobId: number };
    expect(retry.jobId).not.toBe(jobId);
  });
});

describe('what is refused before anything is sent', () => {
  it('reports each problem with the field to change, and creates no job', async () => {
    const reply = await env.core.reply('jobs.submit', { spec: textToVideo({ durationS: 7, prompt: 'x'.repeat(3000) }) });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('validation');
    expect(reply.error.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(['spec.prompt', 'spec.durationS']));
    expect(await env.core.dispatch('jobs.list', {})).toEqual([]);
    expect(env.sim.state.creates).toEqual([]);
  });

  it('warns before a submit that would pass the project budget', async () => {
    const project = (await env.core.dispatch('projects.create', { name: 'Spot' })) as { id: number };
    env.core.db.prepare('UPDATE projects SET budget_credits = 1 WHERE id = ?').run(project.id);
    const e = (await env.core.dispatch('jobs.estimate', { spec: textToVideo({ projectId: project.id }) })) as { budget: { wouldExceed: boolean } };
    expect(e.budget.wouldExceed).toBe(true);
    await expect(env.core.dispatch('jobs.submit', { spec: textToVideo({ projectId: project.id }) })).rejects.toMatchObject({ code: 'conflict' });
    const ok = (await env.core.dispatch('jobs.submit', { spec: textToVideo({ projectId: project.id }), confirmOverBudget: true })) as { jobId: number };
    expect(ok.jobId).toBeGreaterThan(0);
  });
});

// A create whose answer is lost (the simulator takes the task, then cuts the connection) with a
// provider that offers no lookup by a client key: the job is never re-sent blind. It waits as
// "unconfirmed" for the user; Send again makes exactly one new task, Drop ends it uncharged.
// Real engine, real HTTP to the simulator speaking each provider's wire format.
import { describe, expect, it } from 'vitest';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { settled, until } from '../helpers/jobs.js';
import { jobDetail, submitJob, useSimProvider } from '../helpers/providers.js';

const CASES: { provider: string; label: string; spec: Omit<GenerationSpecInput, 'accountId'> }[] = [
  { provider: 'veo', label: 'Veo', spec: { model: 'veo-3.1-generate-preview', taskType: 'text_to_video', durationS: 8, aspectRatio: '16:9', prompt: 'a lighthouse in a storm' } },
  { provider: 'sora', label: 'Sora', spec: { model: 'sora-2', taskType: 'text_to_video', durationS: 4, aspectRatio: '16:9', prompt: 'a paper boat on a rainy street' } },
  { provider: 'luma', label: 'Luma', spec: { model: 'ray-flash-2', taskType: 'text_to_video', durationS: 5, aspectRatio: '1:1', resolution: '540p', prompt: 'a koi pond at dawn' } },
  { provider: 'runway', label: 'Runway', spec: { model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 8, prompt: 'a lighthouse at dusk' } },
  { provider: 'minimax', label: 'MiniMax Hailuo', spec: { model: 'MiniMax-Hailuo-02', taskType: 'text_to_video', durationS: 6, resolution: '1080P', prompt: 'a lighthouse at dusk' } },
  { provider: 'pika', label: 'Pika', spec: { model: 'pika-v2.5', taskType: 'text_to_video', durationS: 5, prompt: 'a lighthouse at dusk' } },
];

describe.each(CASES)('$provider: a lost create answer is never re-sent blind', ({ provider, label, spec }) => {
  const env = useSimProvider(provider);
  const tasks = () => [...env.sim.state.tasks.values()].filter((t) => t.provider === provider);

  /** Submits, loses the create's answer after the simulator took the task, and waits for the job to park. */
  async function lose(): Promise<number> {
    // The first request of this provider's account is the create (text to video needs nothing first).
    env.sim.state.faults.add({ mode: 'next', fault: 'connection_reset', phase: 'after', provider });
    const id = await submitJob(env.core, { accountId: env.account, ...spec });
    const parked = await until(env.core, id, (j) => j.state === 'unconfirmed');
    expect(parked.errorClass).toBe('unconfirmed');
    expect(parked.lastError).toMatch(new RegExp(`answer was lost — it may be running and charged at ${label}`));
    // The engine settles with the job parked: nothing more is sent on its own.
    await env.core.jobs.idle();
    expect(tasks()).toHaveLength(1);
    return id;
  }

  it('waits for the user; Send again makes exactly one new task, which lands with one charge', async () => {
    const id = await lose();
    const decided = await env.core.dispatch('jobs.decide', { id, decision: 'send_again' });
    expect(decided).toMatchObject({ state: 'queued' });
    const job = await settled(env.core, id);
    expect(job.state).toBe('done');
    expect(tasks()).toHaveLength(2);
    const d = await jobDetail(env.core, id);
    // The job follows the new task; the ledger books its one charge.
    expect(d.providerTaskId).toContain(tasks()[1]!.taskId);
    expect(d.providerTaskId).not.toContain(tasks()[0]!.taskId);
    expect(d.charges.filter((c) => c.kind === 'actual')).toHaveLength(1);
    expect(d.events.some((e) => /Sending again at your request/.test(e.message))).toBe(true);
    // A second decision on a job that is no longer waiting is refused, not acted on.
    await expect(env.core.dispatch('jobs.decide', { id, decision: 'send_again' })).rejects.toMatchObject({ code: 'conflict' });
    expect(tasks()).toHaveLength(2);
  });

  it('Drop ends the job cancelled with the reason and a zero charge, sending nothing', async () => {
    const id = await lose();
    const dropped = await env.core.dispatch('jobs.decide', { id, decision: 'drop' });
    expect(dropped).toMatchObject({ state: 'cancelled', errorClass: 'cancelled', actualCredits: 0 });
    expect((dropped as { lastError: string }).lastError).toMatch(new RegExp(`Dropped by you: not sent again. If the earlier send reached ${label}`));
    const d = await jobDetail(env.core, id);
    expect(d.charges.filter((c) => c.kind === 'actual').map((c) => c.credits)).toEqual([0]);
    await env.core.jobs.idle();
    expect(tasks()).toHaveLength(1);
  });

  it('Cancel on a job waiting for the decision drops it, as Drop does', async () => {
    const id = await lose();
    const cancelled = await env.core.dispatch('jobs.cancel', { id });
    expect(cancelled).toMatchObject({ state: 'cancelled', errorClass: 'cancelled', actualCredits: 0 });
    expect((cancelled as { lastError: string }).lastError).toMatch(/Dropped by you: not sent again/);
    await env.core.jobs.idle();
    expect(tasks()).toHaveLength(1);
  });
});

// Luma echoes each generation's request, callback_url included, in GET /generations. With a
// public callback address set, every job sends its own, and a lost answer is reconciled by
// finding that address in the list: the job resumes instead of waiting for the user.
describe('luma with a public callback address: a lost create answer is looked for in the list', () => {
  const env = useSimProvider('luma');
  const spec = CASES.find((c) => c.provider === 'luma')!.spec;
  const tasks = () => [...env.sim.state.tasks.values()].filter((t) => t.provider === 'luma');
  const creates = () => env.sim.state.creates.filter((c) => c.provider === 'luma');
  // Loopback is the one plain-http address allowed; port 9 refuses at once, so Luma's calls there just fail.
  const base = 'http://127.0.0.1:9';

  it('finds the generation the create made and resumes it: one task, one charge, never parked', async () => {
    await env.core.dispatch('jobs.setCallbackBase', { publicBaseUrl: base });
    env.sim.state.faults.add({ mode: 'next', fault: 'connection_reset', phase: 'after', provider: 'luma' });
    const id = await submitJob(env.core, { accountId: env.account, ...spec });
    const job = await settled(env.core, id);
    expect(job.state).toBe('done');
    expect(tasks()).toHaveLength(1);
    expect(creates()).toHaveLength(1);
    const d = await jobDetail(env.core, id);
    // The create carried the job's own address, and that is what the list was searched for.
    const uid = env.core.db.prepare('SELECT uid FROM jobs WHERE id = ?').pluck().get(id) as string;
    expect((creates()[0]!.body as { callback_url?: string }).callback_url).toMatch(new RegExp(`^${base}/callbacks/${uid}/`));
    expect(d.providerTaskId).toContain(tasks()[0]!.taskId);
    expect(d.events.some((e) => /Found the task the provider had already accepted; not sending it again/.test(e.message))).toBe(true);
    expect(d.events.some((e) => e.toState === 'unconfirmed')).toBe(false);
    expect(d.charges.filter((c) => c.kind === 'actual')).toHaveLength(1);
  });

  it('a create that made nothing is not in the list: the job waits for the user, nothing is sent again', async () => {
    await env.core.dispatch('jobs.setCallbackBase', { publicBaseUrl: base });
    // The connection is cut before Luma takes the request: no generation, but the client cannot know that.
    env.sim.state.faults.add({ mode: 'next', fault: 'connection_reset', phase: 'before', provider: 'luma' });
    const id = await submitJob(env.core, { accountId: env.account, ...spec });
    const parked = await until(env.core, id, (j) => j.state === 'unconfirmed');
    expect(parked.lastError).toMatch(/answer was lost — it may be running and charged at Luma/);
    await env.core.jobs.idle();
    const d = await jobDetail(env.core, id);
    expect(d.events.at(-1)!.message).toMatch(/It is not among Luma Dream Machine's latest tasks, but a listing cannot prove it was never made/);
    expect(tasks()).toHaveLength(0);
    expect(creates()).toHaveLength(1);
  });
});

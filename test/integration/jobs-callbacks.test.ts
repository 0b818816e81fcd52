// Provider callbacks over real HTTP: the simulator POSTs Kling's callback body to the job's
// callback URL on the serve host, which only makes the engine re-query the task. Polling is
// slowed to a minute, so a job that finishes here finished because of its callbacks, and a
// forged callback can at most cause an early query whose answer the provider gives.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import { startServeHost, type ServeHost } from '../../main/serve/server.js';
import { callbackUrlFor, publicCallbackBase } from '../../main/jobs/callbacks.js';
import { startCallbackListener } from '../../main/jobs/callback-listener.js';
import type { JobDetail, JobSummary } from '../../shared/jobs.js';
import { openJobsCore, settled, startSimulator, textToVideo, until } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

const SLOW_POLL = { pollMinMs: 60_000, pollMaxMs: 60_000, idleMs: 60_000 };

let lib: ReturnType<typeof tempDir>;
let ui: ReturnType<typeof tempDir>;
let sim: KlingSimulator;
let core: Core;
let host: ServeHost;

async function open(simOpts: Parameters<typeof startSimulator>[0] = {}) {
  sim = await startSimulator(simOpts);
  core = openJobsCore(lib.path, sim, { timing: SLOW_POLL });
  host = await startServeHost({ core, rendererDir: ui.path });
}

beforeEach(() => {
  lib = tempDir('dailies-lib-');
  ui = tempDir('dailies-ui-');
});
afterEach(async () => {
  await host?.close();
  await core?.close();
  await sim?.close();
  lib.cleanup();
  ui.cleanup();
});

const base = () => `http://127.0.0.1:${host.port}`;
const submit = async () => ((await core.dispatch('jobs.submit', { spec: textToVideo() })) as { jobId: number }).jobId;
const detail = async (id: number) => (await core.dispatch('jobs.get', { id })) as JobDetail;
const uidOf = (id: number) => (core.db.prepare('SELECT uid FROM jobs WHERE id = ?').get(id) as { uid: string }).uid;
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
/** A POST to our port carrying some other Host header (what a tunnel, or a rebinding page, sends). */
const postAs = (hostHeader: string, path: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { Host: hostHeader, 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });

describe('provider callbacks', () => {
  it('finishes a job through its callbacks while polling waits a minute', async () => {
    await open();
    await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: base() });
    const jobId = await submit();
    const job = await settled(core, jobId, 20_000);
    expect(job.state).toBe('done');
    expect(job.renderId).not.toBeNull();
    // Kling was given this job's own callback address, and used it.
    const key = (await detail(jobId)).idempotencyKey;
    const create = sim.state.creates.find((c) => c.externalTaskId === key);
    const url = (create?.body as { callback_url?: string }).callback_url;
    expect(url).toBe(callbackUrlFor(core.db, uidOf(jobId)));
    expect(url!.startsWith(`${base()}/callbacks/`)).toBe(true);
    expect(sim.state.callbacks.filter((c) => c.url === url && c.ok).map((c) => c.status)).toContain('succeed');
    // Once the job has ended its secret has expired: 404, and nothing about the job changes.
    const before = await detail(jobId);
    expect((await post(url!, { data: { task_status: 'failed' } })).status).toBe(404);
    expect(await detail(jobId)).toEqual(before);
  });

  it('sends no callback_url and polls when no public address is set', async () => {
    await open();
    const jobId = await submit();
    await until(core, jobId, (j) => j.state === 'submitted' || j.state === 'running');
    expect(sim.state.creates).toHaveLength(1);
    expect(sim.state.creates[0]!.body).not.toHaveProperty('callback_url');
    expect(sim.state.callbacks).toEqual([]);
  });

  it('ignores forged callbacks: a wrong secret or unknown job gets 404, a lying body only an early query', async () => {
    // The task stays "processing" at the provider for the whole test.
    await open({ processingMs: 600_000 });
    await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: base() });
    const jobId = await submit();
    // Settled: running, and polled after the provider's own "processing" callback was answered.
    const processing = await until(core, jobId, () => sim.state.callbacks.some((c) => c.status === 'processing' && c.ok));
    const since = sim.state.callbacks.find((c) => c.status === 'processing')!.at;
    const running = await until(core, jobId, (j) => j.state === 'running' && (j.nextAttemptAt ?? 0) >= since + SLOW_POLL.pollMinMs);
    expect(processing.renderId).toBeNull();
    const uid = uidOf(jobId);
    const good = callbackUrlFor(core.db, uid)!;
    const taskId = (await detail(jobId)).providerTaskId!;
    const lie = {
      code: 0, message: 'SUCCEED', request_id: 'x',
      data: { task_id: taskId, task_status: 'succeed', task_result: { videos: [{ id: 'v', url: `${sim.baseUrl}/results/forged.mp4`, duration: '5' }] }, final_unit_deduction: '0' },
    };

    const wrongSecret = await post(`${base()}/callbacks/${uid}/${'A'.repeat(43)}`, lie);
    expect(wrongSecret.status).toBe(404);
    const unknownJob = await post(`${base()}/callbacks/${randomUUID()}/${good.split('/').pop()}`, lie);
    expect(unknownJob.status).toBe(404);
    expect((await post(`${base()}/callbacks/nonsense`, lie)).status).toBe(404);
    // Nothing was made due: the next poll is still the one scheduled before.
    expect(((await core.dispatch('jobs.get', { id: jobId })) as JobSummary).nextAttemptAt).toBe(running.nextAttemptAt);

    // The right address with a body claiming success: the engine asks Kling, which says "processing".
    const forged = await post(good, lie);
    expect(forged.status).toBe(200);
    const after = await until(core, jobId, (j) => j.nextAttemptAt !== running.nextAttemptAt);
    expect(after.state).toBe('running');
    expect(after.renderId).toBeNull();
    expect((await detail(jobId)).charges.map((c) => c.kind)).toEqual(['estimate']);
    expect(sim.state.tasks.get(taskId)!.status).toBe('processing');
  });

  it('takes a callback only with our own Host header or the public base host (no DNS rebinding)', async () => {
    await open({ processingMs: 600_000 });
    await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: 'https://tunnel.example.com' });
    const jobId = await submit();
    const running = await until(core, jobId, (j) => j.state === 'running' || j.state === 'submitted');
    const path = new URL(callbackUrlFor(core.db, uidOf(jobId))!).pathname;
    expect(await postAs('evil.example', path)).toBe(421);
    expect(((await core.dispatch('jobs.get', { id: jobId })) as JobSummary).nextAttemptAt).toBe(running.nextAttemptAt);
    // The tunnel passes the public Host through: accepted, and the job is asked about at once.
    expect(await postAs('tunnel.example.com', path)).toBe(200);
    expect(await postAs(`127.0.0.1:${host.port}`, path)).toBe(200);
  });

  it('refuses a plain http:// public callback URL except loopback, and keeps the one set before', async () => {
    await open();
    await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: 'https://tunnel.example.com/' });
    const refused = await core.reply('jobs.setCallbackBase', { publicBaseUrl: 'http://tunnel.example.com' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('validation');
      expect(refused.error.message).toMatch(/publicBaseUrl: Plain http:\/\/ would send each job.s callback secret unencrypted/);
    }
    expect(publicCallbackBase(core.db)).toBe('https://tunnel.example.com');
    for (const ok of ['http://127.0.0.1:7001', 'http://localhost:7001/dailies', 'https://t.example.net/x']) {
      expect((await core.reply('jobs.setCallbackBase', { publicBaseUrl: ok })).ok).toBe(true);
    }
    for (const bad of ['ftp://tunnel.example.com', 'https://u:p@tunnel.example.com', 'https://t.example.com/?a=1', 'not a url']) {
      expect((await core.reply('jobs.setCallbackBase', { publicBaseUrl: bad })).ok, bad).toBe(false);
    }
    expect(publicCallbackBase(core.db)).toBe('https://t.example.net/x');
    await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: null });
    expect(publicCallbackBase(core.db)).toBeNull();
  });

  it('answers 503 when the library is closing under a callback, and the host keeps serving', async () => {
    await open();
    await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: base() });
    const url = callbackUrlFor(core.db, randomUUID())!;
    await core.close();
    const res = await post(url, {});
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/could not take this callback/);
    // Still answering: the token check of an ordinary request.
    expect((await fetch(`${base()}/api/events`)).status).toBe(401);
  });
});

describe('desktop callback listener', () => {
  it('listens on 127.0.0.1 only and finishes a job when the simulator calls it', async () => {
    sim = await startSimulator();
    core = openJobsCore(lib.path, sim, { timing: SLOW_POLL });
    const listener = await startCallbackListener(core);
    try {
      const port = Number(new URL(listener.url).port);
      expect(listener.url).toBe(`http://127.0.0.1:${port}`);
      expect(core.callbackLocalUrl).toBe(listener.url);
      // Not reachable on any other interface this machine has.
      const others = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4');
      for (const a of others) {
        const refused = await new Promise<boolean>((resolve) => {
          const sock = connect({ host: a!.address, port }, () => (sock.destroy(), resolve(false)));
          sock.on('error', () => resolve(true));
        });
        expect(refused, a!.address).toBe(true);
      }
      // Only the callback route: anything else is a 404.
      expect((await fetch(`${listener.url}/api/events`)).status).toBe(404);
      await core.dispatch('jobs.setCallbackBase', { publicBaseUrl: listener.url });
      const jobId = await submit();
      const job = await settled(core, jobId, 20_000);
      expect(job.state).toBe('done');
      const url = callbackUrlFor(core.db, uidOf(jobId))!;
      expect(url.startsWith(`${listener.url}/callbacks/`)).toBe(true);
      expect(sim.state.callbacks.filter((c) => c.url === url && c.ok).map((c) => c.status)).toContain('succeed');
    } finally {
      await listener.close();
    }
  });
});

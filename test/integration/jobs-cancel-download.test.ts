// Cancelling while the result downloads: the simulator's stalled_download fault sends half the
// file and then holds the connection, so the cancel surely lands mid-transfer. The job ends
// 'cancelled' saying why, nothing half-made is left in the library's tmp folder or store, and
// the charge the provider already made for the finished task stays, booked once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import { partialPath } from '../../main/jobs/download.js';
import type { JobDetail } from '../../shared/jobs.js';
import { openJobsCore, startSimulator, textToVideo, until } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let sim: KlingSimulator;
let core: Core;

beforeEach(async () => {
  lib = tempDir('dailies-lib-');
  sim = await startSimulator();
  // A long request timeout: the stalled transfer must still be in progress when we cancel.
  core = openJobsCore(lib.path, sim, { timing: { requestTimeoutMs: 120_000 } });
});
afterEach(async () => {
  await core.close();
  await sim.close();
  lib.cleanup();
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

it('cancels mid-download: no partial file anywhere, the provider charge kept once and explained', async () => {
  sim.state.faults.add({ mode: 'next', fault: 'stalled_download', endpoint: '/results' });
  const jobId = ((await core.dispatch('jobs.submit', { spec: textToVideo() })) as { jobId: number }).jobId;
  const uid = (core.db.prepare('SELECT uid FROM jobs WHERE id = ?').get(jobId) as { uid: string }).uid;
  const part = partialPath(core.layout.tmp, uid);
  // Half the bytes are on disk and the rest will not come: the download is in progress.
  await until(core, jobId, (j) => j.state === 'downloading' && (j.progress ?? 0) > 0 && existsSync(part) && statSync(part).size > 0);
  const before = (await core.dispatch('jobs.get', { id: jobId })) as JobDetail;
  expect(before.charges.map((c) => c.kind)).toEqual(['estimate', 'actual']);

  const cancelled = (await core.dispatch('jobs.cancel', { id: jobId })) as { state: string };
  expect(cancelled.state).toBe('cancelled');
  await core.jobs.idle();

  const job = (await core.dispatch('jobs.get', { id: jobId })) as JobDetail;
  const task = sim.state.tasks.get(job.providerTaskId!)!;
  expect(job).toMatchObject({ state: 'cancelled', errorClass: 'cancelled', renderId: null });
  expect(job.lastError).toBe(`The provider had already made the video and charged ${task.charged} credits; that charge stays. The partial download was discarded.`);
  expect(job.events.at(-1)).toMatchObject({ fromState: 'downloading', toState: 'cancelled' });
  expect(job.events.at(-1)!.message).toMatch(/^Cancelled by you while downloading\. .* Retry makes the video again as a new task \(charged again\)\.$/);
  // The charge rule: the provider's charge for the finished task stays, booked exactly once.
  expect(job.charges.map((c) => [c.kind, c.credits])).toEqual([['estimate', job.estimateCredits], ['actual', task.charged]]);
  expect(job.actualCredits).toBe(task.charged);

  // Nothing half-made: no partial in tmp, nothing in the store, no render.
  expect(existsSync(part)).toBe(false);
  expect(filesUnder(core.layout.tmp)).toEqual([]);
  expect(filesUnder(core.layout.media)).toEqual([]);
  expect(core.db.prepare('SELECT count(*) AS n FROM renders').get()).toEqual({ n: 0 });
  // The simulator served the file once (the stalled transfer): no download was started again.
  expect(sim.state.faults.fired.filter((f) => f.fault === 'stalled_download')).toHaveLength(1);
});

// Cancelling while the result downloads: the simulator's stalled_download fault sends half the
// file and then holds the connection, so the cancel surely lands mid-transfer. The job ends
// 'cancelled' saying why, nothing half-made is left in the library's tmp folder or store, and
// the charge the provider already made for the finished task stays, booked once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { partialPath } from '../../main/jobs/download.js';
import type { JobDetail } from '../../shared/jobs.js';
import { textToVideo, until, useJobsCore } from '../helpers/jobs.js';

// A long request timeout: the stalled transfer must still be in progress when we cancel.
const env = useJobsCore({ core: { timing: { requestTimeoutMs: 120_000 } } });

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

it('cancels mid-download: no partial file anywhere, the provider charge kept once and explained', async () => {
  env.sim.state.faults.add({ mode: 'next', fault: 'stalled_download', endpoint: '/results' });
  const jobId = ((await env.core.dispatch('jobs.submit', { spec: textToVideo() })) as { jobId: number }).jobId;
  const uid = (env.core.db.prepare('SELECT uid FROM jobs WHERE id = ?').get(jobId) as { uid: string }).uid;
  const part = partialPath(env.core.layout.tmp, uid);
  // Half the bytes are on disk and the rest will not come: the download is in progress.
  await until(env.core, jobId, (j) => j.state === 'downloading' && (j.progress ?? 0) > 0 && existsSync(part) && statSync(part).size > 0);
  const before = (await env.core.dispatch('jobs.get', { id: jobId })) as JobDetail;
  expect(before.charges.map((c) => c.kind)).toEqual(['estimate', 'actual']);

  const cancelled = (await env.core.dispatch('jobs.cancel', { id: jobId })) as { state: string };
  expect(cancelled.state).toBe('cancelled');
  await env.core.jobs.idle();

  const job = (await env.core.dispatch('jobs.get', { id: jobId })) as JobDetail;
  const task = env.sim.state.tasks.get(job.providerTaskId!)!;
  expect(job).toMatchObject({ state: 'cancelled', errorClass: 'cancelled', renderId: null });
  expect(job.lastError).toBe(`The provider had already made the video and charged ${task.charged} credits; that charge stays. The partial download was discarded.`);
  expect(job.events.at(-1)).toMatchObject({ fromState: 'downloading', toState: 'cancelled' });
  expect(job.events.at(-1)!.message).toMatch(/^Cancelled by you while downloading\. .* Retry makes the video again as a new task \(charged again\)\.$/);
  // The charge rule: the provider's charge for the finished task stays, booked exactly once.
  expect(job.charges.map((c) => [c.kind, c.credits])).toEqual([['estimate', job.estimateCredits], ['actual', task.charged]]);
  expect(job.actualCredits).toBe(task.charged);

  // Nothing half-made: no partial in tmp, nothing in the store, no render.
  expect(existsSync(part)).toBe(false);
  expect(filesUnder(env.core.layout.tmp)).toEqual([]);
  expect(filesUnder(env.core.layout.media)).toEqual([]);
  expect(env.core.db.prepare('SELECT count(*) AS n FROM renders').get()).toEqual({ n: 0 });
  // The simulator served the file once (the stalled transfer): no download was started again.
  expect(env.sim.state.faults.fired.filter((f) => f.fault === 'stalled_download')).toHaveLength(1);
});

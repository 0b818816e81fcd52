// A bundle that holds a job still waiting or at work in its source library (a hand-made
// manifest, or one from another Dailies): the importing library must not act on a job another
// library owns. Each such job arrives as ended history — cancelled, saying why, with its
// provider ids and charges — and this library's running engine sends nothing for it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import { exportBundle } from '../../main/bundles/export.js';
import { importBundle, previewBundle } from '../../main/bundles/import.js';
import type { Manifest } from '../../main/bundles/manifest.js';
import { newUid } from '../../main/catalogue/uid.js';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import type { EditContext } from '../../shared/channels/edit.js';
import type { JobDetail, JobSummary } from '../../shared/jobs.js';
import { openTestCore } from '../helpers/core.js';
import { buildSampleProject, type SampleProject } from '../helpers/bundle-library.js';
import { openJobsCore, startSimulator } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

const WAITING = ['queued', 'submitting', 'unconfirmed', 'submitted', 'running', 'downloading'] as const;

let work: ReturnType<typeof tempDir>;
let a: Core;
let b: Core;
let sim: KlingSimulator;
let sample: SampleProject;

beforeEach(async () => {
  work = tempDir('dailies-bundle-waiting-');
  sim = await startSimulator();
  a = openTestCore(path.join(work.path, 'lib-a'));
  // The importing library runs its job engine against a live simulator: anything it sent would show there.
  b = openJobsCore(path.join(work.path, 'lib-b'), sim);
  sample = await buildSampleProject(a, path.join(work.path, 'src'));
});
afterEach(async () => {
  await a.close();
  await b.close();
  await sim.close();
  work.cleanup();
});

/** A folder bundle of the sample project whose manifest also carries one job in each waiting state. */
async function bundleWithWaitingJobs(): Promise<{ destination: string; waiting: Manifest['jobs'] }> {
  const { destination } = await exportBundle(a, { projectIds: [sample.projectId], destination: path.join(work.path, 'out', 'fox'), layout: 'folder' });
  const file = path.join(destination, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  // Export itself leaves such jobs behind; the bundle is edited as another Dailies might have written it.
  expect(m.jobs.every((j) => ['done', 'failed', 'rejected', 'cancelled'].includes(j.state))).toBe(true);
  const template = m.jobs.find((j) => j.state === 'failed')!;
  const waiting = WAITING.map((state, i) => ({
    ...template, uid: newUid(), idempotencyKey: newUid(), state, providerTaskId: i < 2 ? null : `remote-task-${state}`,
    errorClass: state === 'unconfirmed' ? 'unconfirmed' : null, lastError: null, attempts: 1,
  }));
  m.jobs.push(...waiting);
  const at = Date.now();
  m.charges.push(...waiting.map((j) => ({ jobUid: j.uid, kind: 'estimate' as const, credits: 35, provider: 'kling', note: 'estimate', createdAt: at })));
  // The one that was downloading had been charged by the provider already.
  m.charges.push({ jobUid: waiting.at(-1)!.uid, kind: 'actual', credits: 35, provider: 'kling', note: 'Charged by the provider', createdAt: at + 1 });
  writeFileSync(file, JSON.stringify(m));
  return { destination, waiting };
}

describe('bundle import of jobs still waiting or at work in the source library', () => {
  it('imports them as ended history (cancelled, with the reason, ids and charges kept) and sends nothing', async () => {
    const { destination, waiting } = await bundleWithWaitingJobs();
    // Every request the importing library could make to the provider would be answered (and recorded) as a 500.
    sim.state.faults.add({ mode: 'rate', fault: 'server_error', rate: 1 });

    const preview = await previewBundle(b, destination);
    expect(preview.plan.conflicts.filter((c) => c.entity === 'jobs').map((c) => c.detail).sort()).toEqual(
      WAITING.map((s) => `was ${s} in the source library; imported as ended history (cancelled), not resumed here`).sort(),
    );

    const res = await importBundle(b, destination);
    expect(res.plan.counts.jobs.added).toBe(1 + 3 + WAITING.length);
    await b.jobs.idle();

    for (const [i, j] of waiting.entries()) {
      const id = b.db.prepare('SELECT id FROM jobs WHERE uid = ?').pluck().get(j.uid) as number;
      const d = (await b.dispatch('jobs.get', { id })) as JobDetail;
      expect(d.state).toBe('cancelled');
      expect(d.errorClass).toBe('cancelled');
      expect(d.lastError).toBe(
        `Imported from a bundle while ${WAITING[i]} in the source library — not resumed here. That library follows the task; `
        + 'nothing is sent or checked from this one. Provider ids and charges are kept as the bundle had them.',
      );
      expect(d.events.at(-1)).toMatchObject({ fromState: WAITING[i], toState: 'cancelled' });
      if (j.providerTaskId) expect(d.providerTaskId).toContain(j.providerTaskId);
      else expect(d.providerTaskId).toBeNull();
      expect(d.charges.map((c) => [c.kind, c.credits])).toEqual(
        WAITING[i] === 'downloading' ? [['estimate', 35], ['actual', 35]] : [['estimate', 35]],
      );
    }
    // Nothing was sent, looked up or polled for them, and none waits for a decision here.
    expect(sim.state.faults.fired).toEqual([]);
    expect(sim.state.creates).toEqual([]);
    expect(b.db.prepare(`SELECT count(*) FROM jobs WHERE state NOT IN ('done', 'failed', 'rejected', 'cancelled')`).pluck().get()).toBe(0);
    await expect(b.dispatch('jobs.decide', { id: b.db.prepare('SELECT id FROM jobs WHERE uid = ?').pluck().get(waiting[2]!.uid) as number, decision: 'send_again' }))
      .rejects.toMatchObject({ code: 'conflict' });
    expect(sim.state.creates).toEqual([]);

    // Importing the same bundle again changes nothing; the state difference is listed, the local row kept.
    const again = await importBundle(b, destination);
    expect(again.plan.counts.jobs.added).toBe(0);
    expect(b.db.prepare(`SELECT count(*) FROM jobs WHERE state = 'cancelled'`).pluck().get()).toBe(WAITING.length);
  });

  it("never sends an imported generation again: Retry, Try on and the edits refuse it, saying why", async () => {
    const { destination } = await exportBundle(a, { projectIds: [sample.projectId], destination: path.join(work.path, 'out', 'fox'), layout: 'folder' });
    await importBundle(b, destination);
    const jobs = (await b.dispatch('jobs.list', {})) as JobSummary[];
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.imported)).toBe(true);

    const ended = jobs.filter((j) => ['failed', 'rejected', 'cancelled'].includes(j.state));
    expect(ended.length).toBeGreaterThan(0);
    for (const j of ended) {
      await expect(b.dispatch('jobs.retry', { id: j.id })).rejects.toMatchObject({
        code: 'conflict', message: expect.stringContaining(`Job ${j.id} came from a bundle`),
      });
    }
    const take = jobs.find((j) => j.renderId !== null)!.renderId!;
    await expect(b.dispatch('renders.tryOn', { renderId: take, accountId: 'demo', model: 'kling-v2-6' })).rejects.toMatchObject({
      code: 'validation', message: expect.stringContaining(`Render ${take} came from a bundle`),
    });
    // The edit dialogs learn there is no generation to build on (they say "only for renders generated here").
    expect(((await b.dispatch('edit.context', { renderId: take })) as EditContext).spec).toBeNull();
    await b.jobs.idle();
    expect(sim.state.creates).toEqual([]);
    expect(b.db.prepare('SELECT count(*) FROM jobs').pluck().get()).toBe(jobs.length);
  });
});


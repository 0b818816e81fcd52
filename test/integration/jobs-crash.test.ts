// Kill the engine's process at random moments while it submits, polls and downloads, start it
// again, and check what a user relies on: no task submitted twice, no render lost, no half
// file in the store, a sound database. Every trial runs Kling (looked up by our key after a
// crash) beside Veo and Runway, which offer no lookup by a key of ours: a job killed between
// sending and storing the answer must wait as 'unconfirmed', never be sent again blind.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import type { ChildProvider } from '../helpers/engine-child.js';
import { startSimulator } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

const KILLS = 50;
const JOBS_PER_BATCH = 4;
/** Providers without lookup, with how many jobs each batch submits and where their create goes. */
const NO_LOOKUP = {
  veo: { perBatch: 1, create: 'predictLongRunning', spec: { model: 'veo-3.1-fast-generate-preview', taskType: 'text_to_video', durationS: 4, aspectRatio: '16:9' } },
  runway: { perBatch: 1, create: 'POST /v1/text_to_video', spec: { model: 'veo3.1_fast', taskType: 'text_to_video', durationS: 4, aspectRatio: '16:9' } },
} as const;
type NoLookup = keyof typeof NO_LOOKUP;
const child = path.resolve(import.meta.dirname, '../helpers/engine-child.ts');

let lib: ReturnType<typeof tempDir>;
let sim: KlingSimulator;
/** The engine process running now, if any. */
let current: ChildProcess | null = null;
beforeAll(async () => {
  lib = tempDir('dailies-crash-');
  // Quick renders so a kill lands in every phase: sending, polling, downloading, storing.
  sim = await startSimulator({ queueDelayMs: 20, processingMs: 40, seed: 11 });
  // A share of creates takes the task and then never answers (until the engine's request times
  // out, far later than any kill): a kill then lands between sending and storing the answer.
  // Each provider's first create surely does, so the trials cover the parked path even on a slow machine.
  for (const [provider, p] of Object.entries(NO_LOOKUP)) {
    sim.state.faults.add({ mode: 'next', fault: 'timeout', phase: 'after', provider, endpoint: p.create });
    sim.state.faults.add({ mode: 'rate', rate: 0.3, fault: 'timeout', phase: 'after', provider, endpoint: p.create });
  }
  sim.state.faults.add({ mode: 'rate', rate: 0.3, fault: 'timeout', phase: 'after', provider: 'kling', endpoint: 'POST /v1/videos/text2video' });
});
afterAll(async () => {
  // A test that failed half-way must not leave its engine running.
  if (current && current.exitCode === null && current.signalCode === null) await kill(current);
  await sim.close();
  lib.cleanup();
});

function start(batch: boolean): Promise<ChildProcess> {
  const others: Record<string, ChildProvider> = Object.fromEntries(Object.entries(NO_LOOKUP).map(([provider, p]) => [provider, {
    baseUrl: sim.baseUrlOf(provider), apiKey: sim.apiKeyOf(provider), submit: batch ? p.perBatch : 0, spec: p.spec,
  }]));
  const p = fork(child, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LIBRARY: lib.path, SIM_URL: sim.baseUrl, SUBMIT: String(batch ? JOBS_PER_BATCH : 0), SIM_PROVIDERS: JSON.stringify(others) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  current = p;
  return new Promise((resolve, reject) => {
    p.once('message', () => resolve(p));
    p.once('exit', (code) => reject(new Error(`engine process exited early (${code})`)));
  });
}

function kill(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    p.once('exit', () => resolve());
    p.kill('SIGKILL');
  });
}

/** Jobs still at work ('unconfirmed' ones wait for the user, not for the engine). */
function activeJobs(): number {
  const db = new Database(path.join(lib.path, 'catalogue.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM jobs WHERE state NOT IN ('done','failed','rejected','cancelled','unconfirmed')`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`survives ${KILLS} kills at random points without duplicates, losses or half files`, async () => {
    let kills = 0;
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    while (kills < KILLS) {
      const p = await start(kills % 5 === 0);
      await new Promise((r) => setTimeout(r, 30 + random() * 400));
      await kill(p);
      kills++;
    }
    // A last run with no kill (and every create answered) lets every job finish or park.
    sim.state.faults.clear();
    const last = await start(false);
    // 60 jobs now (40 before Veo and Runway joined): the wait grows with them.
    const deadline = Date.now() + 180_000;
    while (activeJobs() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await kill(last);

    const db = new Database(path.join(lib.path, 'catalogue.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      type Row = { id: number; provider: string; state: string; idempotency_key: string; last_error: string | null; params: string; provider_task_id: string | null };
      const all = db.prepare('SELECT id, provider, state, idempotency_key, last_error, params, provider_task_id FROM jobs').all() as Row[];
      const jobs = all.filter((j) => j.provider === 'kling');
      const batches = Math.ceil(KILLS / 5);
      expect(jobs.length).toBe(JOBS_PER_BATCH * batches);
      // Every Kling job finished (a lost answer is found by its key), and the provider saw exactly one create for each.
      expect(jobs.filter((j) => j.state !== 'done').map((j) => `${j.id} ${j.state}: ${j.last_error}`)).toEqual([]);
      for (const j of jobs) expect(sim.state.createCountByExternal.get(j.idempotency_key)).toBe(1);
      expect([...sim.state.tasks.values()].filter((t) => t.provider === 'kling')).toHaveLength(jobs.length);

      // Veo and Runway: each job either finished or waits for the user; none was ever sent twice.
      const rendered = new Set(db.prepare('SELECT job_id FROM renders WHERE job_id IS NOT NULL').pluck().all() as number[]);
      const parked: Row[] = [];
      for (const provider of Object.keys(NO_LOOKUP) as NoLookup[]) {
        const mine = all.filter((j) => j.provider === provider);
        expect(mine.length).toBe(NO_LOOKUP[provider].perBatch * batches);
        const creates = sim.state.creates.filter((c) => c.provider === provider);
        const promptOf = (body: unknown) => {
          const b = body as { instances?: { prompt?: string }[]; promptText?: string };
          return b.instances?.[0]?.prompt ?? b.promptText;
        };
        for (const j of mine) {
          const prompt = (JSON.parse(j.params) as { prompt: string }).prompt;
          const sent = creates.filter((c) => promptOf(c.body) === prompt);
          expect(sent.length, `${provider} job ${j.id} (${j.state}) was sent ${sent.length} times`).toBeLessThanOrEqual(1);
          if (j.state === 'done') {
            // It follows the one task its create made, and has its take.
            expect(sent).toHaveLength(1);
            expect(j.provider_task_id).toContain(sent[0]!.taskId!);
            expect(rendered.has(j.id)).toBe(true);
          } else {
            expect(`${j.state}: ${j.last_error}`).toMatch(/^unconfirmed: Sent, but the answer was lost — it may be running and charged at /);
            expect(rendered.has(j.id)).toBe(false);
            parked.push(j);
          }
        }
        // Sim tasks of this provider are exactly the creates it accepted: nothing was made behind a job's back.
        expect([...sim.state.tasks.values()].filter((t) => t.provider === provider)).toHaveLength(creates.filter((c) => c.taskId).length);
        expect(mine.some((j) => j.state === 'done')).toBe(true);
      }
      // The trials did kill jobs between sending and storing the answer (else this test proves nothing about it).
      expect(parked.length).toBeGreaterThan(0);

      // Every finished job has its render, and every render its file.
      const renders = db.prepare('SELECT r.job_id, a.sha256 FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.job_id IS NOT NULL').all() as { job_id: number; sha256: string }[];
      expect(new Set(renders.map((r) => r.job_id)).size).toBe(all.filter((j) => j.state === 'done').length);
      // Nothing in the store is half written: each file's content hashes to its name.
      const media = readdirSync(path.join(lib.path, 'media'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
      for (const f of media) {
        const sha = createHash('sha256').update(readFileSync(path.join(f.parentPath, f.name))).digest('hex');
        expect(`${sha}.mp4`).toBe(f.name);
      }
      for (const r of renders) expect(media.some((f) => f.name === `${r.sha256}.mp4`)).toBe(true);
      // Each actual charge was booked once per job.
      const doubled = db.prepare(`SELECT job_id FROM charges WHERE kind = 'actual' GROUP BY job_id HAVING count(*) > 1`).all();
      expect(doubled).toEqual([]);
    } finally {
      db.close();
    }
  // Generous: each of the 51 runs starts a Node process, which takes seconds on a loaded machine.
  }, 600_000);
});

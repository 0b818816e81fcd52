// Kill the engine's process at random moments while it submits, polls and downloads, start it
// again, and check what a user relies on: no task submitted twice, no render lost, no half
// file in the store, a sound database.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlingSimulator } from '../../main/providers/simulator/index.js';
import { startSimulator } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

const KILLS = 50;
const JOBS_PER_BATCH = 4;
const child = path.resolve(import.meta.dirname, '../helpers/engine-child.ts');

let lib: ReturnType<typeof tempDir>;
let sim: KlingSimulator;
beforeAll(async () => {
  lib = tempDir('dailies-crash-');
  // Quick renders so a kill lands in every phase: sending, polling, downloading, storing.
  sim = await startSimulator({ queueDelayMs: 20, processingMs: 40 });
});
afterAll(async () => {
  await sim.close();
  lib.cleanup();
});

function start(submit: number): Promise<ChildProcess> {
  const p = fork(child, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LIBRARY: lib.path, SIM_URL: sim.baseUrl, SUBMIT: String(submit) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
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

function activeJobs(): number {
  const db = new Database(path.join(lib.path, 'catalogue.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM jobs WHERE state NOT IN ('done','failed','rejected','cancelled')`).get() as { n: number }).n;
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
      const p = await start(kills % 5 === 0 ? JOBS_PER_BATCH : 0);
      await new Promise((r) => setTimeout(r, 30 + random() * 400));
      await kill(p);
      kills++;
    }
    // A last run with no kill lets every job finish.
    const last = await start(0);
    const deadline = Date.now() + 120_000;
    while (activeJobs() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await kill(last);

    const db = new Database(path.join(lib.path, 'catalogue.sqlite'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const jobs = db.prepare('SELECT id, state, idempotency_key, last_error FROM jobs').all() as { id: number; state: string; idempotency_key: string; last_error: string | null }[];
      expect(jobs.length).toBe(JOBS_PER_BATCH * Math.ceil(KILLS / 5));
      // Every job finished, and the provider saw exactly one create for each.
      expect(jobs.filter((j) => j.state !== 'done').map((j) => `${j.id} ${j.state}: ${j.last_error}`)).toEqual([]);
      for (const j of jobs) expect(sim.state.createCountByExternal.get(j.idempotency_key)).toBe(1);
      expect(sim.state.tasks.size).toBe(jobs.length);
      // Every job has its render, and every render its file.
      const renders = db.prepare('SELECT r.job_id, a.sha256 FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.job_id IS NOT NULL').all() as { job_id: number; sha256: string }[];
      expect(new Set(renders.map((r) => r.job_id)).size).toBe(jobs.length);
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
  }, 300_000);
});

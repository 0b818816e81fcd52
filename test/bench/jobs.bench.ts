// `npm run bench:jobs`: the job engine against the local Kling simulator (its own process, so
// this process's CPU is the engine's), with 20% of requests faulted.
//   Part 1: BENCH_JOBS (default 1,000) jobs → engine CPU per job, jobs/s, duplicate submissions
//           (must be 0), lost renders (must be 0).
//   Part 2: BENCH_KILLS (default 500) kill-and-restart trials of the engine's process (SIGKILL
//           at a random moment) → the same counts, plus PRAGMA integrity_check.
// Prints a table and writes .bench/jobs.json. Exits non-zero only when a count that must be 0
// is not, or the benchmark itself fails; speed figures are reported, not gated.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Core } from '../../main/core.js';

const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const KILLS = Number(process.env.BENCH_KILLS ?? 500);
const FAULT_RATE = 0.2;
const KEYS = { accessKey: 'bench-access', secretKey: 'bench-secret' };
const root = path.resolve(import.meta.dirname, '../..');

interface Sim { baseUrl: string; controlUrl: string; proc: ChildProcess }

async function startSimulator(): Promise<Sim> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/providers/simulator/cli.ts'], {
    cwd: root,
    env: { ...process.env, KLING_SIM_ACCESS_KEY: KEYS.accessKey, KLING_SIM_SECRET_KEY: KEYS.secretKey, KLING_SIM_QUEUE_MS: '20', KLING_SIM_PROCESSING_MS: '40', KLING_SIM_CREDITS: '100000000' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const base = /base URL:\s+(\S+)/.exec(out)?.[1];
      const control = /control URL:\s+(\S+)/.exec(out)?.[1];
      if (base && control) resolve({ baseUrl: base, controlUrl: control, proc });
    });
    proc.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
}

async function control(sim: Sim, method: string, p: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sim.controlUrl}${p}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return res.json();
}

/** 20% of requests faulted, spread over faults a healthy engine must ride out. */
async function injectFaults(sim: Sim): Promise<void> {
  await control(sim, 'DELETE', '/faults');
  await control(sim, 'POST', '/seed', { seed: 42 });
  const mix: [string, Record<string, unknown>][] = [
    ['rate_limit', {}], ['concurrency', {}], ['server_error', {}], ['unavailable', {}],
    ['malformed_json', {}], ['connection_reset', { phase: 'after' }], ['truncated_download', { endpoint: '/results' }],
  ];
  // Independent rules compound: each at r gives 1-(1-r)^n ≈ 20% of API requests faulted.
  const api = mix.filter(([, o]) => !o.endpoint).length;
  const r = 1 - (1 - FAULT_RATE) ** (1 / api);
  for (const [fault, extra] of mix) await control(sim, 'POST', '/faults', { mode: 'rate', rate: extra.endpoint ? FAULT_RATE : r, fault, ...extra });
}

interface CreateRecord { taskId: string | null; code: number }

/**
 * A duplicate submission is any create sent for a job after the provider had already accepted
 * one under its key. Creates refused by an injected fault (a 429, a 5xx) created nothing, so
 * sending again after them is a retry, not a duplicate.
 */
function resubmissions(creates: CreateRecord[] | undefined): number {
  const first = (creates ?? []).findIndex((c) => c.taskId !== null);
  return first < 0 ? 0 : (creates ?? []).length - first - 1;
}

function audit(libraryDir: string, createsByKey: Record<string, CreateRecord[]>) {
  const db = new Database(path.join(libraryDir, 'catalogue.sqlite'), { readonly: true });
  try {
    const jobs = db.prepare('SELECT id, state, idempotency_key AS key FROM jobs').all() as { id: number; state: string; key: string }[];
    const duplicates = jobs.filter((j) => resubmissions(createsByKey[j.key]) > 0).length;
    const renders = db.prepare('SELECT r.job_id AS jobId, a.sha256 FROM renders r JOIN assets a ON a.id = r.asset_id WHERE r.job_id IS NOT NULL').all() as { jobId: number; sha256: string }[];
    const byJob = new Map(renders.map((r) => [r.jobId, r.sha256]));
    const files = new Set(readdirSync(path.join(libraryDir, 'media'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name));
    const lost = jobs.filter((j) => j.state === 'done' && !files.has(`${byJob.get(j.id)}.mp4`)).length;
    let halfFiles = 0;
    for (const d of readdirSync(path.join(libraryDir, 'media'), { recursive: true, withFileTypes: true })) {
      if (!d.isFile()) continue;
      const sha = createHash('sha256').update(readFileSync(path.join(d.parentPath, d.name))).digest('hex');
      if (`${sha}.mp4` !== d.name) halfFiles++;
    }
    const states: Record<string, number> = {};
    for (const j of jobs) states[j.state] = (states[j.state] ?? 0) + 1;
    return { jobs: jobs.length, states, duplicates, lost, halfFiles, integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

async function throughput(sim: Sim) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dailies-bench-jobs-'));
  const core = new Core({
    libraryDir: dir, host: 'test', log: () => {},
    jobTiming: { backoff: { baseMs: 20, capMs: 500 }, offlineCapMs: 500, pollMinMs: 30, pollMaxMs: 200, requestTimeoutMs: 5_000, idleMs: 200 },
    demo: async () => ({ baseUrl: sim.baseUrl, credentials: KEYS }),
  });
  await injectFaults(sim);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < JOBS; i++) {
    await core.dispatch('jobs.submit', { spec: { accountId: 'demo', model: 'kling-v2-6', taskType: 'text_to_video', durationS: 5, aspectRatio: '1:1', prompt: `bench take ${i}` } });
  }
  await core.jobs.idle();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const state = await control(sim, 'GET', '/state');
  await core.close();
  const result = audit(dir, state.createsByExternalTaskId ?? {});
  const fired = (await control(sim, 'GET', '/faults')).fired?.length ?? 0;
  rmSync(dir, { recursive: true, force: true });
  return { ...result, seconds, jobsPerSecond: JOBS / seconds, engineCpuMsPerJob: (cpu.user + cpu.system) / 1000 / JOBS, faultsFired: fired };
}

async function killTrials(sim: Sim) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dailies-bench-kill-'));
  await control(sim, 'DELETE', '/faults');
  const entry = path.join(root, 'test/bench/engine-child.mjs');
  const start = (submit: number) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const p = fork(entry, [], { env: { ...process.env, LIBRARY: dir, SIM_URL: sim.baseUrl, SIM_ACCESS: KEYS.accessKey, SIM_SECRET: KEYS.secretKey, SUBMIT: String(submit) }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      p.once('message', () => resolve(p));
      p.once('exit', (code) => reject(new Error(`engine exited early (${code})`)));
    });
  const kill = (p: ChildProcess) => new Promise<void>((r) => { p.once('exit', () => r()); p.kill('SIGKILL'); });
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const t0 = performance.now();
  for (let k = 0; k < KILLS; k++) {
    const p = await start(k % 5 === 0 ? 2 : 0);
    await new Promise((r) => setTimeout(r, 20 + random() * 300));
    await kill(p);
    if ((k + 1) % 50 === 0) process.stderr.write(`  ${k + 1}/${KILLS} kills\n`);
  }
  const last = await start(0);
  const deadline = Date.now() + 600_000;
  for (;;) {
    const db = new Database(path.join(dir, 'catalogue.sqlite'), { readonly: true });
    const active = (db.prepare(`SELECT count(*) AS n FROM jobs WHERE state NOT IN ('done','failed','rejected','cancelled')`).get() as { n: number }).n;
    db.close();
    if (!active || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await kill(last);
  const state = await control(sim, 'GET', '/state');
  const result = audit(dir, state.createsByExternalTaskId ?? {});
  rmSync(dir, { recursive: true, force: true });
  return { kills: KILLS, seconds: (performance.now() - t0) / 1000, ...result };
}

const sim = await startSimulator();
try {
  process.stderr.write(`jobs benchmark: ${JOBS} jobs with ${FAULT_RATE * 100}% faults, then ${KILLS} kill-and-restart trials\n`);
  const a = await throughput(sim);
  const b = KILLS > 0 ? await killTrials(sim) : null;
  const report = {
    benchmark: 'jobs', command: 'npm run bench:jobs', at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version }, throughput: a, killTrials: b,
  };
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  writeFileSync(path.join(root, '.bench/jobs.json'), JSON.stringify(report, null, 2));
  console.log(`\nEngine with ${FAULT_RATE * 100}% faults (${a.faultsFired} fired):`);
  console.log(`  jobs              ${a.jobs}  ${JSON.stringify(a.states)}`);
  console.log(`  wall              ${a.seconds.toFixed(1)} s  →  ${a.jobsPerSecond.toFixed(2)} jobs/s`);
  console.log(`  engine CPU        ${a.engineCpuMsPerJob.toFixed(1)} ms per job`);
  console.log(`  duplicates        ${a.duplicates}   (must be 0)`);
  console.log(`  lost renders      ${a.lost}   (must be 0)`);
  if (b) {
    console.log(`\nKill-and-restart: ${b.kills} SIGKILLs in ${b.seconds.toFixed(0)} s`);
    console.log(`  jobs              ${b.jobs}  ${JSON.stringify(b.states)}`);
    console.log(`  duplicates        ${b.duplicates}   (must be 0)`);
    console.log(`  lost renders      ${b.lost}   (must be 0)`);
    console.log(`  half files        ${b.halfFiles}   (must be 0)`);
    console.log(`  integrity_check   ${b.integrity}`);
  }
  const bad = a.duplicates + a.lost + a.halfFiles + (b ? b.duplicates + b.lost + b.halfFiles + (b.integrity === 'ok' ? 0 : 1) : 0);
  console.log(bad ? '\nFAIL: a count that must be 0 is not.' : '\nPASS: no duplicate submissions, no lost renders.');
  process.exitCode = bad ? 1 : 0;
} finally {
  sim.proc.kill('SIGTERM');
}

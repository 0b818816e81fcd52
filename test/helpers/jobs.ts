// A library with the job engine running against a real local Kling simulator, with timings
// shortened so retries and polls happen in milliseconds rather than seconds.
import { afterEach, beforeEach } from 'vitest';
import { Core } from '../../main/core.js';
import type { EngineTiming } from '../../main/jobs/engine.js';
import { startKlingSimulator, type KlingSimulator } from '../../main/providers/simulator/index.js';
import type { JobSummary } from '../../shared/jobs.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { tempDir } from './temp.js';

export const SIM_KEYS = { accessKey: 'test-access', secretKey: 'test-secret' };

export const FAST_TIMING = {
  backoff: { baseMs: 20, capMs: 200 },
  offlineCapMs: 200,
  pollMinMs: 30,
  pollMaxMs: 100,
  requestTimeoutMs: 2_000,
  idleMs: 200,
};

export async function startSimulator(opts: Partial<Parameters<typeof startKlingSimulator>[0]> = {}): Promise<KlingSimulator> {
  return startKlingSimulator({ ...SIM_KEYS, queueDelayMs: 30, processingMs: 60, accountCostsIntervalMs: 0, ...opts });
}

export interface JobsCoreOptions {
  /** False: the engine is not started (jobs stay queued). */
  runJobs?: boolean;
  /** Overrides of FAST_TIMING, e.g. a long request timeout so a stalled download stays in progress. */
  timing?: Partial<EngineTiming>;
}

export function openJobsCore(libraryDir: string, sim: { baseUrl: string } | (() => string), opts: JobsCoreOptions = {}): Core {
  const baseUrl = typeof sim === 'function' ? sim : () => sim.baseUrl;
  return new Core({
    libraryDir, host: 'test', log: () => {}, jobTiming: { ...FAST_TIMING, ...opts.timing }, runJobs: opts.runJobs ?? true,
    demo: async () => ({ baseUrl: baseUrl(), credentials: { ...SIM_KEYS } }),
  });
}

/** The running test's Kling simulator, library folder and jobs core on it. */
export interface JobsEnv {
  lib: ReturnType<typeof tempDir>;
  sim: KlingSimulator;
  core: Core;
}

/**
 * Before each test: a Kling simulator, a fresh library and a jobs core on it; after it, all
 * closed — whichever core `env.core` is by then (a test may reopen the library).
 */
export function useJobsCore(opts: { sim?: Partial<Parameters<typeof startKlingSimulator>[0]>; core?: JobsCoreOptions } = {}): JobsEnv {
  const env = {} as JobsEnv;
  beforeEach(async () => {
    env.lib = tempDir('dailies-lib-');
    env.sim = await startSimulator(opts.sim);
    env.core = openJobsCore(env.lib.path, env.sim, opts.core);
  });
  afterEach(async () => {
    await env.core.close();
    await env.sim.close();
    env.lib.cleanup();
  });
  return env;
}

export function textToVideo(over: Partial<GenerationSpecInput> = {}): GenerationSpecInput {
  return { accountId: 'demo', model: 'kling-v2-6', taskType: 'text_to_video', durationS: 5, aspectRatio: '16:9', prompt: 'a red fox at golden hour', ...over };
}

/** Resolves with the job once it has ended (done, failed, rejected or cancelled). */
export async function settled(core: Core, jobId: number, timeoutMs = 30_000): Promise<JobSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await core.dispatch('jobs.get', { id: jobId })) as JobSummary;
    if (['done', 'failed', 'rejected', 'cancelled'].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state} after ${timeoutMs} ms (last error: ${job.lastError})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the job satisfies `pred` (e.g. is waiting offline). */
export async function until(core: Core, jobId: number, pred: (j: JobSummary) => boolean, timeoutMs = 15_000): Promise<JobSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await core.dispatch('jobs.get', { id: jobId })) as JobSummary;
    if (pred(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} never matched (state ${job.state}, ${job.errorClass}: ${job.lastError})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Provider accounts that point at the local simulator, for end-to-end tests of the adapters
// beyond Kling: the account's base URL is that provider's mount on the simulator and its key
// is the one the simulator accepts, so the real adapter and the real job engine do the rest.
import path from 'node:path';
import { beforeEach } from 'vitest';
import type { Core } from '../../main/core.js';
import type { Simulator } from '../../main/providers/simulator/index.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import type { JobDetail, JobSummary } from '../../shared/jobs.js';
import { importFolder } from './core.js';
import { settled, useJobsCore, type JobsEnv } from './jobs.js';
import { makeImage } from './media.js';
import { tempDir } from './temp.js';

export async function addSimAccount(core: Core, sim: Simulator, provider: string, over: { apiKey?: string; id?: string } = {}): Promise<string> {
  const id = over.id ?? `${provider}-sim`;
  await core.dispatch('providers.save', {
    id, provider, label: `${provider} (simulator)`, baseUrl: sim.baseUrlOf(provider),
    credentials: { apiKey: over.apiKey ?? sim.apiKeyOf(provider) },
  });
  return id;
}

export async function submitJob(core: Core, spec: GenerationSpecInput): Promise<number> {
  return ((await core.dispatch('jobs.submit', { spec })) as { jobId: number }).jobId;
}

export async function runJob(core: Core, spec: GenerationSpecInput, timeoutMs?: number): Promise<JobSummary> {
  return settled(core, await submitJob(core, spec), timeoutMs);
}

export const jobDetail = async (core: Core, id: number) => (await core.dispatch('jobs.get', { id })) as JobDetail;

/** Library images (as references), made at the given sizes. */
export async function importImages(core: Core, sizes: { name: string; width: number; height: number }[]): Promise<Record<string, number>> {
  const src = tempDir('dailies-src-');
  try {
    for (const s of sizes) makeImage(path.join(src.path, `${s.name}.png`), s.width, s.height);
    const { summary } = await importFolder(core, src.path);
    const out: Record<string, number> = {};
    for (const f of summary.files) out[path.basename(f.path, '.png')] = f.referenceId!;
    return out;
  } finally {
    src.cleanup();
  }
}

/** The running test's simulator, jobs core (on a fresh library) and account for one provider. */
export interface SimProviderEnv {
  sim: Simulator;
  core: Core;
  account: string;
}

/** Before each test: a simulator, a core on a temp library, and an account for `provider`; after it, all closed. */
export function useSimProvider(provider: string): SimProviderEnv {
  const env = useJobsCore() as JobsEnv & SimProviderEnv;
  beforeEach(async () => {
    env.account = await addSimAccount(env.core, env.sim, provider);
  });
  return env;
}

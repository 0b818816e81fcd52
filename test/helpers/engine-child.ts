// A Dailies core in its own process, for crash tests: it opens the library, optionally submits
// jobs, runs the job engine, and is killed (SIGKILL) by the test at a random moment.
//   env: LIBRARY, SIM_URL (Kling's base), SUBMIT (Kling jobs to submit at start),
//        SIM_PROVIDERS (optional JSON: provider → { baseUrl, apiKey, submit, spec }): more
//        providers on the same simulator, each through its built-in demo account.
import { Core } from '../../main/core.js';
import { demoAccountId } from '../../main/jobs/accounts.js';
import type { GenerationSpecInput } from '../../shared/generation.js';
import { FAST_TIMING, SIM_KEYS, textToVideo } from './jobs.js';

export interface ChildProvider {
  baseUrl: string;
  apiKey: string;
  /** Jobs to submit at start. */
  submit: number;
  /** The job's spec, without account and prompt. */
  spec: Omit<GenerationSpecInput, 'accountId' | 'prompt'>;
}

const others = JSON.parse(process.env.SIM_PROVIDERS ?? '{}') as Record<string, ChildProvider>;
const core = new Core({
  libraryDir: process.env.LIBRARY!,
  host: 'test',
  log: () => {},
  jobTiming: FAST_TIMING,
  demo: async (provider) => {
    const other = others[provider];
    const credentials: Record<string, string> = other ? { apiKey: other.apiKey } : { ...SIM_KEYS };
    return { baseUrl: other?.baseUrl ?? process.env.SIM_URL!, credentials };
  },
});
const submit = Number(process.env.SUBMIT ?? 0);
for (let i = 0; i < submit; i++) {
  await core.dispatch('jobs.submit', { spec: textToVideo({ prompt: `crash trial take ${i} ${Date.now()}`, durationS: 5 }) });
}
// Each prompt is unique, so the test can tell which simulator task a job's create made.
for (const [provider, p] of Object.entries(others)) {
  for (let i = 0; i < p.submit; i++) {
    await core.dispatch('jobs.submit', { spec: { ...p.spec, accountId: demoAccountId(provider), prompt: `crash trial ${provider} take ${i} ${Date.now()}` } });
  }
}
process.send?.({ ready: true });

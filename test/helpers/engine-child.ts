// A Dailies core in its own process, for crash tests: it opens the library, optionally submits
// jobs, runs the job engine, and is killed (SIGKILL) by the test at a random moment.
//   env: LIBRARY, SIM_URL, SUBMIT (jobs to submit at start)
import { Core } from '../../main/core.js';
import { FAST_TIMING, SIM_KEYS, textToVideo } from './jobs.js';

const core = new Core({
  libraryDir: process.env.LIBRARY!,
  host: 'test',
  log: () => {},
  jobTiming: FAST_TIMING,
  demo: async () => ({ baseUrl: process.env.SIM_URL!, credentials: { ...SIM_KEYS } }),
});
const submit = Number(process.env.SUBMIT ?? 0);
for (let i = 0; i < submit; i++) {
  await core.dispatch('jobs.submit', { spec: textToVideo({ prompt: `crash trial take ${i} ${Date.now()}`, durationS: 5 }) });
}
process.send?.({ ready: true });

// The built core (dist/) in its own process, for the kill-and-restart trials of the jobs
// benchmark: plain JavaScript so a restart costs a Node start, not a TypeScript compile.
//   env: LIBRARY, SIM_URL, SIM_ACCESS, SIM_SECRET, SUBMIT
import { Core } from '../../dist/main/core.js';

const timing = { backoff: { baseMs: 20, capMs: 200 }, offlineCapMs: 200, pollMinMs: 30, pollMaxMs: 100, requestTimeoutMs: 5_000, idleMs: 200 };
const core = new Core({
  libraryDir: process.env.LIBRARY,
  host: 'test',
  log: () => {},
  jobTiming: timing,
  demo: async () => ({ baseUrl: process.env.SIM_URL, credentials: { accessKey: process.env.SIM_ACCESS, secretKey: process.env.SIM_SECRET } }),
});
const submit = Number(process.env.SUBMIT ?? 0);
for (let i = 0; i < submit; i++) {
  await core.dispatch('jobs.submit', {
    spec: { accountId: 'demo', model: 'kling-v2-6', taskType: 'text_to_video', durationS: 5, aspectRatio: '1:1', prompt: `kill trial ${process.pid} take ${i}` },
  });
}
process.send?.({ ready: true });

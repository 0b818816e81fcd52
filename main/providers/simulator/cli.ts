// `npm run simulator`: the provider simulator on its own (every registered provider's API), for
// the demo provider and for trying an adapter by hand. Kling's keys come from
// KLING_SIM_ACCESS_KEY / KLING_SIM_SECRET_KEY (demo values otherwise), the other providers'
// API key from SIM_API_KEY; PORT, KLING_SIM_QUEUE_MS, KLING_SIM_PROCESSING_MS and
// KLING_SIM_CREDITS tune it.
import { DEFAULT_SIM_API_KEY, startSimulator } from './server.js';

const env = process.env;
const num = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

const apiKey = env.SIM_API_KEY ?? DEFAULT_SIM_API_KEY;
const sim = await startSimulator({
  port: num(env.PORT) ?? 0,
  accessKey: env.KLING_SIM_ACCESS_KEY ?? 'demo-access-key',
  secretKey: env.KLING_SIM_SECRET_KEY ?? 'demo-secret-key',
  queueDelayMs: num(env.KLING_SIM_QUEUE_MS) ?? 1500,
  processingMs: num(env.KLING_SIM_PROCESSING_MS) ?? 3000,
  initialCredits: num(env.KLING_SIM_CREDITS) ?? 1000,
  apiKeys: new Proxy({}, { get: () => apiKey }),
  log: (line) => console.error(line),
});

console.log(`Provider simulator listening`);
console.log(`  base URL:    ${sim.baseUrl}   (Kling)`);
for (const id of sim.providers.filter((p) => p !== 'kling')) console.log(`  ${`${id}:`.padEnd(12)} ${sim.baseUrlOf(id)}   (API key ${apiKey})`);
console.log(`  control URL: ${sim.controlUrl}   (GET ${sim.controlUrl}/state)`);
console.log(`  access key:  ${env.KLING_SIM_ACCESS_KEY ?? 'demo-access-key'} (secret from KLING_SIM_SECRET_KEY or "demo-secret-key")`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

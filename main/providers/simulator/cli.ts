// `npm run simulator`: the Kling-compatible simulator on its own, for the demo provider and for
// trying an adapter by hand. Keys come from KLING_SIM_ACCESS_KEY / KLING_SIM_SECRET_KEY (demo
// values otherwise); PORT, KLING_SIM_QUEUE_MS, KLING_SIM_PROCESSING_MS and KLING_SIM_CREDITS
// tune it.
import { startKlingSimulator } from './server.js';

const env = process.env;
const num = (v: string | undefined) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

const sim = await startKlingSimulator({
  port: num(env.PORT) ?? 0,
  accessKey: env.KLING_SIM_ACCESS_KEY ?? 'demo-access-key',
  secretKey: env.KLING_SIM_SECRET_KEY ?? 'demo-secret-key',
  queueDelayMs: num(env.KLING_SIM_QUEUE_MS) ?? 1500,
  processingMs: num(env.KLING_SIM_PROCESSING_MS) ?? 3000,
  initialCredits: num(env.KLING_SIM_CREDITS) ?? 1000,
  log: (line) => console.error(line),
});

console.log(`Kling simulator listening`);
console.log(`  base URL:    ${sim.baseUrl}`);
console.log(`  control URL: ${sim.controlUrl}   (GET ${sim.controlUrl}/state)`);
console.log(`  access key:  ${env.KLING_SIM_ACCESS_KEY ?? 'demo-access-key'} (secret from KLING_SIM_SECRET_KEY or "demo-secret-key")`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

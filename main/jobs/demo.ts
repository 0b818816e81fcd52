// The demo accounts' provider: the local provider simulator on 127.0.0.1, serving every
// provider's wire format (Kling at its root, the others under their paths), started the first time
// a demo job needs it and stopped with the library. Its keys are fixed and local: they only ever
// sign requests to this process's own simulator.
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import type { DemoEndpoint } from './accounts.js';
import type { MediaTools } from '../store/tools.js';

const DEMO_KEYS = { accessKey: 'dailies-demo-access', secretKey: 'dailies-demo-secret-not-for-real-use' };
const DEMO_API_KEY = 'dailies-demo-key-not-for-real-use';

interface SimulatorHandle {
  baseUrl: string;
  baseUrlOf(provider: string): string;
  apiKeyOf(provider: string): string;
  close(): Promise<void>;
}

export class DemoSimulator {
  private starting: Promise<{ handle: SimulatorHandle; dir: string }> | null = null;

  constructor(private readonly tools: MediaTools) {}

  endpoint(provider = 'kling'): Promise<DemoEndpoint> {
    this.starting ??= (async () => {
      const { startSimulator } = await import('../providers/simulator/index.js');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-demo-'));
      const { PROVIDERS } = await import('../providers/registry.js');
      const apiKeys = Object.fromEntries(Object.keys(PROVIDERS).map((id) => [id, DEMO_API_KEY]));
      const handle = await startSimulator({ ...DEMO_KEYS, apiKeys, ffmpeg: this.tools.ffmpeg, dataDir: dir });
      return { handle, dir };
    })();
    return this.starting.then(({ handle }): DemoEndpoint =>
      provider === 'kling'
        ? { baseUrl: handle.baseUrl, credentials: { ...DEMO_KEYS } }
        : { baseUrl: handle.baseUrlOf(provider), credentials: { apiKey: handle.apiKeyOf(provider) } },
    );
  }

  async close(): Promise<void> {
    if (!this.starting) return;
    const started = await this.starting.catch(() => null);
    this.starting = null;
    if (started) {
      await started.handle.close();
      await rm(started.dir, { recursive: true, force: true });
    }
  }
}

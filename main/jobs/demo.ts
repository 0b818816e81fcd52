// The demo account's provider: the local provider simulator on 127.0.0.1 (Kling at its root),
// started the first time a demo job needs it and stopped with the library. Its keys are fixed and local: they
// only ever sign requests to this process's own simulator.
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import type { DemoEndpoint } from './accounts.js';
import type { MediaTools } from '../store/tools.js';

const DEMO_KEYS = { accessKey: 'dailies-demo-access', secretKey: 'dailies-demo-secret-not-for-real-use' };

interface SimulatorHandle {
  baseUrl: string;
  close(): Promise<void>;
}

export class DemoSimulator {
  private starting: Promise<{ handle: SimulatorHandle; dir: string }> | null = null;

  constructor(private readonly tools: MediaTools) {}

  endpoint(): Promise<DemoEndpoint> {
    this.starting ??= (async () => {
      const { startKlingSimulator } = await import('../providers/simulator/index.js');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'dailies-demo-'));
      const handle = await startKlingSimulator({ ...DEMO_KEYS, ffmpeg: this.tools.ffmpeg, dataDir: dir });
      return { handle, dir };
    })();
    return this.starting.then(({ handle }) => ({ baseUrl: handle.baseUrl, credentials: { ...DEMO_KEYS } }));
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

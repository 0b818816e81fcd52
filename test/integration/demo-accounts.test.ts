// Every provider can be tried offline from the first start: each has a built-in demo account on
// the local simulator, which speaks that provider's own wire format. Real Core, real simulator
// (started by the core itself, as in the app), real adapters, real downloads into the store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core } from '../../main/core.js';
import { PROVIDERS } from '../../main/providers/registry.js';
import type { JobSummary, ProviderAccountInfo } from '../../shared/jobs.js';
import { settled } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  lib = tempDir('dailies-lib-');
  core = new Core({ libraryDir: lib.path, host: 'test', log: () => {} });
});
afterEach(async () => {
  await core.close();
  lib.cleanup();
});

describe('demo accounts', () => {
  it('lists a ready demo account for every provider, built in and not editable', async () => {
    const accounts = (await core.dispatch('providers.list', {})) as ProviderAccountInfo[];
    for (const provider of Object.keys(PROVIDERS)) {
      expect(accounts.filter((a) => a.provider === provider && a.demo), provider).toEqual([
        expect.objectContaining({ configured: true, label: expect.stringMatching(/^Demo .*\(local simulator\)$/) }),
      ]);
    }
    expect(accounts[0]).toMatchObject({ id: 'demo', provider: 'kling', label: 'Demo (local simulator)' });
    await expect(core.dispatch('providers.remove', { id: 'demo-veo' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      core.dispatch('providers.save', { id: 'demo-runway', provider: 'runway', label: 'mine', baseUrl: 'https://api.dev.runwayml.com', credentials: { apiKey: 'k' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it("runs a text-to-video job to a stored take on each provider's demo account", { timeout: 120_000 }, async () => {
    const accounts = (await core.dispatch('providers.list', {})) as ProviderAccountInfo[];
    const runs = accounts.filter((a) => a.demo).map(async (account) => {
      const model = PROVIDERS[account.provider]!.models.find((m) => m.taskTypes.includes('text_to_video'));
      if (!model) return { provider: account.provider, state: 'no text-to-video model' };
      const durations = model.durationsByTask?.text_to_video ?? model.durationsS;
      const resolution = model.resolutions?.[0];
      const { jobId } = (await core.dispatch('jobs.submit', {
        spec: {
          accountId: account.id, model: model.model, taskType: 'text_to_video', durationS: durations[0], aspectRatio: model.aspectRatios[0],
          prompt: `a lighthouse at dusk on ${account.provider}`, ...(resolution ? { resolution, durationS: (model.durationsByResolution?.[resolution] ?? durations)[0] } : {}),
        },
      })) as { jobId: number };
      const job: JobSummary = await settled(core, jobId, 90_000);
      return { provider: account.provider, state: job.state, hasTake: job.renderId !== null, error: job.lastError };
    });
    const results = (await Promise.all(runs)).sort((a, b) => a.provider.localeCompare(b.provider));
    expect(results).toEqual(Object.keys(PROVIDERS).sort().map((provider) => expect.objectContaining({ provider, state: 'done', hasTake: true })));
    // Each take is in the library, made by its provider.
    const takes = core.db.prepare('SELECT DISTINCT provider FROM renders ORDER BY provider').pluck().all();
    expect(takes).toEqual(Object.keys(PROVIDERS).sort());
  });
});

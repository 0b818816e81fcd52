// The provider catalogue, "Test connection" and "Try this shot on…" through the contract, with
// the job engine running against the local simulator over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { JobDetail } from '../../shared/jobs.js';
import type { RenderDetail } from '../../shared/domain.js';
import type { ConnectionTest, ProviderCatalogEntry, TryOnResult } from '../../shared/providers.js';
import { PROVIDERS } from '../../main/providers/registry.js';
import { openJobsCore, settled, startSimulator, textToVideo } from '../helpers/jobs.js';
import { tempDir } from '../helpers/temp.js';

let lib: ReturnType<typeof tempDir>;
let sim: Awaited<ReturnType<typeof startSimulator>>;
let core: Core;

beforeEach(async () => {
  lib = tempDir('dailies-providers-');
  sim = await startSimulator();
  core = openJobsCore(lib.path, sim);
});
afterEach(async () => {
  await core.close();
  await sim.close();
  lib.cleanup();
});

const call = <T>(channel: string, input: unknown) => core.dispatch(channel as never, input as never) as Promise<T>;

async function shotTake(over = {}): Promise<{ renderId: number; projectId: number; shotId: number }> {
  const project = await call<{ id: number }>('projects.create', { name: 'Spot' });
  const shot = await call<{ id: number }>('shots.create', { projectId: project.id, name: 'Lighthouse' });
  const { jobId } = await call<{ jobId: number }>('jobs.submit', { spec: textToVideo({ projectId: project.id, shotId: shot.id, ...over }) });
  const job = await settled(core, jobId);
  expect(job.state).toBe('done');
  return { renderId: job.renderId!, projectId: project.id, shotId: shot.id };
}

describe('the provider catalogue', () => {
  it('lists every registered adapter with its own key fields, base URL and models', async () => {
    const catalog = await call<ProviderCatalogEntry[]>('providers.catalog', {});
    expect(catalog.map((p) => p.id)).toEqual(Object.keys(PROVIDERS));
    const runway = catalog.find((p) => p.id === 'runway')!;
    expect(runway).toMatchObject({ label: 'Runway', defaultBaseUrl: 'https://api.dev.runwayml.com', reportsCredits: true, cancels: true });
    expect(runway.credentialFields).toEqual([{ name: 'apiKey', label: 'API secret', secret: true }]);
    expect(catalog.find((p) => p.id === 'minimax')).toMatchObject({ reportsCredits: false, cancels: false });
    expect(catalog.find((p) => p.id === 'kling')!.credentialFields.map((f) => f.name)).toEqual(['accessKey', 'secretKey']);
  });
});

describe('Test connection', () => {
  it('says connected for working keys, rejected for wrong ones, unreachable for a dead address, missing for none', async () => {
    expect(await call<ConnectionTest>('providers.test', { id: 'demo' })).toMatchObject({ ok: true, verdict: 'connected' });

    await call('providers.save', { id: 'wrong', provider: 'kling', label: 'Wrong keys', baseUrl: sim.baseUrl, credentials: { accessKey: 'nope', secretKey: 'nope' } });
    const wrong = await call<ConnectionTest>('providers.test', { id: 'wrong' });
    expect(wrong).toMatchObject({ ok: false, verdict: 'keys_rejected' });
    expect(wrong.message).toMatch(/refused the keys/);

    await call('providers.save', { id: 'nowhere', provider: 'runway', label: 'Nowhere', baseUrl: 'http://127.0.0.1:9', credentials: { apiKey: 'k' } });
    expect(await call<ConnectionTest>('providers.test', { id: 'nowhere' })).toMatchObject({ ok: false, verdict: 'unreachable' });

    await call('providers.save', { id: 'empty', provider: 'pika', label: 'No key', baseUrl: 'https://queue.fal.run' });
    const empty = await call<ConnectionTest>('providers.test', { id: 'empty' });
    expect(empty).toMatchObject({ ok: false, verdict: 'keys_missing' });
    expect(empty.message).toMatch(/fal API key/);
  });
});

describe('Try this shot on…', () => {
  it('re-runs a take on another model as a sibling in the same shot, saying what it changed', async () => {
    const source = await shotTake({ model: 'kling-v2-6', durationS: 10, sound: true, negativePrompt: 'blur' });
    const tried = await call<TryOnResult>('renders.tryOn', { renderId: source.renderId, accountId: 'demo', model: 'kling-video-o1' });
    expect(tried.model).toBe('kling-video-o1');
    expect(tried.changes).toEqual(expect.arrayContaining(['sound switched off', 'negative prompt left out']));
    const job = await settled(core, tried.jobId);
    expect(job.state).toBe('done');
    const sibling = await call<RenderDetail>('renders.get', { id: job.renderId! });
    expect(sibling.prompt?.text).toBe('a red fox at golden hour');
    expect(sibling).toMatchObject({ model: 'kling-video-o1', parent: null });
    expect(sibling.shot?.id).toBe(source.shotId);
    expect(sibling.project?.id).toBe(source.projectId);
    const d = await call<JobDetail>('jobs.get', { id: tried.jobId });
    expect(d.spec).toMatchObject({ durationS: 10, projectId: source.projectId, shotId: source.shotId });
    expect(d.spec.parentRenderId).toBeUndefined();
  });

  it('fits the spec to another provider’s model (nearest duration, no negative prompt) and refuses what no model there does', async () => {
    const source = await shotTake({ model: 'kling-v2-6', durationS: 10, negativePrompt: 'blur' });
    // Offline on purpose: the job is created and stays queued; its spec is what is checked.
    await call('providers.save', { id: 'runway-off', provider: 'runway', label: 'Runway', baseUrl: 'http://127.0.0.1:9', credentials: { apiKey: 'k' } });
    const tried = await call<TryOnResult>('renders.tryOn', { renderId: source.renderId, accountId: 'runway-off' });
    expect(tried.model).toBe('veo3.1_fast');
    expect(tried.changes).toEqual(['duration 10 s → 8 s', 'negative prompt left out']);
    const d = await call<JobDetail>('jobs.get', { id: tried.jobId });
    expect(d).toMatchObject({ provider: 'runway', model: 'veo3.1_fast', estimateCredits: 80 });
    expect(d.spec).toMatchObject({ durationS: 8, negativePrompt: '', shotId: source.shotId });
    await call('jobs.cancel', { id: tried.jobId });

    await expect(call('renders.tryOn', { renderId: source.renderId, accountId: 'runway-off', model: 'gen4_turbo' })).rejects.toMatchObject({ code: 'validation', message: /Gen-4 Turbo cannot do text to video/ });
    await expect(call('renders.tryOn', { renderId: 999, accountId: 'demo' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

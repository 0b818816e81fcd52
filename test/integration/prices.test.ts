// The editable price tables (Settings → Providers → Prices) through the contract, on a real
// library with the job engine running against the local simulator: a price the user sets is what
// the next estimate, budget check and ledger estimate row use; charges already recorded never
// move; bad input is refused naming the field and changes nothing; reset brings the built-in back.
import { describe, expect, it } from 'vitest';
import type { EstimateResult, JobDetail } from '../../shared/jobs.js';
import type { PriceTableView } from '../../shared/pricing/table.js';
import { KLING_PRICES } from '../../shared/pricing/kling.js';
import { ContractError } from '../../shared/errors.js';
import { openJobsCore, settled, textToVideo, useJobsCore } from '../helpers/jobs.js';

const env = useJobsCore();

// kling-v2-6, std, 5 s: built-in 1.5 credits per 5 s.
const V26_STD = ['models', 'kling-v2-6', 'per5s', 'std'];
const table = async (provider = 'kling') => (await env.core.dispatch('prices.table', { provider })) as PriceTableView;
const estimate = async (over = {}) => (await env.core.dispatch('jobs.estimate', { spec: textToVideo(over) })) as EstimateResult;
const submit = async (over = {}) => ((await env.core.dispatch('jobs.submit', { spec: textToVideo(over) })) as { jobId: number }).jobId;
const detail = async (id: number) => (await env.core.dispatch('jobs.get', { id })) as JobDetail;
const rowOf = (t: PriceTableView, path: string[]) => t.rows.find((r) => JSON.stringify(r.path) === JSON.stringify(path));

/** The refusal's field names, or a failure if the call was accepted. */
async function refusedFields(input: unknown): Promise<string[]> {
  try {
    await env.core.dispatch('prices.set', input);
  } catch (err) {
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).code).toBe('validation');
    return ((err as ContractError).issues ?? []).map((i) => i.field);
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

describe('the effective price table', () => {
  it('lists every built-in price, none of them yours, labelled by model and option', async () => {
    const t = await table();
    expect(rowOf(t, V26_STD)).toEqual({ path: V26_STD, model: 'kling-v2-6', option: 'std', unit: 'credits per 5 s', builtIn: 1.5, price: 1.5, overridden: false });
    expect(rowOf(t, ['lipSyncPer5s'])).toMatchObject({ model: 'Lip sync', builtIn: KLING_PRICES.lipSyncPer5s });
    // A conversion rate prices nothing, so it is not offered.
    expect(rowOf(t, ['usdPerUnit'])).toBeUndefined();
    expect(t.rows.every((r) => !r.overridden)).toBe(true);
    for (const provider of ['veo', 'sora', 'luma', 'runway', 'minimax', 'pika']) expect((await table(provider)).rows.length).toBeGreaterThan(0);
  });

  it('a price you set is used by the next estimate and its ledger row; charges already recorded stay', async () => {
    // Before: the built-in price, and a job submitted at it that finishes and is charged.
    const before = await estimate();
    expect(before.credits).toBe(1.5);
    expect(before.prices).toEqual([{ path: V26_STD, model: 'kling-v2-6', option: 'std', unit: 'credits per 5 s', price: 1.5, overridden: false }]);
    const first = await submit();
    expect((await settled(env.core, first)).state).toBe('done');
    const firstCharges = (await detail(first)).charges;
    expect(firstCharges[0]).toMatchObject({ kind: 'estimate', credits: 1.5, note: 'Estimated at submit from kling-v2-6 · std: 1.5 credits per 5 s (built-in)' });

    const after = (await env.core.dispatch('prices.set', { provider: 'kling', path: V26_STD, price: 4 })) as PriceTableView;
    expect(rowOf(after, V26_STD)).toMatchObject({ builtIn: 1.5, price: 4, overridden: true });
    // Only that row is yours; its pro sibling keeps the built-in figure.
    expect(rowOf(after, ['models', 'kling-v2-6', 'per5s', 'pro'])).toMatchObject({ price: 2.5, overridden: false });

    const next = await estimate({ durationS: 10 });
    expect(next.credits).toBe(8);
    expect(next.prices).toEqual([{ path: V26_STD, model: 'kling-v2-6', option: 'std', unit: 'credits per 5 s', price: 4, overridden: true }]);
    // Another model's estimate is untouched.
    expect((await estimate({ model: 'kling-v1-6' })).credits).toBe(2);

    const second = await submit({ durationS: 10 });
    const d = await detail(second);
    expect(d.estimateCredits).toBe(8);
    expect(d.charges[0]).toMatchObject({ kind: 'estimate', credits: 8, note: 'Estimated at submit from kling-v2-6 · std: 4 credits per 5 s (your price)' });
    await settled(env.core, second);

    // Changing the price again, or resetting it, never rewrites a recorded charge or estimate.
    await env.core.dispatch('prices.set', { provider: 'kling', path: V26_STD, price: 9 });
    await env.core.dispatch('prices.reset', { provider: 'kling', path: V26_STD });
    expect((await detail(first)).charges).toEqual(firstCharges);
    expect((await detail(first)).estimateCredits).toBe(1.5);
    expect((await detail(second)).charges[0]).toMatchObject({ kind: 'estimate', credits: 8 });
    expect((await detail(second)).estimateCredits).toBe(8);
  });

  it('the budget warning uses your price', async () => {
    const project = (await env.core.dispatch('projects.create', { name: 'Budgeted' })) as { id: number };
    env.core.db.prepare('UPDATE projects SET budget_credits = 3 WHERE id = ?').run(project.id);
    expect((await estimate({ projectId: project.id })).budget).toMatchObject({ wouldExceed: false });
    await env.core.dispatch('prices.set', { provider: 'kling', path: V26_STD, price: 3.5 });
    expect((await estimate({ projectId: project.id })).budget).toMatchObject({ spent: 0, wouldExceed: true });
    await expect(env.core.dispatch('jobs.submit', { spec: textToVideo({ projectId: project.id }) })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('prices of other shapes: Luma reads its 720p rate and your 1080p factor, and books the estimate as the charge', async () => {
    const spec = { accountId: 'demo-luma', model: 'ray-2', taskType: 'text_to_video', durationS: 5, aspectRatio: '16:9', resolution: '1080p', prompt: 'a lighthouse' };
    await env.core.dispatch('prices.set', { provider: 'luma', path: ['resolutionFactor', '1080p'], price: 3 });
    const e = (await env.core.dispatch('jobs.estimate', { spec })) as EstimateResult;
    expect(e.credits).toBe(2.7); // 0.18 $/s × 3 × 5 s
    expect(e.prices.map((p) => [p.model, p.option, p.price, p.overridden])).toEqual([['ray-2', '720p', 0.18, false], ['All models', '1080p', 3, true]]);
  });

  it('keeps your prices when the library is opened again', async () => {
    await env.core.dispatch('prices.set', { provider: 'kling', path: V26_STD, price: 0 });
    await env.core.close();
    env.core = openJobsCore(env.lib.path, env.sim);
    expect(rowOf(await table(), V26_STD)).toMatchObject({ price: 0, overridden: true });
    expect((await estimate()).credits).toBe(0);
  });
});

describe('bad input', () => {
  it('is refused naming the field, and changes nothing', async () => {
    const good = { provider: 'kling', path: V26_STD, price: 2 };
    expect(await refusedFields({ ...good, price: -1 })).toEqual(['price']);
    expect(await refusedFields({ ...good, price: Number.POSITIVE_INFINITY })).toEqual(['price']);
    expect(await refusedFields({ ...good, price: Number.NaN })).toEqual(['price']);
    expect(await refusedFields({ ...good, price: '2' })).toEqual(['price']);
    expect(await refusedFields({ ...good, price: 2_000_000 })).toEqual(['price']);
    expect(await refusedFields({ ...good, provider: 'acme' })).toEqual(['provider']);
    // Unknown model, unknown mode, a branch rather than a price, a conversion rate, another table's row.
    expect(await refusedFields({ ...good, path: ['models', 'kling-v9', 'per5s', 'std'] })).toEqual(['path']);
    expect(await refusedFields({ ...good, path: ['models', 'kling-v2-6', 'per5s', 'ultra'] })).toEqual(['path']);
    expect(await refusedFields({ ...good, path: ['models', 'kling-v2-6'] })).toEqual(['path']);
    expect(await refusedFields({ ...good, path: ['usdPerUnit'] })).toEqual(['path']);
    expect(await refusedFields({ ...good, provider: 'veo' })).toEqual(['path']);
    expect(await refusedFields({ ...good, path: [] })).toEqual(['path']);
    expect(await refusedFields({ ...good, extra: 1 })).toEqual(['(input)']);
    await expect(env.core.dispatch('prices.reset', { provider: 'kling', path: ['models', 'kling-v9', 'per5s', 'std'] })).rejects.toMatchObject({ code: 'validation' });

    expect((await table()).rows.every((r) => !r.overridden && r.price === r.builtIn)).toBe(true);
    expect((await estimate()).credits).toBe(1.5);
  });

  it('the catalogue refuses a stored price the contract would refuse', () => {
    const insert = env.core.db.prepare('INSERT INTO price_overrides (provider, path, price, updated_at) VALUES (?, ?, ?, 0)');
    expect(() => insert.run('kling', JSON.stringify(V26_STD), -1)).toThrow(/CHECK/);
    expect(() => insert.run('kling', 'not json', 1)).toThrow(/CHECK/);
  });
});

describe('reset to built-in', () => {
  it('one row, or the whole table', async () => {
    const pro = ['models', 'kling-v2-6', 'per5s', 'pro'];
    await env.core.dispatch('prices.set', { provider: 'kling', path: V26_STD, price: 4 });
    await env.core.dispatch('prices.set', { provider: 'kling', path: pro, price: 6 });
    await env.core.dispatch('prices.set', { provider: 'veo', path: ['perSecond', 'veo-3.1-generate-preview'], price: 0.5 });

    const one = (await env.core.dispatch('prices.reset', { provider: 'kling', path: V26_STD })) as PriceTableView;
    expect(rowOf(one, V26_STD)).toMatchObject({ price: 1.5, overridden: false });
    expect(rowOf(one, pro)).toMatchObject({ price: 6, overridden: true });
    expect((await estimate()).credits).toBe(1.5);
    expect((await estimate({ mode: 'pro' })).credits).toBe(6);

    const all = (await env.core.dispatch('prices.reset', { provider: 'kling' })) as PriceTableView;
    expect(all.rows.filter((r) => r.overridden)).toEqual([]);
    expect((await estimate({ mode: 'pro' })).credits).toBe(2.5);
    // Another provider's prices are its own.
    expect(rowOf(await table('veo'), ['perSecond', 'veo-3.1-generate-preview'])).toMatchObject({ price: 0.5, overridden: true });
  });
});

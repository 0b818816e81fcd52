import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { ContractError } from '../../shared/errors.js';
import type { GenerationSpecParsed } from '../../shared/generation.js';
import type { EstimateResult } from '../../shared/jobs.js';
import { addCharge, getJobRow, insertJob, jobDetail, jobSummary, listJobs } from '../catalogue/jobs.js';
import { promptId } from '../catalogue/prompts.js';
import { projectSpend, requireProject } from '../catalogue/projects.js';
import { requireShotOf } from '../catalogue/shots.js';
import { resolveTask } from '../jobs/resolve.js';
import { createDemoProject } from '../jobs/demo-project.js';
import { GenerationSpec } from '../../shared/generation.js';
import { withProjectStyleLock } from '../edit/style-lock.js';
import { publicCallbackBase, setPublicCallbackBase } from '../jobs/callbacks.js';
import { estimateWithPrices } from '../catalogue/prices.js';
import { importedGenerationMessage } from '../bundles/imported.js';
import { describeUsedPrice, type PriceUsed } from '../../shared/pricing/table.js';

async function estimate(core: Core, given: GenerationSpecParsed): Promise<EstimateResult> {
  // Estimated and checked as it will be sent: with the project's style lock (its length counts).
  const spec = withProjectStyleLock(core.db, given);
  const provider = core.accounts.providerOf(spec.accountId);
  const adapter = core.accounts.adapter(provider);
  // On the effective table (built-in with the user's own prices), read now: the figure and the
  // prices behind it go into the ledger's estimate row at submit and never change afterwards.
  const { credits, prices } = estimateWithPrices(core.db, provider, (table) => adapter.estimateCredits(spec, table));
  const problems = adapter.validate(resolveTask(core.db, core.layout, spec));
  let budget: EstimateResult['budget'] = null;
  if (spec.projectId !== undefined) {
    requireProject(core.db, spec.projectId);
    const row = core.db.prepare('SELECT budget_credits FROM projects WHERE id = ?').get(spec.projectId) as { budget_credits: number | null };
    const spent = projectSpend(core.db, spec.projectId);
    budget = { projectBudget: row.budget_credits, spent, wouldExceed: row.budget_credits !== null && spent + credits > row.budget_credits };
  }
  // A shot files the take under it, so it must be one of the take's project's shots.
  if (spec.shotId !== undefined) requireShotOf(core.db, spec.shotId, spec.projectId);
  if (spec.rerollOf !== undefined && !core.db.prepare('SELECT 1 FROM renders WHERE id = ?').get(spec.rerollOf)) {
    throw new ContractError('not_found', `There is no render ${spec.rerollOf} to reroll.`, [{ field: 'spec.rerollOf', message: 'no such render' }]);
  }
  return { credits, prices, problems, budget };
}

/** The ledger's words for an estimate row: which prices it was computed from, and whose they were. */
function estimateNote(prices: PriceUsed[]): string {
  if (!prices.length) return 'Estimated at submit: no price for this model in the table';
  return `Estimated at submit from ${prices.map(describeUsedPrice).join('; ')}`;
}

export async function submitJob(core: Core, given: GenerationSpecParsed, confirmOverBudget: boolean): Promise<{ jobId: number }> {
  // The job keeps the prompt as sent (style lock included): its detail, ledger and take show it.
  const spec = withProjectStyleLock(core.db, given);
  const e = await estimate(core, spec);
  if (e.problems.length) {
    throw new ContractError('validation', `Not sent: ${e.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      e.problems.map((p) => ({ field: `spec.${p.field}`, message: p.message })));
  }
  if (e.budget?.wouldExceed && !confirmOverBudget) {
    throw new ContractError('conflict', `This would take the project past its budget (${e.budget.spent + e.credits} of ${e.budget.projectBudget} credits). Confirm to submit anyway.`);
  }
  const provider = core.accounts.providerOf(spec.accountId);
  // Persisted, with its estimate in the ledger, before anything is sent.
  const jobId = core.db.transaction(() => {
    const pid = promptId(core.db, { text: spec.prompt, negative: spec.negativePrompt });
    const id = insertJob(core.db, { accountId: spec.accountId, provider, spec, promptId: pid, estimate: e.credits });
    addCharge(core.db, id, 'estimate', e.credits, provider, estimateNote(e.prices));
    return id;
  })();
  core.emit({ type: 'job.updated', job: jobSummary(core.db, jobId) });
  core.jobs.wake();
  return { jobId };
}

export function jobHandlers(core: Core): DomainHandlers {
  return {
    'providers.list': () => core.accounts.list(),
    'providers.save': (a) => core.accounts.save(a),
    'providers.remove': async ({ id }) => ({ removed: await core.accounts.remove(id) }),
    'providers.capabilities': ({ accountId }) => ({ models: [...core.accounts.adapter(core.accounts.providerOf(accountId)).models] }),
    'providers.credits': async ({ id }) => {
      const account = await core.accounts.resolve(id);
      const adapter = account.adapter;
      if (!adapter.accountCall || !adapter.parseAccount) return { remainingCredits: null };
      const result = await core.jobs.sendWithAuth(account, adapter.accountCall(Date.now()));
      const problem = adapter.classify(result);
      if (problem) throw new ContractError('conflict', `${adapter.label} did not report the balance: ${problem.message}`);
      return adapter.parseAccount(result);
    },

    'jobs.callbackSettings': () => ({ publicBaseUrl: publicCallbackBase(core.db), localUrl: core.callbackLocalUrl }),
    'jobs.setCallbackBase': ({ publicBaseUrl }) => {
      setPublicCallbackBase(core.db, publicBaseUrl);
      return { publicBaseUrl: publicCallbackBase(core.db), localUrl: core.callbackLocalUrl };
    },
    'jobs.estimate': ({ spec }) => estimate(core, spec),
    'jobs.submit': ({ spec, confirmOverBudget }) => submitJob(core, spec, confirmOverBudget),
    'jobs.list': (q) => listJobs(core.db, q),
    'jobs.get': ({ id }) => jobDetail(core.db, id),
    'jobs.cancel': ({ id }) => {
      const job = getJobRow(core.db, id);
      if (!core.jobs.cancel(id)) throw new ContractError('conflict', `Job ${id} has already ended (${job.state}); nothing to cancel.`);
      return jobSummary(core.db, id);
    },
    'jobs.decide': ({ id, decision }) => {
      const job = getJobRow(core.db, id);
      if (!core.jobs.decide(id, decision)) {
        throw new ContractError('conflict', `Job ${id} is ${job.state}; only a job whose answer was lost (unconfirmed) waits for this decision.`);
      }
      return jobSummary(core.db, id);
    },
    'jobs.retry': async ({ id }) => {
      const job = getJobRow(core.db, id);
      if (!['failed', 'rejected', 'cancelled'].includes(job.state)) {
        throw new ContractError('conflict', `Job ${id} is ${job.state}; only failed, rejected or cancelled jobs can be retried.`);
      }
      if (job.imported_from !== null) throw new ContractError('conflict', importedGenerationMessage(`Job ${id}`));
      // A new job with a new idempotency key: the provider may already hold a task under the old one.
      return submitJob(core, JSON.parse(job.params) as GenerationSpecParsed, true);
    },
  };
}

export function demoHandlers(core: Core): DomainHandlers {
  return {
    'demo.createProject': async () => {
      const { projectId, specs } = createDemoProject(core.db);
      core.emit({ type: 'catalogue.changed', entity: 'projects', ids: [projectId] });
      const jobIds: number[] = [];
      for (const spec of specs) jobIds.push((await submitJob(core, GenerationSpec.parse(spec), true)).jobId);
      return { projectId, jobIds };
    },
  };
}

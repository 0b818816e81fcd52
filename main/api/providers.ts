// Handlers for the provider catalogue, "Test connection" and "Try this shot on…".
import type { DomainHandlers } from './registry.js';
import type { Core } from '../core.js';
import { ContractError } from '../../shared/errors.js';
import { GenerationSpec } from '../../shared/generation.js';
import type { ConnectionTest, ProviderCatalogEntry } from '../../shared/providers.js';
import { PROVIDERS } from '../providers/registry.js';
import type { ProviderAdapter, ProviderError } from '../providers/types.js';
import { NetworkError } from '../jobs/http.js';
import { resolveTask } from '../jobs/resolve.js';
import { retarget } from '../jobs/try-on.js';
import { submitJob } from './jobs.js';
import { importedGenerationMessage } from '../bundles/imported.js';

export function catalogEntry(a: ProviderAdapter): ProviderCatalogEntry {
  return {
    id: a.id,
    label: a.label,
    credentialFields: a.credentialFields.map((f) => ({ ...f })),
    defaultBaseUrl: a.defaultBaseUrl,
    models: [...a.models],
    notice: a.notice ?? null,
    reportsCredits: !!(a.accountCall && a.parseAccount),
    cancels: !!a.cancelCall,
  };
}

/** What an answer to the test call says about the account, in words. */
function verdictOf(label: string, problem: ProviderError): ConnectionTest {
  switch (problem.kind) {
    case 'auth':
    case 'auth_expired':
      return { ok: false, verdict: 'keys_rejected', message: `${label} refused the keys: ${problem.message}`, remainingCredits: null };
    case 'server':
      return { ok: false, verdict: 'provider_error', message: `${label} answered, but with an error (${problem.httpStatus}/${problem.code}): ${problem.message}`, remainingCredits: null };
    case 'money':
      return { ok: true, verdict: 'connected', message: `Connected and the keys work, but the account cannot pay for generations: ${problem.message}`, remainingCredits: null };
    case 'load':
      return { ok: true, verdict: 'connected', message: `Connected and the keys work (${label} is rate-limiting right now).`, remainingCredits: null };
    default:
      // The test calls of providers without a balance call look up a task that does not exist:
      // a "not found" or "bad parameter" answer means the keys were accepted.
      return { ok: true, verdict: 'connected', message: `Connected: ${label} accepted the keys.`, remainingCredits: null };
  }
}

async function testConnection(core: Core, id: string): Promise<ConnectionTest> {
  let account;
  try {
    account = await core.accounts.resolve(id);
  } catch (err) {
    if (err instanceof ContractError && err.code === 'validation') return { ok: false, verdict: 'keys_missing', message: err.message, remainingCredits: null };
    throw err;
  }
  const { adapter } = account;
  const now = Date.now();
  const usesBalance = !adapter.testCall && !!adapter.accountCall;
  const call = adapter.testCall?.(now) ?? adapter.accountCall?.(now);
  if (!call) return { ok: false, verdict: 'provider_error', message: `${adapter.label} has no call Dailies can test with.`, remainingCredits: null };
  let result;
  try {
    result = await core.jobs.sendWithAuth(account, call);
  } catch (err) {
    if (err instanceof NetworkError) return { ok: false, verdict: 'unreachable', message: `${err.message} Check the base URL and the network.`, remainingCredits: null };
    const problem = (err as { providerError?: ProviderError }).providerError;
    if (problem) return verdictOf(adapter.label, problem);
    throw err;
  }
  const problem = adapter.classify(result);
  if (problem) return verdictOf(adapter.label, problem);
  const remainingCredits = usesBalance && adapter.parseAccount ? adapter.parseAccount(result).remainingCredits : null;
  const credits = remainingCredits !== null ? ` Remaining credits: ${remainingCredits}.` : '';
  return { ok: true, verdict: 'connected', message: `Connected: ${adapter.label} accepted the keys.${credits}`, remainingCredits };
}

interface RenderRow {
  id: number;
  params: string;
  imported_from: string | null;
  project_id: number | null;
  shot_id: number | null;
  source: string;
}

export function providerHandlers(core: Core): DomainHandlers {
  return {
    'providers.catalog': () => Object.values(PROVIDERS).map(catalogEntry),
    'providers.test': ({ id }) => testConnection(core, id),
    'renders.tryOn': async ({ renderId, accountId, model, confirmOverBudget }) => {
      const row = core.db.prepare('SELECT id, params, project_id, shot_id, source, imported_from FROM renders WHERE id = ?').get(renderId) as RenderRow | undefined;
      if (!row) throw new ContractError('not_found', `There is no render ${renderId}.`, [{ field: 'renderId', message: 'no such render' }]);
      if (row.imported_from !== null) {
        throw new ContractError('validation', importedGenerationMessage(`Render ${renderId}`), [{ field: 'renderId', message: 'imported from a bundle' }]);
      }
      const recorded = GenerationSpec.safeParse(JSON.parse(row.params));
      if (!recorded.success) {
        throw new ContractError('validation', `Render ${renderId} was ${row.source === 'job' ? 'made before Dailies recorded its settings' : 'imported'}: there is no generation to run again.`, [{ field: 'renderId', message: 'no recorded generation' }]);
      }
      // The shot the render is filed under now (it may have been moved since it was made).
      const source = { ...recorded.data };
      delete source.projectId;
      delete source.shotId;
      // Its own generation on another model, not another take of what the source rerolled.
      delete source.rerollOf;
      if (row.project_id !== null) source.projectId = row.project_id;
      if (row.project_id !== null && row.shot_id !== null) source.shotId = row.shot_id;
      const adapter = core.accounts.adapter(core.accounts.providerOf(accountId));
      const { spec, changes } = retarget(source, accountId, adapter, model, (s) => resolveTask(core.db, core.layout, s));
      const { jobId } = await submitJob(core, spec, confirmOverBudget);
      return { jobId, model: spec.model, changes };
    },
  };
}

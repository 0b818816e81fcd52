// The Veo 3 adapter (Gemini API): a pure mapping, driven by the job engine. Veo takes no
// client idempotency key and has no lookup by one, so it has no findCall: the engine never
// resends a create whose answer was lost. It reports no balance and no per-task charge (the
// ledger books the estimate), and its file URIs need the API key to download.
import type { DownloadRequest, ProviderAdapter } from '../types.js';
import { estimateVeoCredits, type VeoPriceTable } from '../../../shared/pricing/veo.js';
import { ProviderCallError } from '../wire/errors.js';
import { VEO_MODELS } from './capabilities.js';
import { classifyVeo } from './errors.js';
import { buildVeoCreate, validateVeo } from './requests.js';
import { parseVeoOperation } from './responses.js';
import { joinUrl } from '../url.js';

export const VEO_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

function apiKey(credentials: Record<string, string>): string {
  const key = credentials.apiKey?.trim();
  if (!key) throw new ProviderCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The Veo account has no API key: add it in Settings → Providers' });
  return key;
}

export const veoAdapter: ProviderAdapter = {
  id: 'veo',
  label: 'Veo 3 (Gemini API)',
  credentialFields: [{ name: 'apiKey', label: 'Gemini API key', secret: true }],
  defaultBaseUrl: VEO_DEFAULT_BASE_URL,
  models: VEO_MODELS,
  // Preview models allow few requests a minute; RESOURCE_EXHAUSTED is backed off anyway.
  concurrency: 2,
  resultTtlMs: 2 * 86_400_000,

  validate: validateVeo,
  estimateCredits: (spec, prices: VeoPriceTable) => estimateVeoCredits({ model: spec.model, durationS: spec.durationS, taskType: spec.taskType }, prices),
  authHeaders: async (ctx) => ({ 'x-goog-api-key': apiKey(ctx.credentials) }),

  async createCall(task, _key, ctx) {
    const problems = validateVeo(task);
    if (problems.length) throw new ProviderCallError({ kind: 'invalid', code: 'validation', httpStatus: 0, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') });
    return buildVeoCreate(task, ctx);
  },
  // The operation's name is its path below /v1beta.
  // No client key and no lookup by one: a create whose answer was lost is sent again (noted).
  findCall: () => null,
  parseFind: () => null,
  queryCall: (_task, name) => ({ method: 'GET', path: `/v1beta/${name.split('/').map(encodeURIComponent).join('/')}` }),

  classify: classifyVeo,
  parseCreate: parseVeoOperation,
  parseQuery: parseVeoOperation,

  // The file URI answers only with the key, and redirects to the bytes (the engine follows).
  // The key goes only to the API's own host, never to a host an answer names.
  downloadRequest: async (video, ctx): Promise<DownloadRequest> => {
    const url = joinUrl(ctx.baseUrl, video.url);
    const own = url.origin === new URL(ctx.baseUrl).origin;
    const headers: Record<string, string> = own ? { 'x-goog-api-key': apiKey(ctx.credentials) } : {};
    return { url: url.href, headers };
  },
};

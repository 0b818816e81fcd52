// The Luma Dream Machine adapter: a pure mapping driven by the job engine. Luma takes no client
// key, but it echoes each generation's request — with its callback_url — in GET /generations:
// when a public callback address is set, every job sends its own, and a lost create answer is
// reconciled by finding that address in the list. No per-generation charge (the ledger books
// the estimate), but GET /credits reports the balance.
import type { ProviderAdapter } from '../types.js';
import { estimateLumaCredits, type LumaPriceTable } from '../../../shared/pricing/luma.js';
import { ProviderCallError } from '../wire/errors.js';
import { LUMA_MODELS } from './capabilities.js';
import { classifyLuma } from './errors.js';
import { buildLumaCreate, validateLuma } from './requests.js';
import { findLumaGeneration, LUMA_FIND_LIMIT, parseLumaCredits, parseLumaGeneration } from './responses.js';

export const LUMA_DEFAULT_BASE_URL = 'https://api.lumalabs.ai/dream-machine/v1';

function apiKey(credentials: Record<string, string>): string {
  const key = credentials.apiKey?.trim();
  if (!key) throw new ProviderCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The Luma account has no API key: add it in Settings → Providers' });
  return key;
}

export const lumaAdapter: ProviderAdapter = {
  id: 'luma',
  label: 'Luma Dream Machine',
  credentialFields: [{ name: 'apiKey', label: 'API key', secret: true }],
  defaultBaseUrl: LUMA_DEFAULT_BASE_URL,
  models: LUMA_MODELS,
  concurrency: 3,

  validate: validateLuma,
  estimateCredits: (spec, prices: LumaPriceTable) => estimateLumaCredits({ model: spec.model, durationS: spec.durationS, resolution: spec.resolution }, prices),
  authHeaders: async (ctx) => ({ Authorization: `Bearer ${apiKey(ctx.credentials)}` }),

  async createCall(task, _key, ctx) {
    const problems = validateLuma(task);
    if (problems.length) throw new ProviderCallError({ kind: 'invalid', code: 'validation', httpStatus: 0, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') });
    return buildLumaCreate(task, ctx.callbackUrl);
  },
  queryCall: (_task, id) => ({ method: 'GET', path: `/generations/${encodeURIComponent(id)}` }),
  // The job's callback address is its only mark Luma keeps; without one there is nothing to find.
  findCall: (_task, _key, ctx) => (ctx?.callbackUrl ? { method: 'GET', path: `/generations?limit=${LUMA_FIND_LIMIT}&offset=0` } : null),
  parseFind: (result, _key, ctx) => (ctx?.callbackUrl ? findLumaGeneration(result, ctx.callbackUrl) : null),
  findByListing: true,

  classify: classifyLuma,
  parseCreate: parseLumaGeneration,
  parseQuery: parseLumaGeneration,

  accountCall: () => ({ method: 'GET', path: '/credits' }),
  parseAccount: parseLumaCredits,
};

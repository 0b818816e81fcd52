// The Sora 2 adapter (OpenAI video API): a pure mapping driven by the job engine. OpenAI
// announced the API's shutdown for 2026-09-24; the adapter carries that notice for the UI.
// No client idempotency key and no lookup by one; no per-video charge and no balance endpoint
// (the ledger books the estimate). The content endpoint needs the key and keeps the bytes
// about an hour: the engine downloads as soon as the video completes.
import type { DownloadRequest, ProviderAdapter } from '../types.js';
import { estimateSoraCredits, type SoraPriceTable } from '../../../shared/pricing/sora.js';
import { ProviderCallError } from '../wire/errors.js';
import { joinUrl } from '../url.js';
import { SORA_MODELS, SORA_SHUTDOWN, soraSize } from './capabilities.js';
import { classifySora } from './errors.js';
import { buildSoraCreate, validateSora } from './requests.js';
import { parseSoraVideo } from './responses.js';

export const SORA_DEFAULT_BASE_URL = 'https://api.openai.com';

function apiKey(credentials: Record<string, string>): string {
  const key = credentials.apiKey?.trim();
  if (!key) throw new ProviderCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The Sora account has no OpenAI API key: add it in Settings → Providers' });
  return key;
}

export const soraAdapter: ProviderAdapter = {
  id: 'sora',
  label: 'Sora 2 (OpenAI)',
  credentialFields: [{ name: 'apiKey', label: 'OpenAI API key', secret: true }],
  defaultBaseUrl: SORA_DEFAULT_BASE_URL,
  models: SORA_MODELS,
  concurrency: 2,
  resultTtlMs: 3_600_000,
  notice: SORA_SHUTDOWN,

  validate: validateSora,
  estimateCredits: (spec, prices: SoraPriceTable) => estimateSoraCredits({ model: spec.model, durationS: spec.durationS, size: soraSize(spec.aspectRatio, spec.resolution) }, prices),
  authHeaders: async (ctx) => ({ Authorization: `Bearer ${apiKey(ctx.credentials)}` }),

  async createCall(task, _key, ctx) {
    const problems = validateSora(task);
    if (problems.length) throw new ProviderCallError({ kind: 'invalid', code: 'validation', httpStatus: 0, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') });
    return buildSoraCreate(task, ctx);
  },
  queryCall: (_task, id) => ({ method: 'GET', path: `/v1/videos/${encodeURIComponent(id)}` }),
  findCall: () => null,
  parseFind: () => null,

  classify: classifySora,
  parseCreate: parseSoraVideo,
  parseQuery: parseSoraVideo,

  // The content endpoint answers only with the key, which goes only to the API's own host.
  downloadRequest: async (video, ctx): Promise<DownloadRequest> => {
    const url = joinUrl(ctx.baseUrl, video.url);
    const headers: Record<string, string> = url.origin === new URL(ctx.baseUrl).origin ? { Authorization: `Bearer ${apiKey(ctx.credentials)}` } : {};
    return { url: url.href, headers };
  },
};

// The MiniMax Hailuo adapter: Bearer key; POST /v1/video_generation, poll
// /v1/query/video_generation?task_id=, then /v1/files/retrieve?file_id= for the 9-hour link.
import type { ProviderAdapter } from '../types.js';
import { estimateMinimaxCredits, type MinimaxPriceTable } from '../../../shared/pricing/minimax.js';
import { ProviderCallError, refuseInvalid } from '../wire/errors.js';
import { MINIMAX_MODELS, MINIMAX_PATHS } from './capabilities.js';
import { classifyMinimax } from './errors.js';
import { buildMinimaxCreate } from './requests.js';
import { parseMinimaxCreate, parseMinimaxQuery, parseMinimaxResult } from './responses.js';
import { validateMinimax } from './validate.js';

export const MINIMAX_DEFAULT_BASE_URL = 'https://api.minimax.io';

const queryCall = (id: string) => ({ method: 'GET' as const, path: `${MINIMAX_PATHS.query}?task_id=${encodeURIComponent(id)}` });

export const minimaxAdapter: ProviderAdapter = {
  id: 'minimax',
  label: 'MiniMax Hailuo',
  credentialFields: [{ name: 'apiKey', label: 'API key', secret: true }],
  defaultBaseUrl: MINIMAX_DEFAULT_BASE_URL,
  models: MINIMAX_MODELS,
  // MiniMax's default video concurrency for a paid account; a 1002 beyond it is backed off.
  concurrency: 2,

  validate: validateMinimax,
  estimateCredits: (spec, prices: MinimaxPriceTable) => estimateMinimaxCredits({ model: spec.model, durationS: spec.durationS, resolution: spec.resolution }, prices),
  authHeaders: async ({ credentials }) => {
    const key = credentials.apiKey?.trim();
    if (!key) throw new ProviderCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The MiniMax account has no API key: add it in Settings → Providers' });
    return { Authorization: `Bearer ${key}` };
  },

  createCall: async (task, _key, ctx) => {
    refuseInvalid(validateMinimax(task));
    return buildMinimaxCreate(task, ctx);
  },
  queryCall: (_task, id) => queryCall(id),
  // MiniMax takes no client key and lists no tasks.
  findCall: () => null,

  classify: classifyMinimax,
  parseCreate: parseMinimaxCreate,
  parseQuery: parseMinimaxQuery,
  parseFind: () => null,
  parseResult: (result) => parseMinimaxResult(result),

  // MiniMax documents no balance call; the cheapest authenticated request is a lookup of a task
  // that does not exist, which a valid key gets a parameter error for and a bad key gets 1004.
  testCall: () => queryCall('0'),
};

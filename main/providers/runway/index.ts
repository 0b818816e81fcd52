// The Runway adapter (Gen-4 API): Bearer key plus the API version header, create on one path per
// task kind, then GET /v1/tasks/{id} until SUCCEEDED. Runway takes no client idempotency key.
import type { ProviderAdapter } from '../types.js';
import { estimateRunwayCredits, type RunwayPriceTable } from '../../../shared/pricing/runway.js';
import { ProviderCallError, refuseInvalid } from '../wire/errors.js';
import { RUNWAY_MODELS, RUNWAY_PATHS } from './capabilities.js';
import { classifyRunway } from './errors.js';
import { buildRunwayCreate, runwayTaskPath } from './requests.js';
import { parseRunwayAccount, parseRunwayCreate, parseRunwayQuery } from './responses.js';
import { validateRunway } from './validate.js';

export const RUNWAY_DEFAULT_BASE_URL = 'https://api.dev.runwayml.com';
export const RUNWAY_API_VERSION = '2024-11-06';

export const runwayAdapter: ProviderAdapter = {
  id: 'runway',
  label: 'Runway',
  credentialFields: [{ name: 'apiKey', label: 'API secret', secret: true }],
  defaultBaseUrl: RUNWAY_DEFAULT_BASE_URL,
  models: RUNWAY_MODELS,
  // Runway queues tasks over the organization's limit itself (THROTTLED), so a second task in
  // flight costs nothing but starts sooner when the tier allows it.
  concurrency: 2,

  validate: validateRunway,
  estimateCredits: (spec, prices: RunwayPriceTable) => estimateRunwayCredits({ model: spec.model, durationS: spec.durationS, sound: spec.sound === true }, prices),
  authHeaders: async ({ credentials }) => {
    const key = credentials.apiKey?.trim();
    if (!key) throw new ProviderCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The Runway account has no API secret: add it in Settings → Providers' });
    return { Authorization: `Bearer ${key}`, 'X-Runway-Version': RUNWAY_API_VERSION };
  },

  createCall: async (task, _key, ctx) => {
    refuseInvalid(validateRunway(task));
    return buildRunwayCreate(task, ctx);
  },
  queryCall: (_task, id) => ({ method: 'GET', path: runwayTaskPath(id) }),
  findCall: () => null,
  cancelCall: (_task, id) => ({ method: 'DELETE', path: runwayTaskPath(id) }),

  classify: classifyRunway,
  parseCreate: parseRunwayCreate,
  parseQuery: parseRunwayQuery,
  parseFind: () => null,

  accountCall: () => ({ method: 'GET', path: RUNWAY_PATHS.organization }),
  parseAccount: parseRunwayAccount,
};

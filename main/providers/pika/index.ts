// The Pika adapter, through fal.ai's queue: `Authorization: Key <key>`; POST the endpoint, poll
// …/requests/{id}/status, fetch the result from …/requests/{id}, PUT …/cancel to stop.
import type { ProviderAdapter } from '../types.js';
import { estimatePikaCredits, type PikaPriceTable } from '../../../shared/pricing/pika.js';
import { ProviderCallError, refuseInvalid } from '../wire/errors.js';
import { PIKA_MODELS, requestPath } from './capabilities.js';
import { classifyFal } from './errors.js';
import { buildPikaSubmit } from './requests.js';
import { parseFalResult, parseFalStatus, parseFalSubmit } from './responses.js';
import { validatePika } from './validate.js';

export const FAL_QUEUE_BASE_URL = 'https://queue.fal.run';

export const pikaAdapter: ProviderAdapter = {
  id: 'pika',
  label: 'Pika (via fal)',
  credentialFields: [{ name: 'apiKey', label: 'fal API key', secret: true }],
  defaultBaseUrl: FAL_QUEUE_BASE_URL,
  models: PIKA_MODELS,
  concurrency: 2,

  validate: validatePika,
  estimateCredits: (spec, prices: PikaPriceTable) => estimatePikaCredits({ model: spec.model, durationS: spec.durationS, resolution: spec.resolution }, prices),
  authHeaders: async ({ credentials }) => {
    const key = credentials.apiKey?.trim();
    if (!key) throw new ProviderCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The fal account has no API key: add it in Settings → Providers' });
    return { Authorization: `Key ${key}` };
  },

  createCall: async (task, _key, ctx) => {
    refuseInvalid(validatePika(task));
    return buildPikaSubmit(task, ctx);
  },
  queryCall: (_task, id) => ({ method: 'GET', path: requestPath(id, '/status') }),
  // fal takes no client key for a queued request.
  findCall: () => null,
  cancelCall: (_task, id) => ({ method: 'PUT', path: requestPath(id, '/cancel') }),

  classify: classifyFal,
  parseCreate: parseFalSubmit,
  parseQuery: (result, id) => parseFalStatus(result, id ?? ''),
  parseFind: () => null,
  parseResult: parseFalResult,

  // fal documents no balance call for a key; the cheapest authenticated request is the status of
  // a request that does not exist: 404 with a good key, 401/403 with a bad one.
  testCall: () => ({ method: 'GET', path: requestPath('00000000-0000-0000-0000-000000000000', '/status') }),
};

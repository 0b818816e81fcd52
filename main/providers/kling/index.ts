// The Kling adapter: the ProviderAdapter that the job engine drives. Everything here is a
// mapping; the modules beside it hold one concern each.
import type { AdapterContext, HttpCall, ProviderAdapter, ResolvedTask } from '../types.js';
import { KLING_MODELS } from './capabilities.js';
import { createPath, findPath, KLING_PATHS, queryPath } from './endpoints.js';
import { classifyKling, KlingCallError } from './errors.js';
import { signKlingToken } from './jwt.js';
import { buildLipSyncCall } from './lip-sync.js';
import { estimateKling } from './prices.js';
import type { KlingPriceTable } from '../../../shared/pricing/kling.js';
import { buildCreateCall } from './requests.js';
import { parseKlingCreate, parseKlingFind, parseKlingQuery } from './responses.js';
import { validateKling } from './validate.js';
import { klingAccountCall, parseKlingAccount } from './account.js';

export const KLING_DEFAULT_BASE_URL = 'https://api-singapore.klingai.com';
export const KLING_BEIJING_BASE_URL = 'https://api-beijing.klingai.com';

function keys(credentials: Record<string, string>): { accessKey: string; secretKey: string } {
  const accessKey = credentials.accessKey?.trim();
  const secretKey = credentials.secretKey?.trim();
  if (!accessKey || !secretKey) {
    throw new KlingCallError({ kind: 'auth', code: 'credentials', httpStatus: 0, message: 'The Kling account has no access key or secret key: add both in Settings → Providers' });
  }
  return { accessKey, secretKey };
}

async function createCall(task: ResolvedTask, idempotencyKey: string, ctx: AdapterContext): Promise<HttpCall> {
  // The engine validates before persisting; checking again here keeps a bad task from ever
  // reaching Kling (and being charged) if a caller skipped that step.
  const problems = validateKling(task);
  if (problems.length > 0) {
    throw new KlingCallError({ kind: 'invalid', code: 'validation', httpStatus: 0, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') });
  }
  return task.spec.taskType === 'lip_sync' ? buildLipSyncCall(task, idempotencyKey, ctx) : buildCreateCall(task, idempotencyKey, ctx);
}

// `satisfies` keeps the optional members Kling has (lookup by key, account) known as present.
export const klingAdapter = {
  id: 'kling',
  label: 'Kling AI',
  credentialFields: [
    { name: 'accessKey', label: 'Access key', secret: false },
    { name: 'secretKey', label: 'Secret key', secret: true },
  ],
  defaultBaseUrl: KLING_DEFAULT_BASE_URL,
  models: KLING_MODELS,
  // Kling's slots depend on the account's resource pack; 3 is safe for entry packs, and a
  // 1303 (concurrency over the pack's limit) is classified as load and backed off anyway.
  concurrency: 3,

  validate: validateKling,
  estimateCredits: (spec, prices: KlingPriceTable) => estimateKling(spec, prices),
  authHeaders: async (ctx) => ({ Authorization: `Bearer ${await signKlingToken(keys(ctx.credentials), ctx.now())}` }),

  createCall,
  queryCall: (task, providerTaskId) => ({ method: 'GET', path: queryPath(task, providerTaskId) }),
  findCall: (task, idempotencyKey) => ({ method: 'GET', path: findPath(task, idempotencyKey) }),

  classify: classifyKling,
  parseCreate: parseKlingCreate,
  parseQuery: parseKlingQuery,
  parseFind: parseKlingFind,

  accountCall: klingAccountCall,
  parseAccount: parseKlingAccount,
  // The balance call is limited to 1 query a second; a lookup of a task that does not exist is
  // as cheap, proves the keys just as well (1203 rather than 1000–1004), and never collides with it.
  testCall: () => ({ method: 'GET', path: `${KLING_PATHS.text2video}/dailies-connection-test` }),
} satisfies ProviderAdapter;

export { createPath, KlingCallError };

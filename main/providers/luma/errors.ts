// Luma's failures: HTTP status with `{detail}` (a sentence, or a list of field problems for a
// 422). A 429 waits (Retry-After); "insufficient credits" is money; a moderation refusal is a
// rejection; a generation that ends `failed` says why in `failure_reason`.
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { isObject, snippet, str } from '../wire/json.js';
import { kindForStatus, retryAfterMs } from '../wire/errors.js';

const SAFETY = /moderation|not allowed|safety|inappropriate|policy/i;
const MONEY = /insufficient (credits|balance|funds)|out of credits|payment required|billing/i;

/** `detail` as a sentence: a string, or a 422's list of {loc, msg}. */
export function lumaDetail(json: unknown): string | null {
  if (!isObject(json)) return null;
  const d = json.detail;
  if (typeof d === 'string') return d;
  if (Array.isArray(d)) {
    return d.map((e) => (isObject(e) ? `${Array.isArray(e.loc) ? e.loc.join('.') : ''}: ${str(e.msg) ?? ''}` : String(e))).join('; ');
  }
  return str(json.message) ?? str(json.error);
}

function kindOf(status: number, detail: string): ErrorKind {
  if (status === 402 || MONEY.test(detail)) return 'money';
  if (status === 400 && SAFETY.test(detail)) return 'policy';
  if (status === 422) return 'invalid';
  return kindForStatus(status);
}

const WHY: Record<ErrorKind, string> = {
  load: 'Luma is rate-limiting this key',
  money: 'the Luma account has too few credits: top it up',
  policy: "Luma's moderation refused the prompt: rewrite it",
  auth: 'Luma does not accept this API key',
  auth_expired: 'the key expired',
  invalid: 'Luma rejected the request parameters',
  not_found: 'Luma does not know this generation',
  server: 'Luma server error',
};

export function classifyLuma(result: HttpResult): ProviderError | null {
  if (result.status >= 200 && result.status < 300) {
    if (isObject(result.json)) return null;
    return { kind: 'server', code: String(result.status), httpStatus: result.status, message: `Luma answered HTTP ${result.status} with a body that is not JSON: ${snippet(result.text)}` };
  }
  const detail = lumaDetail(result.json) ?? snippet(result.text);
  const kind = kindOf(result.status, detail);
  const wait = kind === 'load' || kind === 'server' ? retryAfterMs(result.headers) : undefined;
  return {
    kind, code: String(result.status), httpStatus: result.status,
    message: `${WHY[kind]} — Luma says: ${detail || `HTTP ${result.status}`}`,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  };
}

export function generationFailure(reason: string | null): ProviderError {
  const text = reason ?? 'Luma reports the generation failed without a reason';
  const policy = SAFETY.test(text);
  return { kind: policy ? 'policy' : 'server', code: 'failed', httpStatus: 200, message: policy ? `${WHY.policy} (${text})` : `Luma could not make the video: ${text}` };
}

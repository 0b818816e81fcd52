// Sora's failures: OpenAI's `{error: {message, type, param, code}}` and HTTP status. A 429 is a
// rate limit (wait: Retry-After, or the x-ratelimit-reset-* header) unless its code is
// insufficient_quota, which is money and never retried; moderation_blocked is a rejection.
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { durationMs, isObject, snippet, str } from '../wire/json.js';
import { header, kindForStatus, retryAfterMs } from '../wire/errors.js';

const SAFETY = /moderation|safety|content policy|guardrail/i;

export interface OpenAIError {
  message: string;
  type: string | null;
  code: string | null;
  param: string | null;
}

export function readOpenAIError(json: unknown): OpenAIError | null {
  if (!isObject(json) || !isObject(json.error)) return null;
  const e = json.error;
  return { message: str(e.message) ?? '', type: str(e.type), code: str(e.code), param: str(e.param) };
}

/** How long OpenAI asks a rate-limited client to wait: Retry-After(-ms), else the reset header of the limit that ran out. */
export function soraRetryAfterMs(headers: Record<string, string>): number | undefined {
  const direct = retryAfterMs(headers);
  if (direct !== undefined) return direct;
  const requestsLeft = header(headers, 'x-ratelimit-remaining-requests');
  const tokensLeft = header(headers, 'x-ratelimit-remaining-tokens');
  const resets = [
    requestsLeft === '0' || requestsLeft === undefined ? durationMs(header(headers, 'x-ratelimit-reset-requests')) : undefined,
    tokensLeft === '0' ? durationMs(header(headers, 'x-ratelimit-reset-tokens')) : undefined,
  ].filter((v): v is number => v !== undefined);
  return resets.length ? Math.max(...resets) : undefined;
}

function kindOf(status: number, e: OpenAIError | null): ErrorKind {
  const code = e?.code ?? '';
  if (code === 'insufficient_quota' || e?.type === 'insufficient_quota' || code === 'billing_hard_limit_reached') return 'money';
  if (code === 'moderation_blocked' || (status === 400 && SAFETY.test(e?.message ?? ''))) return 'policy';
  if (code === 'invalid_api_key') return 'auth';
  return kindForStatus(status);
}

const WHY: Record<ErrorKind, string> = {
  load: 'OpenAI is rate-limiting this key',
  money: 'the OpenAI account has no quota left (billing): add credit or raise the limit',
  policy: "OpenAI's moderation refused the request: rewrite the prompt or change the image",
  auth: 'OpenAI does not accept this API key for Sora (or the organization lacks access)',
  auth_expired: 'the key expired',
  invalid: 'OpenAI rejected the request parameters',
  not_found: 'OpenAI does not know this video (or its content has expired)',
  server: 'OpenAI server error',
};

export function classifySora(result: HttpResult): ProviderError | null {
  if (result.status >= 200 && result.status < 300) {
    if (isObject(result.json)) return null;
    return { kind: 'server', code: String(result.status), httpStatus: result.status, message: `OpenAI answered HTTP ${result.status} with a body that is not JSON: ${snippet(result.text)}` };
  }
  const e = readOpenAIError(result.json);
  const kind = kindOf(result.status, e);
  const wait = kind === 'load' || kind === 'server' ? soraRetryAfterMs(result.headers) : undefined;
  return {
    kind,
    code: e?.code ?? e?.type ?? String(result.status),
    httpStatus: result.status,
    message: `${WHY[kind]} — OpenAI says: ${e?.message || snippet(result.text) || `HTTP ${result.status}`}`,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  };
}

/** A video that ended `failed`, from its `error` object. */
export function videoFailure(error: unknown): ProviderError {
  const e = isObject(error) ? error : {};
  const code = str(e.code) ?? 'failed';
  const message = str(e.message) ?? 'Sora reports the video failed without a reason';
  const policy = code === 'moderation_blocked' || SAFETY.test(message);
  return { kind: policy ? 'policy' : 'server', code, httpStatus: 200, message: policy ? `${WHY.policy} (${message})` : `Sora could not make the video: ${message}` };
}

// Veo's failures (Gemini API: google.rpc.Status in `{error: {code, message, status, details}}`)
// mapped to what the job engine must do. The status string carries the meaning:
// RESOURCE_EXHAUSTED is load (wait the body's RetryInfo.retryDelay, e.g. "38s"), never money;
// FAILED_PRECONDITION about billing is money; a key Google does not accept is auth.
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { durationMs, isObject, num, snippet, str } from '../wire/json.js';
import { kindForStatus, retryAfterMs } from '../wire/errors.js';

const SAFETY_WORDS = /safety|usage guidelines|responsible ai|blocked|prohibited|policy/i;

export interface GoogleStatus {
  code: number | null;
  status: string | null;
  message: string;
  details: unknown[];
}

export function readGoogleError(json: unknown): GoogleStatus | null {
  if (!isObject(json) || !isObject(json.error)) return null;
  const e = json.error;
  return { code: num(e.code), status: str(e.status), message: str(e.message) ?? '', details: Array.isArray(e.details) ? e.details : [] };
}

function detailOf(details: unknown[], type: string): Record<string, unknown> | null {
  for (const d of details) if (isObject(d) && typeof d['@type'] === 'string' && (d['@type'] as string).endsWith(type)) return d;
  return null;
}

/** The wait Google asks for: RetryInfo.retryDelay in the body ("38s"), else a Retry-After header. */
export function veoRetryDelayMs(err: GoogleStatus, headers: Record<string, string>): number | undefined {
  const info = detailOf(err.details, 'google.rpc.RetryInfo');
  const delay = info ? info.retryDelay : undefined;
  // retryDelay is a protobuf Duration: "38s" in JSON, or {seconds, nanos} from some clients.
  if (typeof delay === 'string') return durationMs(delay);
  if (isObject(delay)) return Math.round((num(delay.seconds) ?? 0) * 1000 + (num(delay.nanos) ?? 0) / 1e6);
  return retryAfterMs(headers);
}

function kindOf(err: GoogleStatus, httpStatus: number): ErrorKind {
  const reason = str(detailOf(err.details, 'google.rpc.ErrorInfo')?.reason);
  switch (err.status) {
    case 'RESOURCE_EXHAUSTED':
      return 'load';
    case 'UNAUTHENTICATED':
    case 'PERMISSION_DENIED':
      return 'auth';
    case 'FAILED_PRECONDITION':
      return /billing|payment|credit|balance/i.test(err.message) ? 'money' : 'invalid';
    case 'INVALID_ARGUMENT':
      if (reason === 'API_KEY_INVALID' || /api key not valid/i.test(err.message)) return 'auth';
      return SAFETY_WORDS.test(err.message) ? 'policy' : 'invalid';
    case 'NOT_FOUND':
      return 'not_found';
    case 'INTERNAL':
    case 'UNAVAILABLE':
    case 'DEADLINE_EXCEEDED':
    case 'ABORTED':
    case 'UNKNOWN':
      return 'server';
    default:
      return kindForStatus(httpStatus);
  }
}

const WHY: Record<ErrorKind, string> = {
  load: 'Veo is rate-limiting this key (RESOURCE_EXHAUSTED)',
  auth: 'Google does not accept this API key for Veo',
  auth_expired: 'the key expired',
  money: 'billing is not enabled or has run out for this Google project',
  policy: "Veo's safety filters refused the request: rewrite the prompt or change the images",
  invalid: 'Veo rejected the request parameters',
  not_found: 'Veo does not know this operation or file',
  server: 'Veo server error',
};

export function classifyVeo(result: HttpResult): ProviderError | null {
  const ok2xx = result.status >= 200 && result.status < 300;
  if (ok2xx) {
    if (isObject(result.json)) return null;
    return { kind: 'server', code: String(result.status), httpStatus: result.status, message: `Veo answered HTTP ${result.status} with a body that is not JSON: ${snippet(result.text)}` };
  }
  const err = readGoogleError(result.json);
  if (!err) {
    const kind = kindForStatus(result.status);
    const ms = retryAfterMs(result.headers);
    return { kind, code: String(result.status), httpStatus: result.status, message: `Veo answered HTTP ${result.status}: ${snippet(result.text) || 'no body'}`, ...(ms !== undefined ? { retryAfterMs: ms } : {}) };
  }
  const kind = kindOf(err, result.status);
  const ms = kind === 'load' || kind === 'server' ? veoRetryDelayMs(err, result.headers) : undefined;
  return {
    kind,
    code: err.status ?? String(err.code ?? result.status),
    httpStatus: result.status,
    message: `${WHY[kind]} — Google says: ${err.message || '(no message)'}`,
    ...(ms !== undefined ? { retryAfterMs: ms } : {}),
  };
}

/** An operation that finished with `error` (google.rpc.Status with a gRPC code) as a ProviderError. */
export function operationFailure(error: unknown): ProviderError {
  const e = isObject(error) ? error : {};
  const code = num(e.code);
  const message = str(e.message) ?? 'Veo reports the operation failed without a reason';
  // gRPC codes: 3 INVALID_ARGUMENT, 8 RESOURCE_EXHAUSTED, 9 FAILED_PRECONDITION, 13 INTERNAL, 14 UNAVAILABLE.
  const kind: ErrorKind = SAFETY_WORDS.test(message) ? 'policy' : code === 3 ? 'invalid' : code === 9 ? 'invalid' : 'server';
  return { kind, code: `operation:${code ?? '?'}`, httpStatus: 200, message: kind === 'policy' ? `${WHY.policy} (${message})` : `Veo could not make the video: ${message}` };
}

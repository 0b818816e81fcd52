// MiniMax answers HTTP 200 with the verdict in `base_resp.status_code` (providers.md): 0 ok,
// 1002 rate limit, 1004 auth, 1008 insufficient balance, 1026/1027 sensitive input/output,
// 2013 bad parameters. The code decides, not the HTTP status.
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { isObject, num, snippet, str } from '../wire/json.js';
import { kindForStatus, withRetryAfter } from '../wire/errors.js';

export const MINIMAX_STATUS_CODES: Readonly<Record<number, { kind: ErrorKind; why: string }>> = {
  1000: { kind: 'server', why: 'MiniMax had an unknown error' },
  1001: { kind: 'server', why: 'MiniMax timed out' },
  1002: { kind: 'load', why: 'MiniMax rate limit reached' },
  1004: { kind: 'auth', why: 'MiniMax refused the API key' },
  1008: { kind: 'money', why: 'the MiniMax account balance is too low: top up the account' },
  1013: { kind: 'server', why: 'MiniMax internal service error' },
  1026: { kind: 'policy', why: 'MiniMax found sensitive content in the input: rewrite the prompt or change the image' },
  1027: { kind: 'policy', why: 'MiniMax found sensitive content in the generated video: rewrite the prompt' },
  1039: { kind: 'load', why: 'MiniMax token limit reached' },
  2013: { kind: 'invalid', why: 'MiniMax rejected the request parameters' },
  2049: { kind: 'auth', why: 'MiniMax says the API key is invalid' },
};

export function baseResp(json: unknown): { code: number; msg: string } | null {
  if (!isObject(json) || !isObject(json.base_resp)) return null;
  const code = num(json.base_resp.status_code);
  return code === null ? null : { code, msg: str(json.base_resp.status_msg) ?? '' };
}

export function classifyMinimax(result: HttpResult): ProviderError | null {
  const resp = baseResp(result.json);
  const ok = result.status >= 200 && result.status < 300;
  if (!resp) {
    const kind = ok ? 'server' : kindForStatus(result.status);
    return withRetryAfter({ kind, code: String(result.status), httpStatus: result.status, message: `MiniMax answered HTTP ${result.status} without base_resp${result.text ? `: ${snippet(result.text)}` : ''}` }, result.headers);
  }
  if (resp.code === 0 && ok) return null;
  const known = MINIMAX_STATUS_CODES[resp.code];
  const kind = known?.kind ?? (ok ? 'invalid' : kindForStatus(result.status));
  const parts = [known?.why ?? `MiniMax error ${resp.code}`];
  if (resp.msg) parts.push(`MiniMax says: ${resp.msg}`);
  return withRetryAfter({ kind, code: String(resp.code), httpStatus: result.status, message: parts.join(' — ') }, result.headers);
}

// Kling's failures mapped to what the job engine must do about them (ErrorKind). The table is
// providers.md's, code first: Kling puts the meaning in `code`, and the same HTTP status can
// mean opposite things (429 is "slow down" for 1302/1303 but "no money" for 1100–1102, which
// must never be retried).
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { readEnvelope } from './envelope.js';
import { kindForStatus, withRetryAfter } from '../wire/errors.js';
import { snippet } from '../wire/json.js';

interface CodeRange {
  from: number;
  to: number;
  kind: ErrorKind;
  why: string;
}

export const KLING_ERROR_CODES: readonly CodeRange[] = [
  { from: 1000, to: 1003, kind: 'auth', why: 'authentication failed: check the access key and secret key' },
  { from: 1004, to: 1004, kind: 'auth_expired', why: 'the signed token expired' },
  { from: 1100, to: 1102, kind: 'money', why: 'the account cannot pay (arrears or resource pack exhausted): top up the Kling account' },
  { from: 1103, to: 1103, kind: 'auth', why: 'this account has no permission for the requested model or feature' },
  { from: 1200, to: 1201, kind: 'invalid', why: 'Kling rejected the request parameters' },
  { from: 1202, to: 1203, kind: 'not_found', why: 'Kling does not know this task or input' },
  { from: 1300, to: 1301, kind: 'policy', why: 'content safety rejected the request: rewrite the prompt or change the references' },
  { from: 1302, to: 1303, kind: 'load', why: 'rate or concurrency limit reached' },
  // An IP whitelist refusal will not clear by waiting: the user must change the account settings.
  { from: 1304, to: 1304, kind: 'auth', why: "this machine's IP address is not on the account's whitelist" },
  { from: 5000, to: 5002, kind: 'server', why: 'Kling server error, maintenance or backlog timeout' },
];

export function kindForCode(code: number): CodeRange | null {
  return KLING_ERROR_CODES.find((r) => code >= r.from && code <= r.to) ?? null;
}

export function classifyKling(result: HttpResult): ProviderError | null {
  const env = readEnvelope(result.json);
  const ok2xx = result.status >= 200 && result.status < 300;

  if (!env) {
    // A 2xx we cannot read is Kling (or a gateway) misbehaving, not our request being wrong.
    const kind = ok2xx ? 'server' : kindForStatus(result.status);
    const said = snippet(result.text);
    return withRetryAfter(
      {
        kind,
        code: String(result.status),
        httpStatus: result.status,
        message: `Kling answered HTTP ${result.status} with a body that is not its JSON envelope${said ? `: ${said}` : ''}`,
      },
      result.headers,
    );
  }

  if (env.code === 0 && ok2xx) {
    if (env.data === undefined || env.data === null) {
      return {
        kind: 'server',
        code: '0',
        httpStatus: result.status,
        message: 'Kling answered success without data',
      };
    }
    return null;
  }

  const known = kindForCode(env.code);
  const kind = known?.kind ?? kindForStatus(result.status);
  const parts = [known?.why ?? `Kling error ${env.code}`];
  if (env.message) parts.push(`Kling says: ${env.message}`);
  if (env.requestId) parts.push(`request ${env.requestId}`);
  return withRetryAfter(
    { kind, code: String(env.code), httpStatus: result.status, message: parts.join(' — ') },
    result.headers,
  );
}

/**
 * Thrown by the adapter when it cannot build or read a call (a failed identify-face step, a
 * malformed answer): the shared ProviderCallError, under the name the Kling code and its callers
 * have always used.
 */
export { ProviderCallError as KlingCallError } from '../wire/errors.js';

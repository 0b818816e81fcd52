// Runway's refusals mapped to what the job engine must do. HTTP answers carry `{error}`; failed
// tasks carry `failureCode` (SAFETY.INPUT.TEXT, INTERNAL.BAD_OUTPUT.CODE01, ASSET.INVALID…).
// THROTTLED is not here: it is a task status meaning "waiting for a slot" (responses.ts).
import type { ErrorKind, HttpResult, ProviderError } from '../types.js';
import { isObject, snippet, str } from '../wire/json.js';
import { kindForStatus, withRetryAfter } from '../wire/errors.js';

/** Runway answers an unaffordable task with a 400 whose text mentions credits. */
const NO_CREDITS = /credit|balance|insufficient funds/i;
/** Input moderation can also refuse at create, as a 400 that names it. */
const MODERATION = /moderation|SAFETY\./i;

export function classifyRunway(result: HttpResult): ProviderError | null {
  const ok = result.status >= 200 && result.status < 300;
  if (ok) {
    // DELETE /v1/tasks/{id} answers 204 with no body.
    if (isObject(result.json) || result.text === '') return null;
    return { kind: 'server', code: String(result.status), httpStatus: result.status, message: `Runway answered HTTP ${result.status} with a body that is not JSON${result.text ? `: ${snippet(result.text)}` : ''}` };
  }
  const said = isObject(result.json) ? str(result.json.error) : null;
  let kind: ErrorKind = kindForStatus(result.status);
  if (result.status === 400 && said && NO_CREDITS.test(said)) kind = 'money';
  else if (result.status === 400 && said && MODERATION.test(said)) kind = 'policy';
  const why: Record<ErrorKind, string> = {
    money: 'the Runway organization has too few credits: buy credits in the Runway developer portal',
    load: 'Runway rate or daily limit reached',
    auth: 'Runway refused the API key',
    auth_expired: 'Runway refused the API key',
    invalid: 'Runway rejected the request',
    not_found: 'Runway does not know this task',
    policy: 'Runway content moderation refused the request',
    server: 'Runway server error',
  };
  const text = said ?? (result.text ? snippet(result.text) : '');
  return withRetryAfter(
    { kind, code: String(result.status), httpStatus: result.status, message: `${why[kind]}${text ? ` — Runway says: ${text}` : ''}` },
    result.headers,
  );
}

/** A failed task's failureCode → kind: SAFETY.* anywhere in the code is a content rejection. */
export function kindForFailureCode(code: string | null): ErrorKind {
  if (!code) return 'server';
  const parts = code.toUpperCase().split('.');
  if (parts.includes('SAFETY')) return 'policy';
  if (parts[0] === 'ASSET' || parts[0] === 'INPUT_PREPROCESSING') return 'invalid';
  return 'server';
}

// Runway task answers → RemoteTask. GET /v1/tasks/{id} reports PENDING | THROTTLED | RUNNING |
// SUCCEEDED | FAILED | CANCELLED. THROTTLED means the organization is at its concurrency limit
// and Runway holds the task in its own queue: that is waiting, not failing, so it maps to
// 'submitted' and the engine keeps polling.
import type { HttpResult, ProviderError, RemoteState, RemoteTask } from '../types.js';
import { isObject, num, str, type JsonObject } from '../wire/json.js';
import { malformed } from '../wire/errors.js';
import { kindForFailureCode } from './errors.js';

const STATES: Record<string, RemoteState> = {
  PENDING: 'submitted',
  THROTTLED: 'submitted',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'failed',
};

function failureOf(data: JsonObject, status: string, httpStatus: number): ProviderError {
  if (status === 'CANCELLED') return { kind: 'invalid', code: 'CANCELLED', httpStatus, message: 'The task was cancelled at Runway' };
  const code = str(data.failureCode);
  const text = str(data.failure) ?? 'Runway reports the task failed without a reason';
  const kind = kindForFailureCode(code);
  const message = kind === 'policy'
    ? `Runway's content moderation refused the generation (${code}: "${text}"); rewrite the prompt or change the references`
    : `Runway reports the task failed (${code ?? 'no code'}: "${text}")`;
  return { kind, code: code ?? 'FAILED', httpStatus, message };
}

function task(result: HttpResult): RemoteTask {
  if (!isObject(result.json)) throw malformed('Runway', result.status, 'not a JSON object');
  const data = result.json;
  const id = str(data.id);
  if (!id) throw malformed('Runway', result.status, 'id missing');
  const status = str(data.status);
  if (status === null) {
    // The create answer is just {id}: the task exists and waits.
    return { providerTaskId: id, state: 'submitted', progress: null, message: null, idempotencyKey: null, videos: [], actualCredits: null, failure: null };
  }
  const state = STATES[status];
  if (!state) throw malformed('Runway', result.status, `unknown status "${status}"`);
  const outputs = Array.isArray(data.output) ? data.output.map(str).filter((u): u is string => !!u) : [];
  return {
    providerTaskId: id,
    state,
    progress: num(data.progress),
    message: status === 'THROTTLED' ? 'Runway is holding the task until the account has a free slot (THROTTLED)' : null,
    idempotencyKey: null,
    // Runway names outputs by position only; the task id keeps them findable on its side.
    videos: state === 'succeeded' ? outputs.map((url, i) => ({ id: i === 0 ? id : `${id}#${i}`, url, durationS: null })) : [],
    // Runway reports no per-task charge; the estimate stands in (and the balance shows the truth).
    actualCredits: null,
    failure: state === 'failed' ? failureOf(data, status, result.status) : null,
  };
}

export const parseRunwayCreate = task;
export const parseRunwayQuery = task;

export function parseRunwayAccount(result: HttpResult): { remainingCredits: number | null } {
  return { remainingCredits: isObject(result.json) ? num(result.json.creditBalance) : null };
}

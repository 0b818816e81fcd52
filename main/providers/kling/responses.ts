// Kling task answers → RemoteTask. Called after classifyKling found no error, so the envelope
// is well-formed; a task object that still lacks its id is a malformed answer (server).
import type { HttpResult, ProviderError, RemoteState, RemoteTask, RemoteVideo } from '../types.js';
import { isObject, num, readEnvelope, str, type JsonObject } from './envelope.js';
import { malformed as malformedAnswer } from '../wire/errors.js';

const STATES: Record<string, RemoteState> = {
  submitted: 'submitted',
  processing: 'running',
  succeed: 'succeeded', // sic: Kling's spelling
  failed: 'failed',
};

/** Kling gives no structured reason for a failed task; safety refusals are recognisable by wording. */
const SAFETY_WORDS = /risk|safety|sensitive|policy|violat|inappropriate|moderation|censor|prohibit|illegal/i;

export function isSafetyMessage(msg: string | null): boolean {
  return msg !== null && SAFETY_WORDS.test(msg);
}

const malformed = (result: HttpResult, why: string) => malformedAnswer('Kling', result.status, why);

function videos(taskResult: unknown): RemoteVideo[] {
  if (!isObject(taskResult) || !Array.isArray(taskResult.videos)) return [];
  const out: RemoteVideo[] = [];
  for (const v of taskResult.videos) {
    if (!isObject(v)) continue;
    const id = str(v.id);
    const url = str(v.url);
    if (id === null || url === null) continue;
    out.push({ id, url, durationS: num(v.duration) });
  }
  return out;
}

function failureOf(message: string | null, httpStatus: number): ProviderError {
  const text = message ?? 'Kling reports the task failed without a reason';
  if (isSafetyMessage(message)) {
    return { kind: 'policy', code: 'task_failed', httpStatus, message: `Kling's content safety check refused the generation ("${text}"); rewrite the prompt or change the references` };
  }
  // Failed tasks are not charged; the engine may resubmit under its attempt limit.
  return { kind: 'server', code: 'task_failed', httpStatus, message: `Kling reports the task failed ("${text}")` };
}

/** One Kling task object (create, query, list item) → RemoteTask. */
export function taskFromData(data: JsonObject, httpStatus: number): RemoteTask | null {
  const providerTaskId = str(data.task_id);
  if (providerTaskId === null) return null;
  const status = str(data.task_status) ?? '';
  const state = STATES[status] ?? 'running';
  const message = str(data.task_status_msg) || null;
  const info = isObject(data.task_info) ? data.task_info : {};
  return {
    providerTaskId,
    state,
    progress: null, // Kling reports no progress
    message,
    idempotencyKey: str(info.external_task_id),
    videos: videos(data.task_result),
    actualCredits: num(data.final_unit_deduction),
    failure: state === 'failed' ? failureOf(message, httpStatus) : null,
  };
}

function singleTask(result: HttpResult): RemoteTask {
  const data = readEnvelope(result.json)?.data;
  if (!isObject(data)) throw malformed(result, 'data is not a task object');
  const task = taskFromData(data, result.status);
  if (!task) throw malformed(result, 'task_id missing');
  return task;
}

export function parseKlingCreate(result: HttpResult): RemoteTask {
  return singleTask(result);
}

export function parseKlingQuery(result: HttpResult): RemoteTask {
  return singleTask(result);
}

/**
 * The answer to findPath (endpoints.ts): a single task object, or a list in `data` (as the
 * list endpoint returns). Either way only a task echoing our key counts: a server that ignored
 * the filter and returned someone else's task must not be taken for ours.
 */
export function parseKlingFind(result: HttpResult, idempotencyKey: string): RemoteTask | null {
  const data = readEnvelope(result.json)?.data;
  const candidates: unknown[] = Array.isArray(data) ? data : isObject(data) ? [data] : [];
  for (const c of candidates) {
    if (!isObject(c)) continue;
    const task = taskFromData(c, result.status);
    if (task && task.idempotencyKey === idempotencyKey) return task;
  }
  return null;
}

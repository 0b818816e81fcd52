// Luma's generation object → RemoteTask: `id`, `state` queued | dreaming | completed | failed,
// `failure_reason`, and `assets.video` when done. The generation id is also what an extension
// refers to, so it is the video's id.
import type { HttpResult, RemoteState, RemoteTask } from '../types.js';
import { isObject, num, str } from '../wire/json.js';
import { malformed } from '../wire/errors.js';
import { generationFailure } from './errors.js';

const STATES: Record<string, RemoteState> = { queued: 'submitted', dreaming: 'running', completed: 'succeeded', failed: 'failed' };

export function parseLumaGeneration(result: HttpResult): RemoteTask {
  const g = result.json;
  if (!isObject(g)) throw malformed('Luma', result.status, 'the generation is not a JSON object');
  const id = str(g.id);
  const stateName = str(g.state);
  const state = stateName ? STATES[stateName] : undefined;
  if (!id || !state) throw malformed('Luma', result.status, `generation ${id ?? '?'} has no known state (${stateName ?? 'none'})`);
  const task: RemoteTask = { providerTaskId: id, state, progress: null, message: null, idempotencyKey: null, videos: [], actualCredits: null, failure: null };
  if (state === 'failed') {
    const failure = generationFailure(str(g.failure_reason));
    return { ...task, message: failure.message, failure };
  }
  if (state === 'succeeded') {
    const url = isObject(g.assets) ? str(g.assets.video) : null;
    if (!url) throw malformed('Luma', result.status, `generation ${id} is completed but has no assets.video`);
    const request = isObject(g.request) ? g.request : {};
    const seconds = num(String(request.duration ?? '').replace(/s$/, ''));
    return { ...task, progress: 1, videos: [{ id, url, durationS: seconds }] };
  }
  return task;
}

export function parseLumaCredits(result: HttpResult): { remainingCredits: number | null } {
  return { remainingCredits: isObject(result.json) ? num(result.json.credit_balance) : null };
}

/** Generations a lookup reads: the newest page of GET /generations (Luma lists at most 100 at a time). */
export const LUMA_FIND_LIMIT = 100;

/**
 * Our generation in a GET /generations answer: the one whose echoed request carries this job's
 * callback address (the newest, if the job was sent again). Null when none does.
 */
export function findLumaGeneration(result: HttpResult, callbackUrl: string): RemoteTask | null {
  const list = isObject(result.json) ? result.json.generations : undefined;
  if (!Array.isArray(list)) throw malformed('Luma', result.status, 'the generation list has no generations array');
  const ours = list.filter((g) => isObject(g) && isObject(g.request) && g.request.callback_url === callbackUrl);
  if (!ours.length) return null;
  const newest = ours.reduce((a, b) => (Date.parse(String(b.created_at)) > Date.parse(String(a.created_at)) ? b : a));
  return parseLumaGeneration({ ...result, json: newest });
}

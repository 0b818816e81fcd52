// fal queue answers → RemoteTask. Submit answers {request_id, status_url, response_url,
// cancel_url, queue_position}; the status endpoint answers IN_QUEUE | IN_PROGRESS | COMPLETED.
// COMPLETED means the queue is done with the request, not that it worked: an `error` there is a
// failure, and otherwise the video is in the answer at response_url (fetched as resultCall).
import type { HttpResult, ProviderError, RemoteState, RemoteTask, RemoteVideo } from '../types.js';
import { isObject, num, str } from '../wire/json.js';
import { malformed } from '../wire/errors.js';
import { requestPath } from './capabilities.js';

const STATES: Record<string, RemoteState> = {
  IN_QUEUE: 'submitted',
  IN_PROGRESS: 'running',
  COMPLETED: 'succeeded',
};

function base(id: string, state: RemoteState, position: number | null): RemoteTask {
  return {
    providerTaskId: id, state, progress: null,
    message: position !== null ? `In fal's queue at position ${position}` : null,
    idempotencyKey: null, videos: [], actualCredits: null, failure: null,
  };
}

export function parseFalSubmit(result: HttpResult): RemoteTask {
  const id = isObject(result.json) ? str(result.json.request_id) : null;
  if (!id || !isObject(result.json)) throw malformed('fal', result.status, 'request_id missing');
  return base(id, 'submitted', num(result.json.queue_position));
}

/** The status endpoint does not repeat the request id; the caller knows it from the path. */
export function parseFalStatus(result: HttpResult, requestId: string): RemoteTask {
  if (!isObject(result.json)) throw malformed('fal', result.status, 'not a JSON object');
  const status = str(result.json.status) ?? '';
  const state = STATES[status];
  if (!state) throw malformed('fal', result.status, `unknown status "${status}"`);
  const task = base(requestId, state, state === 'submitted' ? num(result.json.queue_position) : null);
  const error = str(result.json.error);
  if (state === 'succeeded' && error) {
    const policy = /content_policy|nsfw|safety/i.test(str(result.json.error_type) ?? '');
    const failure: ProviderError = policy
      ? { kind: 'policy', code: str(result.json.error_type) ?? 'error', httpStatus: result.status, message: `fal's content checker refused the generation ("${error}"); rewrite the prompt or change the image` }
      : { kind: 'server', code: str(result.json.error_type) ?? 'error', httpStatus: result.status, message: `fal reports the request failed ("${error}")` };
    return { ...task, state: 'failed', failure };
  }
  if (state === 'succeeded') task.resultCall = { method: 'GET', path: requestPath(requestId) };
  return task;
}

/** The result: {video: {url, file_name, file_size, content_type}}. */
export function parseFalResult(result: HttpResult, remote: RemoteTask): RemoteVideo[] {
  const video = isObject(result.json) && isObject(result.json.video) ? result.json.video : null;
  const url = video ? str(video.url) : null;
  if (!url) throw malformed('fal', result.status, 'video.url missing');
  return [{ id: remote.providerTaskId, url, durationS: null }];
}

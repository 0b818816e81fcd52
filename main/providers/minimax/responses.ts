// MiniMax answers → RemoteTask. A finished task names a file_id, not a link: the link comes
// from GET /v1/files/retrieve and is valid for 9 hours, so the engine fetches it (resultCall)
// right when the task succeeds and downloads at once.
import type { HttpResult, RemoteState, RemoteTask, RemoteVideo } from '../types.js';
import { isObject, str } from '../wire/json.js';
import { malformed } from '../wire/errors.js';
import { MINIMAX_PATHS } from './capabilities.js';

const STATES: Record<string, RemoteState> = {
  Preparing: 'submitted',
  Queueing: 'submitted',
  Processing: 'running',
  Success: 'succeeded',
  Fail: 'failed',
};

function base(providerTaskId: string, state: RemoteState): RemoteTask {
  return { providerTaskId, state, progress: null, message: null, idempotencyKey: null, videos: [], actualCredits: null, failure: null };
}

export function parseMinimaxCreate(result: HttpResult): RemoteTask {
  const id = isObject(result.json) ? str(result.json.task_id) : null;
  if (!id) throw malformed('MiniMax', result.status, 'task_id missing');
  return base(id, 'submitted');
}

export function retrieveCall(fileId: string) {
  return { method: 'GET' as const, path: `${MINIMAX_PATHS.retrieve}?file_id=${encodeURIComponent(fileId)}` };
}

export function parseMinimaxQuery(result: HttpResult): RemoteTask {
  if (!isObject(result.json)) throw malformed('MiniMax', result.status, 'not a JSON object');
  const data = result.json;
  const id = str(data.task_id);
  if (!id) throw malformed('MiniMax', result.status, 'task_id missing');
  const status = str(data.status) ?? '';
  const state = STATES[status];
  if (!state) throw malformed('MiniMax', result.status, `unknown status "${status}"`);
  const task = base(id, state);
  if (state === 'succeeded') {
    const fileId = str(data.file_id);
    if (!fileId) throw malformed('MiniMax', result.status, 'a successful task without file_id');
    task.resultCall = retrieveCall(fileId);
  }
  if (state === 'failed') {
    // Sensitive-content failures arrive as base_resp 1026/1027 and are classified before this.
    task.failure = { kind: 'server', code: 'Fail', httpStatus: result.status, message: 'MiniMax reports the task failed without a reason' };
  }
  return task;
}

/** The answer to files/retrieve: the file's download_url (valid 9 h), under the file's id. */
export function parseMinimaxResult(result: HttpResult): RemoteVideo[] {
  const file = isObject(result.json) && isObject(result.json.file) ? result.json.file : null;
  const url = file ? str(file.download_url) : null;
  const id = file ? str(file.file_id) : null;
  if (!file || !url || !id) throw malformed('MiniMax', result.status, 'file.download_url or file.file_id missing');
  return [{ id, url, durationS: null }];
}

// Sora's video object → RemoteTask: `id` (video_…) is both the task and the video, `status`
// queued | in_progress | completed | failed, `progress` in percent. The bytes come from
// GET /v1/videos/{id}/content with the API key, kept about an hour (`expires_at`).
import type { HttpResult, RemoteState, RemoteTask } from '../types.js';
import { isObject, num, str } from '../wire/json.js';
import { malformed } from '../wire/errors.js';
import { videoFailure } from './errors.js';

const STATES: Record<string, RemoteState> = { queued: 'submitted', in_progress: 'running', completed: 'succeeded', failed: 'failed' };

/** Where a finished video's bytes are, below the account's base URL. */
export function contentPath(videoId: string): string {
  return `/v1/videos/${encodeURIComponent(videoId)}/content?variant=video`;
}

export function parseSoraVideo(result: HttpResult): RemoteTask {
  const v = result.json;
  if (!isObject(v)) throw malformed('Sora', result.status, 'the video is not a JSON object');
  const id = str(v.id);
  const status = str(v.status);
  const state = status ? STATES[status] : undefined;
  if (!id || !state) throw malformed('Sora', result.status, `video ${id ?? '?'} has no known status (${status ?? 'none'})`);
  const progress = num(v.progress);
  const task: RemoteTask = {
    providerTaskId: id, state, progress: progress === null ? null : Math.min(1, Math.max(0, progress / 100)),
    message: null, idempotencyKey: null, videos: [], actualCredits: null, failure: null,
  };
  if (state === 'failed') {
    const failure = videoFailure(v.error);
    return { ...task, message: failure.message, failure };
  }
  if (state === 'succeeded') return { ...task, progress: 1, videos: [{ id, url: contentPath(id), durationS: num(v.seconds) }] };
  return task;
}

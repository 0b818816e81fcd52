// Veo's long-running operations → RemoteTask. The operation's `name` is the task id; `done`
// is absent (false) while it renders; a finished one holds either `error` (google.rpc.Status)
// or `response.generateVideoResponse`, whose `generatedSamples[0].video.uri` is the file to
// download with the API key. Safety filtering finishes WITHOUT an error: the response lists
// `raiMediaFilteredCount` / `raiMediaFilteredReasons` and no samples.
import type { HttpResult, RemoteTask, RemoteVideo } from '../types.js';
import { isObject, num, str } from '../wire/json.js';
import { malformed } from '../wire/errors.js';
import { operationFailure } from './errors.js';

/** The file id in a Veo file URI (…/v1beta/files/<id>:download?alt=media), else the URI itself. */
export function veoFileId(uri: string): string {
  return /\/files\/([^/:?]+)/.exec(uri)?.[1] ?? uri;
}

export function parseVeoOperation(result: HttpResult): RemoteTask {
  const op = result.json;
  if (!isObject(op)) throw malformed('Veo', result.status, 'the operation is not a JSON object');
  const name = str(op.name);
  if (!name) throw malformed('Veo', result.status, 'the operation has no name');
  const base: RemoteTask = { providerTaskId: name, state: 'running', progress: null, message: null, idempotencyKey: null, videos: [], actualCredits: null, failure: null };
  if (op.done !== true) return base;
  if (op.error !== undefined) {
    const failure = operationFailure(op.error);
    return { ...base, state: 'failed', message: failure.message, failure };
  }
  const response = isObject(op.response) ? op.response : {};
  const gen = isObject(response.generateVideoResponse) ? response.generateVideoResponse : {};
  const samples = Array.isArray(gen.generatedSamples) ? gen.generatedSamples : [];
  const videos: RemoteVideo[] = [];
  for (const s of samples) {
    const uri = isObject(s) && isObject(s.video) ? str(s.video.uri) : null;
    if (uri) videos.push({ id: veoFileId(uri), url: uri, durationS: null });
  }
  const filtered = num(gen.raiMediaFilteredCount) ?? 0;
  if (videos.length === 0 && filtered > 0) {
    const reasons = Array.isArray(gen.raiMediaFilteredReasons) ? gen.raiMediaFilteredReasons.map(String).join('; ') : '';
    const message = `Veo's safety filters removed the video${reasons ? ` (${reasons})` : ''}: rewrite the prompt or change the images`;
    return { ...base, state: 'failed', message, failure: { kind: 'policy', code: 'raiMediaFiltered', httpStatus: result.status, message } };
  }
  if (videos.length === 0) throw malformed('Veo', result.status, 'the operation is done but lists no video');
  return { ...base, state: 'succeeded', progress: 1, videos };
}

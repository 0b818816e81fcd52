// Lip sync is two calls: identify-face finds the faces in the parent clip (a session valid for a
// while on Kling's side), then advanced-lip-sync creates the task for one face. identify-face
// creates no task and costs nothing, so running it again after a crash is harmless; only the
// second call carries our idempotency key.
import type { AdapterContext, HttpCall, HttpResult, ResolvedParent, ResolvedTask } from '../types.js';
import { KLING_PATHS } from './endpoints.js';
import { classifyKling, KlingCallError } from './errors.js';
import { isObject, readEnvelope, str } from './envelope.js';
import { inputById } from './inputs.js';
import { fileBase64, taskEnvelopeFields } from './requests.js';

export interface KlingFace {
  faceId: string;
  startMs: number | null;
  endMs: number | null;
}

export interface IdentifiedFaces {
  sessionId: string;
  faces: KlingFace[];
}

/**
 * Prefer Kling's own video id (no re-download on their side); fall back to the result URL. Also
 * sent on its own (edit.faces) so the user can choose the face before submitting.
 */
export function identifyFaceCall(parent: ResolvedParent | null): HttpCall {
  if (parent?.provider === 'kling' && parent.providerVideoId) {
    return { method: 'POST', path: KLING_PATHS.identifyFace, json: { video_id: parent.providerVideoId } };
  }
  if (parent?.providerVideoUrl) {
    return { method: 'POST', path: KLING_PATHS.identifyFace, json: { video_url: parent.providerVideoUrl } };
  }
  throw invalid('parentRenderId', 'lip sync needs a parent clip made by Kling (or with a Kling video URL)');
}

export function parseIdentifyFace(result: HttpResult): IdentifiedFaces {
  const err = classifyKling(result);
  if (err) throw new KlingCallError({ ...err, message: `Finding faces for lip sync failed: ${err.message}` });
  const data = readEnvelope(result.json)?.data;
  const sessionId = isObject(data) ? str(data.session_id) : null;
  if (!isObject(data) || !sessionId) {
    throw new KlingCallError({ kind: 'server', code: String(result.status), httpStatus: result.status, message: 'identify-face answered without a session_id' });
  }
  const list = Array.isArray(data.face_data) ? data.face_data : [];
  const faces: KlingFace[] = [];
  for (const f of list) {
    const faceId = isObject(f) ? str(f.face_id) : null;
    if (!isObject(f) || !faceId) continue;
    faces.push({ faceId, startMs: typeof f.start_time === 'number' ? f.start_time : null, endMs: typeof f.end_time === 'number' ? f.end_time : null });
  }
  return { sessionId, faces };
}

/** The face the user chose, or the only one; several faces and no choice is the user's call to make. */
export function chooseFace(faces: readonly KlingFace[], wanted: string | undefined): KlingFace {
  if (wanted !== undefined) {
    const hit = faces.find((f) => f.faceId === wanted);
    if (!hit) throw invalid('lipSync.faceId', `face "${wanted}" is not in this clip; faces found: ${faces.map((f) => f.faceId).join(', ') || 'none'}`);
    return hit;
  }
  const only = faces[0];
  if (faces.length === 1 && only) return only;
  if (faces.length === 0) throw invalid('parentRenderId', 'Kling found no face in the parent clip: choose a clip with a visible face');
  throw invalid('lipSync.faceId', `the clip has ${faces.length} faces (${faces.map((f) => f.faceId).join(', ')}): choose which one speaks`);
}

export async function buildLipSyncCall(task: ResolvedTask, idempotencyKey: string, ctx: AdapterContext): Promise<HttpCall> {
  const lip = task.spec.lipSync;
  if (!lip) throw invalid('lipSync.audioRefId', 'lip sync needs an audio reference');
  const audio = inputById(task, lip.audioRefId);
  if (!audio) throw invalid('lipSync.audioRefId', `audio reference ${lip.audioRefId} is not resolved`);

  const { sessionId, faces } = parseIdentifyFace(await ctx.send(identifyFaceCall(task.parent)));
  const face = chooseFace(faces, lip.faceId);

  const choice: Record<string, unknown> = {
    face_id: face.faceId,
    sound_file: await fileBase64(ctx, audio.path),
    // Use the whole audio, starting where the face first appears.
    sound_start_time: 0,
    sound_insert_time: face.startMs ?? 0,
    sound_volume: 1,
    original_audio_volume: 1,
  };
  if (audio.durationMs !== null) choice.sound_end_time = audio.durationMs;
  return {
    method: 'POST',
    path: KLING_PATHS.advancedLipSync,
    json: { session_id: sessionId, face_choose: [choice], ...taskEnvelopeFields(idempotencyKey, ctx) },
  };
}

function invalid(field: string, message: string): KlingCallError {
  return new KlingCallError({ kind: 'invalid', code: 'input', httpStatus: 0, message: `${field}: ${message}` });
}

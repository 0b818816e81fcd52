// Lip sync in Kling's two steps: identify-face finds the faces in a video and opens a session;
// advanced-lip-sync then picks a face and the sound to put in its mouth.
import { randomUUID } from 'node:crypto';
import { badParam } from './wire.js';
import * as p from './params.js';
import { parseUrl } from './image-input.js';
import { lipSyncUnits } from './models.js';
import type { FaceSession, SimulatorState } from '../../simulator/state.js';
import type { TaskPlan } from './requests-video.js';

export interface LipSyncContext {
  state: SimulatorState;
  /** A video by our id or by URL (ours or anyone's), as a local file with its facts. */
  resolveVideo(ref: { videoId?: string; url?: string }): Promise<FaceSession['video']>;
}

export async function identifyFace(body: p.Body, ctx: LipSyncContext) {
  const videoId = p.optString(body, 'video_id', 128);
  const videoUrl = p.optString(body, 'video_url', 2048);
  if (!videoId === !videoUrl) throw badParam('video_id', 'send exactly one of video_id and video_url');
  if (videoUrl) parseUrl('video_url', videoUrl);
  const video = await ctx.resolveVideo(videoId ? { videoId } : { url: videoUrl! });
  // The first face is on screen for the whole clip; each further one (state.facesPerClip) comes in
  // later, so their time ranges tell them apart as Kling's do. Ids are stable for a clip.
  const endMs = Math.round(video.durationS * 1000);
  const count = Math.max(0, Math.floor(ctx.state.facesPerClip));
  const session: FaceSession = {
    sessionId: randomUUID(),
    video,
    faces: Array.from({ length: count }, (_, i) => ({
      face_id: String(i), face_image: video.url, start_time: Math.round((endMs * i) / (count + 1)), end_time: endMs,
    })),
  };
  ctx.state.faceSessions.set(session.sessionId, session);
  return { session_id: session.sessionId, final_unit_deduction: '0', face_data: session.faces };
}

function optMs(entry: Record<string, unknown>, field: string, where: string): void {
  const v = entry[field];
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) throw badParam(`${where}.${field}`, 'must be milliseconds (a number ≥ 0)');
}

export function planLipSync(body: p.Body, state: SimulatorState): TaskPlan {
  const sessionId = p.reqString(body, 'session_id', 128);
  const session = state.faceSessions.get(sessionId);
  if (!session) throw badParam('session_id', `no face session "${sessionId}"; call /v1/videos/identify-face first`);
  const choose = p.array(body, 'face_choose', session.faces.length);
  if (!choose?.length) throw badParam('face_choose', 'needs at least one {face_id, sound_file}');
  let sound: string | null = null;
  choose.forEach((raw, i) => {
    const where = `face_choose[${i}]`;
    const entry = (raw ?? {}) as Record<string, unknown>;
    if (!session.faces.some((f) => f.face_id === String(entry.face_id))) throw badParam(`${where}.face_id`, `is not a face of session ${sessionId}`);
    const hasFile = typeof entry.sound_file === 'string' && entry.sound_file !== '';
    if (hasFile === (entry.audio_id !== undefined)) throw badParam(where, 'send exactly one of sound_file and audio_id');
    if (!hasFile) throw badParam(`${where}.audio_id`, 'the simulator keeps no uploaded audio; send sound_file (URL or raw base64)');
    for (const f of ['sound_start_time', 'sound_end_time', 'sound_insert_time']) optMs(entry, f, where);
    for (const f of ['sound_volume', 'original_audio_volume']) {
      const v = entry[f];
      if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 2)) throw badParam(`${where}.${f}`, 'must be a number from 0 to 2');
    }
    sound ??= entry.sound_file as string;
  });
  const s = sound as unknown as string;
  let audio: TaskPlan['render']['audio'];
  if (/^https?:\/\//i.test(s)) audio = { kind: 'url', url: parseUrl(`face_choose[0].sound_file`, s).href };
  else if (/^[A-Za-z0-9+/\s]+={0,2}$/.test(s)) audio = { kind: 'inline', bytes: Buffer.from(s, 'base64'), ext: 'bin' };
  else throw badParam('face_choose[0].sound_file', 'must be an audio URL or raw base64 (mp3, wav, m4a)');
  const { width, height, durationS } = session.video;
  return {
    endpoint: 'advanced-lip-sync',
    model: 'lip-sync',
    units: lipSyncUnits(durationS),
    render: {
      label: 'advanced-lip-sync',
      prompt: 'lip sync',
      width,
      height,
      durationS,
      sound: true,
      audio,
      source: { ref: { kind: 'file', path: session.video.file }, edit: 'lipsync', durationS },
    },
  };
}

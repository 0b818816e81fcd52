// Reading media facts with ffprobe, and deciding whether a file is the kind it claims to be.
import type { MediaKind, ProbeData } from '../../shared/domain.js';
import { runTool, ToolError } from './run-tool.js';

export interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
}
export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; tags?: Record<string, string> };
}

export class NotMediaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotMediaError';
  }
}

function rate(r: string | undefined): number | null {
  if (!r) return null;
  const [n, d] = r.split('/').map(Number);
  if (!n || !d || !Number.isFinite(n / d)) return null;
  return Math.round((n / d) * 1000) / 1000;
}

function ms(seconds: string | undefined): number | null {
  const s = Number(seconds);
  return seconds !== undefined && Number.isFinite(s) && s > 0 ? Math.round(s * 1000) : null;
}

/** Pure: turns ffprobe's JSON into ProbeData for a file whose extension says `expected`. */
export function interpretProbe(out: FfprobeOutput, expected: MediaKind): ProbeData {
  const streams = out.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const container = out.format?.format_name ?? '';
  const durationMs = ms(out.format?.duration) ?? ms(video?.duration) ?? ms(audio?.duration);
  const noun = expected === 'audio' ? 'an audio file' : `a${expected === 'image' ? 'n image' : ' video'}`;
  if (expected === 'video' && (!video || !video.width || !video.height)) {
    throw new NotMediaError(`Not a readable video: no picture stream found${audio ? ' (audio only)' : ''}.`);
  }
  if (expected === 'video' && durationMs === null) {
    throw new NotMediaError('Not a readable video: it has no duration (damaged or incomplete file).');
  }
  if (expected === 'image' && (!video || !video.width || !video.height)) {
    throw new NotMediaError(`Not ${noun}: no picture found.`);
  }
  if (expected === 'audio' && !audio) throw new NotMediaError(`Not ${noun}: no audio stream found.`);
  return {
    kind: expected,
    container,
    durationMs: expected === 'image' ? null : durationMs,
    width: video?.width ?? null,
    height: video?.height ?? null,
    fps: expected === 'video' ? rate(video?.avg_frame_rate) ?? rate(video?.r_frame_rate) : null,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
  };
}

export async function probe(ffprobe: string, file: string, expected: MediaKind): Promise<ProbeData> {
  return (await probeWithTags(ffprobe, file, expected)).data;
}

/** The container's own tags (MP4 ©cmt/desc, WebM COMMENT…), keys lower-cased. */
export function formatTags(out: FfprobeOutput): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(out.format?.tags ?? {})) if (typeof v === 'string') tags[k.toLowerCase()] = v;
  return tags;
}

export async function probeWithTags(
  ffprobe: string, file: string, expected: MediaKind,
): Promise<{ data: ProbeData; tags: Record<string, string> }> {
  let stdout: string;
  try {
    stdout = await runTool(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
      timeoutMs: 30_000,
    });
  } catch (err) {
    if (err instanceof ToolError) {
      throw new NotMediaError(`Not a readable ${expected} file (ffprobe: ${err.message.replace(/^.*?:\s(?=[A-Z])/, '')}).`);
    }
    throw err;
  }
  const out = JSON.parse(stdout) as FfprobeOutput;
  return { data: interpretProbe(out, expected), tags: formatTags(out) };
}

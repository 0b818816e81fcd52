// MP4/MOV facts read in-process with mp4box from the `moov` box alone: a stat-sized read instead
// of an ffprobe process per file. Anything unusual (fragmented files, codecs without a known
// ffprobe name, metadata kept in `keys`, boxes running past the end) returns null, and ffprobe
// decides instead, so the facts stored never depend on which path read them.
import { open, type FileHandle } from 'node:fs/promises';
import { createFile, MP4BoxBuffer } from 'mp4box';
import type { FfprobeOutput } from '../probe.js';

/** ffprobe's format_name for every ISO-BMFF / QuickTime file. */
export const MOV_FORMAT_NAME = 'mov,mp4,m4a,3gp,3g2,mj2';
/** A moov larger than this (hours of tiny samples) is left to ffprobe rather than read whole. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

// Sample-entry four-character codes → ffprobe's codec_name. Kept to codecs whose name does not
// depend on anything but the code and whose sample entry mp4box reads (it gives no coded size
// for ProRes or Motion JPEG); the rest go to ffprobe.
const VIDEO_CODECS: Record<string, string> = {
  avc1: 'h264', avc2: 'h264', avc3: 'h264', avc4: 'h264',
  hvc1: 'hevc', hev1: 'hevc', av01: 'av1', vp09: 'vp9',
};
const AUDIO_CODECS: Record<string, string> = {
  alac: 'alac', fLaC: 'flac', Opus: 'opus', 'ac-3': 'ac3', 'ec-3': 'eac3',
};
// MPEG-4 object type indications (mp4a.XX / mp4v.XX) → ffprobe's codec_name.
const OBJECT_TYPES: Record<string, string> = {
  '40': 'aac', '66': 'aac', '67': 'aac', '68': 'aac', '69': 'mp3', '6b': 'mp3', '20': 'mpeg4',
};
// iTunes-style item codes → the tag names ffmpeg's demuxer gives them (those metadata reads and a
// few more; an unknown item is skipped, as ffmpeg skips it).
const ITEM_TAGS: Record<string, string> = {
  '©nam': 'title', '©cmt': 'comment', desc: 'description', ldes: 'synopsis', '©too': 'encoder',
  '©ART': 'artist', '©alb': 'album', '©day': 'date', '©gen': 'genre', cprt: 'copyright',
};

function codecName(codec: string, table: Record<string, string>): string | null {
  const [fourcc = '', oti = ''] = codec.split('.');
  if (fourcc === 'mp4a' || fourcc === 'mp4v') return OBJECT_TYPES[oti.toLowerCase()] ?? null;
  return table[fourcc] ?? null;
}

interface Box { type: string; start: number; size: number }

/** Read in one go: a whole small clip, or the start of a large one (ftyp, often moov). */
const HEAD_BYTES = 1024 * 1024;

/** The file's first bytes, and reads that use them where they cover what is asked. */
class Reader {
  private constructor(private readonly fh: FileHandle, readonly size: number, private readonly head: Buffer) {}

  static async open(fh: FileHandle): Promise<Reader> {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    return new Reader(fh, size, head.subarray(0, bytesRead));
  }

  /** A copy of bytes [at, at + length): callers may change it. */
  async bytes(at: number, length: number): Promise<Buffer> {
    if (at + length <= this.head.length) return Buffer.from(this.head.subarray(at, at + length));
    const buf = Buffer.alloc(length);
    const { bytesRead } = await this.fh.read(buf, 0, length, at);
    if (bytesRead !== length) throw new Error('short read');
    return buf;
  }
}

/** The top-level boxes, from their headers alone; null if they do not tile the file exactly. */
async function topLevelBoxes(r: Reader): Promise<Box[] | null> {
  const boxes: Box[] = [];
  for (let at = 0; at < r.size;) {
    if (r.size - at < 8) return null;
    const head = await r.bytes(at, Math.min(16, r.size - at));
    let size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (!/^[\x20-\x7e©]{4}$/.test(type)) return null;
    if (size === 1) {
      if (head.length < 16) return null;
      size = Number(head.readBigUInt64BE(8));
    } else if (size === 0) size = r.size - at;
    if (size < 8 || at + size > r.size) return null;
    boxes.push({ type, start: at, size });
    at += size;
  }
  return boxes;
}

/** Tags from moov/udta/meta/ilst; null when they are kept where only ffprobe reads them. */
function itemTags(moov: { udta?: { boxes?: unknown[] } }): Record<string, string> | null {
  const tags: Record<string, string> = {};
  for (const box of (moov.udta?.boxes ?? []) as { type: string; boxes?: { type: string; list?: Record<string, { value?: unknown }> }[] }[]) {
    // QuickTime-style text atoms straight under udta, or anything else: ffprobe reads those.
    if (box.type === 'free') continue; // the text atoms read by quickTimeTags
    if (box.type !== 'meta') return null;
    for (const child of box.boxes ?? []) {
      if (child.type === 'keys') return null;
      if (child.type !== 'ilst') continue;
      for (const [code, item] of Object.entries(child.list ?? {})) {
        const n = Number(code);
        const fourcc = String.fromCharCode((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
        if (fourcc === '----') return null;
        const name = ITEM_TAGS[fourcc];
        if (name && typeof item.value === 'string') tags[name] = item.value;
      }
    }
  }
  return tags;
}

// QuickTime text atoms straight under moov/udta (what ffmpeg writes in a .mov) → tag names.
// null: ffprobe (ffmpeg 4.1's demuxer) does not show it (©des, which ffmpeg's .mov muxer writes
// beside ©cmt).
const QT_TEXT_TAGS: Record<string, string | null> = {
  '©nam': 'title', '©cmt': 'comment', '©swr': 'encoder', '©too': 'encoder', '©des': null,
};

/** Children of the box whose body is buf[from, to). */
function* children(buf: Buffer, from: number, to: number): Generator<{ type: string; body: number; end: number }> {
  for (let at = from; at + 8 <= to;) {
    const size = buf.readUInt32BE(at);
    if (size < 8 || at + size > to) return;
    yield { type: buf.toString('latin1', at + 4, at + 8), body: at + 8, end: at + size };
    at += size;
  }
}

/**
 * QuickTime text atoms under moov/udta: each is [length][language][text]. mp4box has no class
 * for them and logs each to the console, so once read they are renamed 'free' in this copy of
 * the box. null when one holds text ffprobe would read differently (Mac-encoded, or a tag this
 * does not name).
 */
function quickTimeTags(moov: Buffer): Record<string, string> | null {
  const tags: Record<string, string> = {};
  for (const udta of children(moov, 8, moov.length)) {
    if (udta.type !== 'udta') continue;
    for (const atom of children(moov, udta.body, udta.end)) {
      if (!atom.type.startsWith('\xa9')) continue;
      const name = QT_TEXT_TAGS[`©${atom.type.slice(1)}`];
      if (atom.end - atom.body < 4) continue;
      const len = moov.readUInt16BE(atom.body);
      const lang = moov.readUInt16BE(atom.body + 2);
      const text = moov.subarray(atom.body + 4, Math.min(atom.end, atom.body + 4 + len));
      // Below 0x400 the language is a Mac one and the text Mac-encoded; ffmpeg converts it.
      if (lang < 0x400 && text.some((c) => c >= 0x80)) return null;
      if (name) tags[name] = text.toString('utf8');
      else if (name === undefined && /^[\x20-\x7e]{3}$/.test(atom.type.slice(1))) return null; // a tag ffprobe would show and this does not name
      moov.write('free', atom.body - 4, 'latin1');
    }
  }
  return tags;
}

interface Trak { tkhd?: { track_id?: number }; mdia?: { hdlr?: { handler?: string } } }
interface TrackFacts {
  duration: number; timescale: number;
  edits?: { segment_duration: number; media_time: number; media_rate_integer: number }[];
}

/**
 * How long a track plays, in microseconds, as ffmpeg counts it: one plain edit (no empty edit,
 * normal rate) gives its segment's length; no edit list plays the whole media. Anything
 * else (gaps, several segments, speed changes) is left to ffprobe.
 */
function streamDurationUs(t: TrackFacts, movieTimescale: number): number | null {
  if (!t.timescale || !t.duration) return null;
  const edits = t.edits ?? [];
  if (edits.length === 0) return Math.round((t.duration * 1_000_000) / t.timescale);
  if (edits.length > 1) return null;
  const e = edits[0]!;
  if (e.media_time < 0 || e.media_rate_integer !== 1) return null;
  // ffmpeg takes the segment's length as the stream's, even past the last sample (AC-3 does that).
  const segment = Math.round((e.segment_duration * t.timescale) / movieTimescale);
  return segment > 0 && e.media_time < t.duration ? Math.round((segment * 1_000_000) / t.timescale) : null;
}

export async function probeMp4(file: string): Promise<FfprobeOutput | null> {
  const fh = await open(file, 'r');
  try {
    const reader = await Reader.open(fh);
    const boxes = await topLevelBoxes(reader);
    if (!boxes || boxes.some((b) => b.type === 'moof')) return null;
    const ftyp = boxes.find((b) => b.type === 'ftyp');
    const moov = boxes.find((b) => b.type === 'moov');
    if (!moov || moov.size > MAX_MOOV_BYTES) return null;

    // mp4box needs only ftyp and moov for the movie's facts; the media data is never read.
    const moovBytes = await reader.bytes(moov.start, moov.size);
    const qtTags = quickTimeTags(moovBytes);
    if (!qtTags) return null;
    const bytes = Buffer.concat([...(ftyp ? [await reader.bytes(ftyp.start, ftyp.size)] : []), moovBytes]);
    const mp = createFile();
    let info: ReturnType<typeof mp.getInfo> | null = null;
    let failed = false;
    mp.onReady = (i) => { info = i; };
    mp.onError = () => { failed = true; };
    mp.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, 0));
    mp.flush();
    const movie = info as ReturnType<typeof mp.getInfo> | null;
    if (failed || !movie || movie.isFragmented || !movie.timescale || !movie.duration) return null;

    const traks = (mp as unknown as { moov?: { traks?: Trak[] } }).moov?.traks ?? [];
    const streams: FfprobeOutput['streams'] = [];
    let durationUs = 0;
    for (const t of movie.tracks) {
      // The handler says what a track is; mp4box's own `type` is "metadata" for sample entries
      // it has no class for (ALAC, ProRes…).
      const handler = traks.find((k) => k.tkhd?.track_id === t.id)?.mdia?.hdlr?.handler;
      if (handler !== 'vide' && handler !== 'soun') continue;
      const us = streamDurationUs(t, movie.timescale);
      if (us === null) return null;
      durationUs = Math.max(durationUs, us);
      const duration = (us / 1_000_000).toFixed(6);
      if (handler === 'vide') {
        const name = codecName(t.codec, VIDEO_CODECS);
        if (!name || !t.video?.width || !t.video.height || !t.samples_duration) return null;
        streams.push({
          codec_type: 'video', codec_name: name, width: t.video.width, height: t.video.height,
          // ffmpeg's avg_frame_rate for MOV: samples per unit of summed sample durations (stts).
          avg_frame_rate: `${t.timescale * t.nb_samples}/${t.samples_duration}`, duration,
        });
      } else {
        const name = codecName(t.codec, AUDIO_CODECS);
        if (!name) return null;
        streams.push({ codec_type: 'audio', codec_name: name, duration });
      }
    }
    const tags = itemTags((mp as unknown as { moov: { udta?: { boxes?: unknown[] } } }).moov);
    if (!tags) return null;
    const ft = (mp as unknown as { ftyp?: { major_brand?: string; minor_version?: number; compatible_brands?: string[] } }).ftyp;
    const brands: Record<string, string> = ft?.major_brand
      ? { major_brand: ft.major_brand, minor_version: String(ft.minor_version ?? 0), compatible_brands: (ft.compatible_brands ?? []).join('') }
      : {};
    // ffmpeg's format duration is the longest stream as its edit list plays it (not mvhd's).
    return { streams, format: { format_name: MOV_FORMAT_NAME, duration: durationUs ? (durationUs / 1_000_000).toFixed(6) : undefined, tags: { ...brands, ...qtTags, ...tags } } };
  } finally {
    await fh.close();
  }
}

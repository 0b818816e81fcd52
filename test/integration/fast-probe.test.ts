// The in-process probe against ffprobe on real files made with ffmpeg: for every container,
// codec, rotation and still format it reads, the facts it gives are exactly ffprobe's; what it
// does not read with confidence goes to ffprobe, which also words every refusal.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeFast, probeMedia } from '../../main/store/fast-probe/index.js';
import { NotMediaError, probeWithTags } from '../../main/store/probe.js';
import { extensionOf, mediaTypeOf } from '../../shared/media-types.js';
import { tools } from '../helpers/media.js';
import { tempDir } from '../helpers/temp.js';

let dir: ReturnType<typeof tempDir>;
const ff = (...args: string[]) => execFileSync(tools.ffmpeg, ['-v', 'error', '-y', ...args]);
const video = (size = '320x240', rate = '24', seconds = 2) => ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}:duration=${seconds}`];
const tone = (seconds = 2) => ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`];
const x264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast'];
const file = (name: string) => path.join(dir.path, name);

// Files the fast path reads, each made a different way.
const FAST: Record<string, () => void> = {
  'h264.mp4': () => ff(...video(), ...x264, file('h264.mp4')),
  'h264-aac.mp4': () => ff(...video(), ...tone(), ...x264, '-c:a', 'aac', '-shortest', file('h264-aac.mp4')),
  'h264-aac-faststart.m4v': () => ff(...video('256x144', '30'), ...tone(3), ...x264, '-c:a', 'aac', '-movflags', '+faststart', '-f', 'mp4', file('h264-aac-faststart.m4v')),
  'ntsc-rate.mp4': () => ff(...video('320x180', '30000/1001', 2), ...x264, file('ntsc-rate.mp4')),
  'hevc-mp3.mp4': () => ff(...video(), ...tone(), '-c:v', 'libx265', '-preset', 'ultrafast', '-tag:v', 'hvc1', '-c:a', 'libmp3lame', '-x265-params', 'log-level=error', file('hevc-mp3.mp4')),
  'h264-ac3.mp4': () => ff(...video(), ...tone(), ...x264, '-c:a', 'ac3', file('h264-ac3.mp4')),
  'h264-eac3.mp4': () => ff(...video(), ...tone(), ...x264, '-c:a', 'eac3', file('h264-eac3.mp4')),
  'h264-flac.mp4': () => ff(...video(), ...tone(), ...x264, '-c:a', 'flac', '-strict', '-2', file('h264-flac.mp4')),
  'h264-opus.mp4': () => ff(...video(), ...tone(), ...x264, '-c:a', 'libopus', '-strict', '-2', file('h264-opus.mp4')),
  'av1.mp4': () => ff(...video('160x120', '12', 1), '-c:v', 'libaom-av1', '-strict', '-2', '-cpu-used', '8', '-b:v', '50k', file('av1.mp4')),
  'vp9.mp4': () => ff(...video(), '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-b:v', '100k', file('vp9.mp4')),
  'rotated-90.mp4': () => ff(...video('320x180', '25'), ...x264, '-metadata:s:v', 'rotate=90', file('rotated-90.mp4')),
  'rotated-270-audio.mov': () => ff(...video('240x320', '24'), ...tone(), ...x264, '-c:a', 'aac', '-metadata:s:v', 'rotate=270', file('rotated-270-audio.mov')),
  'h264-alac.mov': () => ff(...video(), ...tone(), ...x264, '-c:a', 'alac', file('h264-alac.mov')),
  'tagged.mp4': () => ff(...video(), ...x264, '-metadata', 'title=A tagged take', '-metadata', 'comment=a fox at dawn', '-metadata', 'description=long description', '-metadata', 'synopsis=syn', file('tagged.mp4')),
  'tagged.mov': () => ff(...video(), ...x264, '-metadata', 'title=QuickTime title', '-metadata', 'comment=a hare at dusk', file('tagged.mov')),
  'still.png': () => ff(...video('640x360'), '-frames:v', '1', file('still.png')),
  'still.jpg': () => ff(...video('1280x720'), '-frames:v', '1', '-q:v', '2', file('still.jpg')),
  'still.jpeg': () => ff(...video('333x201'), '-frames:v', '1', file('still.jpeg')),
  'still.webp': () => ff(...video('640x360'), '-frames:v', '1', '-c:v', 'libwebp', file('still.webp')),
  'anim.gif': () => ff(...video('160x90', '10', 1), file('anim.gif')),
};
// Files it leaves to ffprobe (and why).
const SLOW: Record<string, () => void> = {
  'mpeg4-part2.mov': () => ff(...video(), '-c:v', 'mpeg4', file('mpeg4-part2.mov')), // mp4v without an object type mp4box names
  'prores.mov': () => ff(...video('320x240', '24', 1), '-c:v', 'prores_ks', file('prores.mov')), // mp4box gives no coded size for ProRes
  'prores-pcm.mov': () => ff(...video('320x240', '24', 1), ...tone(1), '-c:v', 'prores_ks', '-c:a', 'pcm_s16le', file('prores-pcm.mov')), // PCM: name depends on sample size
  'fragmented.mp4': () => ff(...video(), ...x264, '-movflags', 'frag_keyframe+empty_moov', file('fragmented.mp4')),
  'clip.webm': () => ff(...video(), '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-b:v', '100k', file('clip.webm')),
  'anim.png': () => ff(...video('64x64', '5', 1), '-f', 'apng', '-plays', '0', file('anim.png')), // APNG: ffprobe calls it apng
  'tiny.jpg': () => ff(...video('16x16'), '-frames:v', '1', file('tiny.jpg')), // small enough for ffprobe's first probe: jpeg_pipe
};

beforeAll(() => {
  dir = tempDir('dailies-fastprobe-');
  for (const make of [...Object.values(FAST), ...Object.values(SLOW)]) make();
  // A JPEG is one in ffprobe's eyes only past its first 2 KiB probe.
  expect(readFileSync(file('still.jpeg')).length).toBeGreaterThan(2048);
}, 120_000);
afterAll(() => dir.cleanup());

// The tags metadata reads (generation-metadata.ts): these must agree exactly.
const READ_TAGS = ['title', 'comment', 'description', 'synopsis', 'prompt'];
const pick = (tags: Record<string, string>) => Object.fromEntries(READ_TAGS.filter((k) => k in tags).map((k) => [k, tags[k]]));

describe('in-process probe', () => {
  it.each(Object.keys(FAST))('%s: the same facts as ffprobe, without ffprobe', async (name) => {
    const f = file(name);
    const kind = mediaTypeOf(f)!.kind;
    const fast = await probeFast(f, extensionOf(f), kind);
    const slow = await probeWithTags(tools.ffprobe, f, kind);
    expect(fast, 'read in-process').not.toBeNull();
    expect(fast!.data).toEqual(slow.data);
    expect(pick(fast!.tags)).toEqual(pick(slow.tags));
    const facts = await probeMedia('/nonexistent/ffprobe', f, extensionOf(f), kind);
    expect(facts.via).toBe('fast');
  });

  it('reads what makes each file different: audio or not, codecs, rate, stills without time', async () => {
    const get = async (name: string) => (await probeFast(file(name), extensionOf(name), mediaTypeOf(name)!.kind))!.data;
    expect(await get('h264.mp4')).toMatchObject({ videoCodec: 'h264', audioCodec: null, fps: 24, durationMs: 2000, width: 320, height: 240 });
    expect(await get('h264-aac.mp4')).toMatchObject({ audioCodec: 'aac', durationMs: 2000 });
    expect(await get('hevc-mp3.mp4')).toMatchObject({ videoCodec: 'hevc', audioCodec: 'mp3' });
    expect(await get('ntsc-rate.mp4')).toMatchObject({ fps: 29.97 });
    expect(await get('rotated-90.mp4')).toMatchObject({ width: 320, height: 180 }); // coded size, as ffprobe gives it
    expect(await get('still.webp')).toMatchObject({ kind: 'image', durationMs: null, fps: null, width: 640, height: 360 });
    const tagged = await probeFast(file('tagged.mov'), 'mov', 'video');
    expect(tagged!.tags).toMatchObject({ title: 'QuickTime title', comment: 'a hare at dusk' });
  });

  it.each(Object.keys(SLOW))('%s: left to ffprobe, whose facts are kept', async (name) => {
    const f = file(name);
    const kind = mediaTypeOf(f)!.kind;
    expect(await probeFast(f, extensionOf(f), kind)).toBeNull();
    const facts = await probeMedia(tools.ffprobe, f, extensionOf(f), kind);
    expect(facts.via).toBe('ffprobe');
    expect(facts.data).toEqual((await probeWithTags(tools.ffprobe, f, kind)).data);
  });

  it('leaves files it cannot read to ffprobe, which refuses them by name', async () => {
    const whole = readFileSync(file('h264.mp4'));
    const cases: [string, Buffer][] = [
      ['cut-before-moov.mp4', whole.subarray(0, Math.floor(whole.length * 0.6))], // moov at the end, never written
      ['text.mp4', Buffer.from('this is not a video at all, only words\n'.repeat(20))],
      ['png-named.jpg', readFileSync(file('still.png'))], // content that is not what its name says
      ['cut.png', readFileSync(file('still.png')).subarray(0, 12)],
    ];
    for (const [name, bytes] of cases) {
      const f = file(name);
      writeFileSync(f, bytes);
      const kind = mediaTypeOf(f)!.kind;
      expect(await probeFast(f, extensionOf(f), kind), name).toBeNull();
      if (name === 'png-named.jpg') {
        // ffprobe reads it by content: a picture, so it is accepted as an image.
        expect((await probeMedia(tools.ffprobe, f, 'jpg', kind)).via).toBe('ffprobe');
        continue;
      }
      const err = await probeMedia(tools.ffprobe, f, extensionOf(f), kind).catch((e: unknown) => e);
      expect(err, name).toBeInstanceOf(NotMediaError);
      expect((err as Error).message, name).toMatch(/^Not a/);
    }
  });
});

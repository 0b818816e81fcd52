import { describe, expect, it } from 'vitest';
import { interpretProbe, NotMediaError } from '../../main/store/probe.js';

const h264 = {
  streams: [
    { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, avg_frame_rate: '24000/1001' },
    { codec_type: 'audio', codec_name: 'aac' },
  ],
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '5.005000' },
};

describe('interpretProbe', () => {
  it('reads duration, size, frame rate and codecs of a video', () => {
    expect(interpretProbe(h264, 'video')).toEqual({
      kind: 'video', container: 'mov,mp4,m4a,3gp,3g2,mj2', durationMs: 5005, width: 1920, height: 1080,
      fps: 23.976, videoCodec: 'h264', audioCodec: 'aac',
    });
  });
  it('ignores cover art when looking for the picture stream', () => {
    const audioWithCover = {
      streams: [{ codec_type: 'audio', codec_name: 'mp3' }, { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } }],
      format: { format_name: 'mp3', duration: '3.0' },
    };
    expect(() => interpretProbe(audioWithCover, 'video')).toThrow(/audio only/);
    expect(interpretProbe(audioWithCover, 'audio').durationMs).toBe(3000);
  });
  it('refuses a "video" with no duration as damaged', () => {
    const noDuration = { streams: [h264.streams[0]!], format: { format_name: 'mp4' } };
    expect(() => interpretProbe(noDuration, 'video')).toThrow(NotMediaError);
  });
  it('gives stills no duration or frame rate', () => {
    const png = { streams: [{ codec_type: 'video', codec_name: 'png', width: 1024, height: 1024, avg_frame_rate: '0/0' }], format: { format_name: 'png_pipe' } };
    expect(interpretProbe(png, 'image')).toMatchObject({ kind: 'image', durationMs: null, fps: null, width: 1024 });
  });
});

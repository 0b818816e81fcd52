// FCPXML 1.10: resources (one format per frame rate and size, one asset per file with its
// media-rep) and a project whose sequence spine holds one asset-clip per take, in order. Times are
// rational seconds on frame boundaries ("1001/24000s"). What made the take is in the clip's note
// and in metadata keys Final Cut Pro shows (reel, shot, description).
import { pathToFileURL } from 'node:url';
import type { HandoffClip, HandoffTimeline } from './clips.js';
import { convertFrames, rateOf, rationalSeconds, type Rate } from './timecode.js';

export const FCPXML_VERSION = '1.10';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // XML 1.0 has no way to carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const attrs = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => `${k}="${esc(String(v))}"`).join(' ');

const note = (c: HandoffClip) =>
  [c.prompt ? `Prompt: ${c.prompt}` : null, `Provider: ${c.provider ?? 'unknown'}`, `Model: ${c.model ?? 'unknown'}`, `Cost: ${c.costCredits} credits`]
    .filter(Boolean).join('\n');

const metadata = (c: HandoffClip, indent: string) => [
  `${indent}<metadata>`,
  `${indent}  <md ${attrs({ key: 'com.apple.proapps.studio.reel', value: c.reel })}/>`,
  ...(c.shot ? [`${indent}  <md ${attrs({ key: 'com.apple.proapps.studio.shot', value: c.shot })}/>`] : []),
  `${indent}  <md ${attrs({ key: 'com.apple.proapps.spotlight.kMDItemDescription', value: note(c) })}/>`,
  `${indent}</metadata>`,
];

export function fcpxmlText(t: HandoffTimeline): string {
  const formats = new Map<string, { id: string; rate: Rate; width: number; height: number }>();
  const formatOf = (c: HandoffClip) => {
    const rate = rateOf(c.fps);
    const key = `${rate.num}/${rate.den}@${c.width ?? 0}x${c.height ?? 0}`;
    let f = formats.get(key);
    if (!f) {
      f = { id: `r${formats.size + 1}`, rate, width: c.width ?? 1920, height: c.height ?? 1080 };
      formats.set(key, f);
    }
    return f;
  };
  const clipFormats = t.clips.map(formatOf);
  const assets = new Map<string, string>();
  t.clips.forEach((c) => {
    if (!assets.has(c.sha256)) assets.set(c.sha256, `a${assets.size + 1}`);
  });
  const seq = clipFormats[0] ?? { id: 'r1', rate: { num: 24, den: 1 }, width: 1920, height: 1080 };
  if (!clipFormats.length) formats.set('default', seq);

  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE fcpxml>', `<fcpxml version="${FCPXML_VERSION}">`, '  <resources>'];
  for (const f of formats.values()) {
    lines.push(`    <format ${attrs({ id: f.id, frameDuration: rationalSeconds(1, f.rate), width: f.width, height: f.height })}/>`);
  }
  const written = new Set<string>();
  t.clips.forEach((c, i) => {
    const id = assets.get(c.sha256)!;
    if (written.has(id)) return;
    written.add(id);
    const f = clipFormats[i]!;
    lines.push(
      `    <asset ${attrs({
        id, name: c.name, uid: c.sha256.toUpperCase(), start: '0s', duration: rationalSeconds(c.frames, f.rate),
        hasVideo: 1, hasAudio: c.hasAudio ? 1 : 0, format: f.id, videoSources: 1, ...(c.hasAudio ? { audioSources: 1, audioChannels: 2 } : {}),
      })}>`,
      `      <media-rep ${attrs({ kind: 'original-media', src: pathToFileURL(c.file).href })}/>`,
      ...metadata(c, '      '),
      '    </asset>',
    );
  });
  lines.push('  </resources>', '  <library>', `    <event ${attrs({ name: t.name })}>`, `      <project ${attrs({ name: t.name })}>`);

  const seqFps = seq.rate.num / seq.rate.den;
  const lengths = t.clips.map((c) => convertFrames(c.frames, c.fps, seqFps));
  const total = lengths.reduce((n, l) => n + l, 0);
  lines.push(`        <sequence ${attrs({ format: seq.id, duration: rationalSeconds(total, seq.rate), tcStart: '0s', tcFormat: 'NDF' })}>`, '          <spine>');
  let offset = 0;
  t.clips.forEach((c, i) => {
    const f = clipFormats[i]!;
    lines.push(
      `            <asset-clip ${attrs({
        ref: assets.get(c.sha256)!, offset: rationalSeconds(offset, seq.rate), name: c.name, start: '0s',
        duration: rationalSeconds(lengths[i]!, seq.rate), format: f.id, tcFormat: 'NDF',
      })}>`,
      `              <note>${esc(note(c))}</note>`,
      ...metadata(c, '              '),
      '            </asset-clip>',
    );
    offset += lengths[i]!;
  });
  lines.push('          </spine>', '        </sequence>', '      </project>', '    </event>', '  </library>', '</fcpxml>');
  return `${lines.join('\n')}\n`;
}

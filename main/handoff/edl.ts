// CMX 3600 EDL: one video event per clip, cut (C) transitions, source timecodes at each clip's own
// frame rate and record timecodes at the timeline's (the first clip's), starting at 01:00:00:00.
// Clip name, file and what made the take go in the comment lines readers keep (* FROM CLIP NAME,
// * SOURCE FILE, * COMMENT).
import type { HandoffTimeline } from './clips.js';
import { convertFrames, nominalFps, timecode } from './timecode.js';

const RECORD_START_HOURS = 1;

/** One line, no characters EDL readers choke on. */
const line = (s: string) => s.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e]/g, '?').trim();

export function edlText(t: HandoffTimeline): string {
  const tlFps = t.clips[0]?.fps ?? 24;
  let rec = RECORD_START_HOURS * 3600 * nominalFps(tlFps);
  const out = [`TITLE: ${line(t.name).slice(0, 70)}`, 'FCM: NON-DROP FRAME', ''];
  t.clips.forEach((c, i) => {
    const recFrames = convertFrames(c.frames, c.fps, tlFps);
    const event = String(i + 1).padStart(3, '0');
    out.push(
      `${event}  ${c.reel.padEnd(8)} V     C        ${timecode(0, c.fps)} ${timecode(c.frames, c.fps)} ${timecode(rec, tlFps)} ${timecode(rec + recFrames, tlFps)}`,
      `* FROM CLIP NAME: ${line(c.name)}`,
      `* SOURCE FILE: ${line(c.file)}`,
    );
    if (Math.abs(c.fps - tlFps) > 0.01) out.push(`* COMMENT: SOURCE FRAME RATE ${c.fps}`);
    if (c.shot) out.push(`* COMMENT: SHOT: ${line(c.shot)}`);
    if (c.prompt) out.push(`* COMMENT: PROMPT: ${line(c.prompt)}`);
    out.push(`* COMMENT: PROVIDER: ${line(c.provider ?? 'unknown')} MODEL: ${line(c.model ?? 'unknown')} COST: ${c.costCredits} CREDITS`);
    out.push('');
    rec += recFrames;
  });
  return `${out.join('\r\n')}\r\n`;
}

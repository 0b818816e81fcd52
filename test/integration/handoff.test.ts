// Editor hand-offs from a real library, each checked against its format's documented structure:
// OTIO schema names with RationalTime/TimeRange; CMX 3600 event columns and timecodes at each
// clip's frame rate; FCPXML's required elements and rational times; the CSV cost report.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core.js';
import type { CoreEvent } from '../../shared/events.js';
import { writeHandoff } from '../../main/handoff/handoff.js';
import { reelNames } from '../../main/handoff/reels.js';
import { rateOf, rationalSeconds, timecode } from '../../main/handoff/timecode.js';
import { openTestCore } from '../helpers/core.js';
import { buildSampleProject, type SampleProject } from '../helpers/bundle-library.js';
import { tempDir } from '../helpers/temp.js';
import { readZip } from '../helpers/zip-surgery.js';

// @xmldom/xmldom (already installed with electron-builder's plist) is loaded without its type
// declarations: they pull the DOM lib into the whole test project and change Node's global types.
interface XmlElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
interface XmlDocument {
  documentElement: XmlElement | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as {
  DOMParser: new (opts: { errorHandler: { error: (m: string) => void; fatalError: (m: string) => void } }) => {
    parseFromString(text: string, type: string): XmlDocument;
  };
};

let work: ReturnType<typeof tempDir>;
let core: Core;
let sample: SampleProject;

beforeEach(async () => {
  work = tempDir('dailies-handoff-');
  core = openTestCore(path.join(work.path, 'lib'));
  sample = await buildSampleProject(core, path.join(work.path, 'src'));
});
afterEach(async () => {
  await core.close();
  work.cleanup();
});

const out = (name: string) => path.join(work.path, 'out', name);
const PROMPT = 'a red fox runs through wheat, golden hour';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('OpenTimelineIO', () => {
  it("writes the project's picks in shot order as a Timeline of Clips with RationalTime ranges and generation metadata", async () => {
    const res = await writeHandoff(core, 'otio', { projectId: sample.projectId }, out('fox.otio'));
    // The timeline runs at the first clip's rate; each clip keeps its own.
    expect(res).toMatchObject({ clips: 2, totalCostCredits: 105, fps: 24, clipRates: [24, 30] });
    const t = JSON.parse(readFileSync(res.destination, 'utf8')) as Json;
    expect(t.OTIO_SCHEMA).toBe('Timeline.1');
    expect(t.name).toBe('Fox spot');
    expect(t.global_start_time).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 0 });
    expect(t.tracks.OTIO_SCHEMA).toBe('Stack.1');
    const track = t.tracks.children[0];
    expect(track).toMatchObject({ OTIO_SCHEMA: 'Track.1', kind: 'Video' });
    const clips = track.children as Json[];
    // Shot 1's pick (take_a, 2 s at 24 fps) then shot 2's (take_c, 1 s at 30 fps); take_b is not a pick.
    expect(clips.map((c) => [c.OTIO_SCHEMA, c.name])).toEqual([['Clip.2', 'take_a.mp4'], ['Clip.2', 'take_c.mp4']]);
    expect(clips[0]!.source_range).toEqual({
      OTIO_SCHEMA: 'TimeRange.1',
      start_time: { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 0 },
      duration: { OTIO_SCHEMA: 'RationalTime.1', rate: 24, value: 48 },
    });
    expect(clips[1]!.source_range.duration).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate: 30, value: 30 });
    const ref = clips[0]!.media_references[clips[0]!.active_media_reference_key];
    expect(ref.OTIO_SCHEMA).toBe('ExternalReference.1');
    expect(ref.available_range.OTIO_SCHEMA).toBe('TimeRange.1');
    expect(existsSync(fileURLToPath(ref.target_url))).toBe(true);
    expect(clips[0]!.metadata.dailies).toMatchObject({ prompt: PROMPT, provider: 'kling', model: 'kling-v2-6', cost_credits: 35, shot: 'Shot 1' });
  });

  it('packs the media into an .otioz with relative target URLs', async () => {
    const res = await writeHandoff(core, 'otioz', { projectId: sample.projectId }, out('fox.otioz'));
    const items = await readZip(res.destination);
    const names = items.map((i) => i.name);
    expect(names).toContain('content.otio');
    expect(items.find((i) => i.name === 'version.txt')!.data.toString().trim()).toBe('1.0.0');
    const t = JSON.parse(items.find((i) => i.name === 'content.otio')!.data.toString()) as Json;
    for (const clip of t.tracks.children[0].children as Json[]) {
      const url = clip.media_references.DEFAULT_MEDIA.target_url as string;
      expect(url).toMatch(/^media\/[0-9a-f]{64}\.mp4$/);
      expect(names).toContain(url);
    }
  });

  it('stops an .otioz being written when cancelled, leaving neither the file nor its partial', async () => {
    const dest = out('cancelled.otioz');
    const writing = core.dispatch('handoff.write', { format: 'otioz', projectId: sample.projectId, destination: dest, writeId: 'w1' });
    expect(await core.dispatch('handoff.cancel', { writeId: 'w1' })).toEqual({ cancelled: true });
    await expect(writing).rejects.toMatchObject({ code: 'cancelled', message: 'Cancelled; nothing was changed.' });
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(`${dest}.partial`)).toBe(false);
    // The id is free again, a cancel of nothing says so, and the same hand-off can then be written.
    expect(await core.dispatch('handoff.cancel', { writeId: 'w1' })).toEqual({ cancelled: false });
    const res = await core.dispatch('handoff.write', { format: 'otioz', projectId: sample.projectId, destination: dest, writeId: 'w1' });
    expect(res).toMatchObject({ destination: dest, clips: 2 });
    expect(existsSync(dest)).toBe(true);
  });

  it('reports how much of an .otioz\'s media is copied, to the window that named the write, ending at all of it', async () => {
    const events: CoreEvent[] = [];
    const off = core.onEvent((e) => events.push(e));
    const res = (await core.dispatch('handoff.write', { format: 'otioz', projectId: sample.projectId, destination: out('fox.otioz'), writeId: 'w2' })) as { clips: number };
    off();
    const progress = events.flatMap((e) => (e.type === 'handoff.progress' && e.writeId === 'w2' ? [e.progress] : []));
    const media = (await readZip(out('fox.otioz'))).filter((i) => i.name.startsWith('media/'));
    const bytes = media.reduce((n, i) => n + i.data.length, 0);
    expect(res.clips).toBe(2);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ phase: 'export', bytesDone: 0, bytesTotal: bytes, filesTotal: media.length });
    expect(progress.at(-1)).toMatchObject({ bytesDone: bytes, bytesTotal: bytes, filesDone: media.length, filesTotal: media.length });
    for (const [i, p] of progress.entries()) if (i > 0) expect(p.bytesDone).toBeGreaterThanOrEqual(progress[i - 1]!.bytesDone);
  });

  it('keeps the order of an explicit list of takes', async () => {
    const { renders } = sample;
    const res = await writeHandoff(core, 'otio', { renderIds: [renders.c, renders.b, renders.a] }, out('sel.otio'));
    const t = JSON.parse(readFileSync(res.destination, 'utf8')) as Json;
    expect((t.tracks.children[0].children as Json[]).map((c) => c.name)).toEqual(['take_c.mp4', 'take_b.mp4', 'take_a.mp4']);
  });
});

describe('CMX 3600 EDL', () => {
  it('writes one event per pick with EDL-safe reels and timecodes at each clip’s frame rate', async () => {
    const res = await writeHandoff(core, 'edl', { projectId: sample.projectId }, out('fox.edl'));
    const text = readFileSync(res.destination, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('TITLE: Fox spot');
    expect(lines[1]).toBe('FCM: NON-DROP FRAME');
    const TC = '(\\d{2}:\\d{2}:\\d{2}:\\d{2})';
    const event = new RegExp(`^(\\d{3})  ([A-Z0-9_]{1,8}) *V {5}C {8}${TC} ${TC} ${TC} ${TC}$`);
    const events = lines.filter((l) => /^\d{3} /.test(l)).map((l) => {
      const m = event.exec(l);
      expect(m, `not a CMX 3600 event line: ${l}`).not.toBeNull();
      return m!.slice(1);
    });
    expect(events).toEqual([
      // take_a: 48 frames at 24 fps → 2 s of record.
      ['001', 'TAKE_A', '00:00:00:00', '00:00:02:00', '01:00:00:00', '01:00:02:00'],
      // take_c: 30 frames at 30 fps for the source; 1 s of record at the timeline's 24.
      ['002', 'TAKE_C', '00:00:00:00', '00:00:01:00', '01:00:02:00', '01:00:03:00'],
    ]);
    // Reel column is 8 wide, so the track column starts at the same place on every line.
    for (const l of lines.filter((x) => /^\d{3} /.test(x))) expect(l.indexOf(' V ')).toBe(13);
    expect(text).toContain('* FROM CLIP NAME: take_a.mp4');
    expect(text).toContain(`* COMMENT: PROMPT: ${PROMPT}`);
    expect(text).toContain('* COMMENT: PROVIDER: kling MODEL: kling-v2-6 COST: 35 CREDITS');
    expect(text).toContain('* COMMENT: SOURCE FRAME RATE 30');
  });

  it('makes reel names unique, short and safe', () => {
    const reels = reelNames(['take_a.mp4', 'Take A.mov', 'a very long clip name indeed.mp4', 'a very long clip name again.mp4', '日本語.mp4', 'take_a.mp4']);
    expect(reels).toEqual(['TAKE_A', 'TAKE_A2', 'A_VERY_L', 'A_VERY_2', 'R5', 'TAKE_A']);
    for (const r of reels) expect(r).toMatch(/^[A-Z0-9_]{1,8}$/);
  });

  it('counts timecode frames at the nominal rate', () => {
    expect(timecode(0, 24)).toBe('00:00:00:00');
    expect(timecode(24 * 3600 + 23, 24)).toBe('01:00:00:23');
    expect(timecode(30, 29.97)).toBe('00:00:01:00');
    expect(timecode(25 * 61 + 3, 25)).toBe('00:01:01:03');
  });
});

describe('FCPXML', () => {
  it('has the required elements and frame-aligned rational times', async () => {
    const res = await writeHandoff(core, 'fcpxml', { projectId: sample.projectId }, out('fox.fcpxml'));
    const text = readFileSync(res.destination, 'utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>')).toBe(true);
    const errors: string[] = [];
    const doc = new DOMParser({ errorHandler: { error: (msg: string) => errors.push(msg), fatalError: (msg: string) => errors.push(msg) } }).parseFromString(text, 'text/xml');
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('fcpxml');
    expect(root.getAttribute('version')).toBe('1.10');
    const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
    const formats = all('format');
    expect(formats.map((f) => f.getAttribute('frameDuration'))).toEqual(['1/24s', '1/30s']);
    for (const f of formats) expect(f.getAttribute('id')).toMatch(/^r\d+$/);
    const assets = all('asset');
    expect(assets).toHaveLength(2);
    for (const a of assets) {
      expect(a.getAttribute('format')).toMatch(/^r\d+$/);
      const rep = a.getElementsByTagName('media-rep')[0]!;
      expect(rep.getAttribute('kind')).toBe('original-media');
      expect(existsSync(fileURLToPath(rep.getAttribute('src')!))).toBe(true);
    }
    expect(assets[0]!.getAttribute('duration')).toBe('2s');
    expect(all('library')).toHaveLength(1);
    expect(all('event')).toHaveLength(1);
    expect(all('project')[0]!.getAttribute('name')).toBe('Fox spot');
    const sequence = all('sequence')[0]!;
    expect(sequence.getAttribute('format')).toBe('r1');
    expect(sequence.getAttribute('duration')).toBe('3s');
    const clips = Array.from(sequence.getElementsByTagName('spine')[0]!.getElementsByTagName('asset-clip'));
    expect(clips.map((c) => [c.getAttribute('name'), c.getAttribute('offset'), c.getAttribute('duration')])).toEqual([
      ['take_a.mp4', '0s', '2s'],
      ['take_c.mp4', '2s', '1s'],
    ]);
    for (const c of clips) {
      const ref = c.getAttribute('ref');
      expect(assets.some((a) => a.getAttribute('id') === ref)).toBe(true);
    }
    expect(clips[0]!.getElementsByTagName('note')[0]!.textContent).toContain(`Prompt: ${PROMPT}`);
    const md = Array.from(clips[0]!.getElementsByTagName('md')).map((m) => [m.getAttribute('key'), m.getAttribute('value')]);
    expect(md).toContainEqual(['com.apple.proapps.studio.reel', 'TAKE_A']);
    expect(md.find(([k]) => k === 'com.apple.proapps.spotlight.kMDItemDescription')![1]).toContain('Cost: 35 credits');
  });

  it('writes NTSC rates as exact rationals', () => {
    expect(rationalSeconds(1, rateOf(23.976))).toBe('1001/24000s');
    expect(rationalSeconds(1, rateOf(29.97))).toBe('1001/30000s');
    expect(rationalSeconds(48, rateOf(24))).toBe('2s');
    expect(rationalSeconds(30, rateOf(29.97))).toBe('1001/1000s');
  });
});

describe('CSV cost report', () => {
  it('lists every take with its cost and a total, and never lets a prompt become a formula', async () => {
    core.db.prepare("INSERT INTO prompts (hash, text, negative, fields, created_at) VALUES ('h', '=HYPERLINK(\"http://x\")', '', '{}', 0)").run();
    core.db.prepare("UPDATE renders SET prompt_id = (SELECT id FROM prompts WHERE hash = 'h') WHERE id = ?").run(sample.renders.c);
    const res = await writeHandoff(core, 'csv', { projectId: sample.projectId }, out('cost.csv'));
    const rows = readFileSync(res.destination, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('order,shot,take,reel,provider,model,task_type,duration_s,fps,cost_credits,rating,prompt,sha256');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^1,Shot 1,take_a\.mp4,TAKE_A,kling,kling-v2-6,text_to_video,2\.000,24,35,5,"a red fox runs through wheat, golden hour",[0-9a-f]{64}$/);
    expect(rows[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(rows[3]).toBe('total,,,,,,,3.000,,105,,,');
  });

  it('refuses to overwrite a file and explains an empty storyboard', async () => {
    await writeHandoff(core, 'csv', { projectId: sample.projectId }, out('cost.csv'));
    await expect(writeHandoff(core, 'csv', { projectId: sample.projectId }, out('cost.csv'))).rejects.toMatchObject({ code: 'destination_exists' });
    core.db.prepare('UPDATE renders SET flag = NULL').run();
    await expect(writeHandoff(core, 'edl', { projectId: sample.projectId }, out('none.edl'))).rejects.toThrow(/has no picks yet/);
  });
});

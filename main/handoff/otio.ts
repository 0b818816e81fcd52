// OpenTimelineIO: a Timeline.1 with one video Track.1 of Clip.2 items, each with an
// ExternalReference.1 to its file, RationalTime.1 / TimeRange.1 ranges at the clip's own rate,
// and what made the take under metadata.dailies. `.otioz` packs the same timeline as
// content.otio with the media under media/ (stored, not compressed) and target URLs relative to it.
import { pathToFileURL } from 'node:url';
import type { HandoffClip, HandoffTimeline } from './clips.js';
import { rateOf } from './timecode.js';

const rt = (value: number, rate: number) => ({ OTIO_SCHEMA: 'RationalTime.1', rate, value });
const range = (start: number, duration: number, rate: number) => ({
  OTIO_SCHEMA: 'TimeRange.1', start_time: rt(start, rate), duration: rt(duration, rate),
});
const fpsOf = (clip: HandoffClip) => {
  const r = rateOf(clip.fps);
  return r.num / r.den;
};

export function generationMetadata(clip: HandoffClip): Record<string, unknown> {
  return {
    render_uid: clip.uid, sha256: clip.sha256, shot: clip.shot, prompt: clip.prompt, negative_prompt: clip.negative,
    provider: clip.provider, model: clip.model, task_type: clip.taskType, cost_credits: clip.costCredits, rating: clip.rating,
  };
}

/** `mediaUrl` maps a clip to its target_url (file URL by default; relative inside an .otioz). */
export function otioTimeline(t: HandoffTimeline, mediaUrl: (c: HandoffClip) => string = (c) => pathToFileURL(c.file).href): Record<string, unknown> {
  const timelineRate = t.clips[0] ? fpsOf(t.clips[0]) : 24;
  const item = (schema: string, name: string, extra: Record<string, unknown>) => ({
    OTIO_SCHEMA: schema, name, metadata: {}, source_range: null, effects: [], markers: [], enabled: true, ...extra,
  });
  return {
    OTIO_SCHEMA: 'Timeline.1',
    name: t.name,
    metadata: { dailies: { total_cost_credits: t.clips.reduce((n, c) => n + c.costCredits, 0) } },
    global_start_time: rt(0, timelineRate),
    tracks: item('Stack.1', 'tracks', {
      children: [item('Track.1', 'V1', {
        kind: 'Video',
        children: t.clips.map((c) => {
          const rate = fpsOf(c);
          return item('Clip.2', c.name, {
            metadata: { dailies: generationMetadata(c) },
            source_range: range(0, c.frames, rate),
            media_references: {
              DEFAULT_MEDIA: {
                OTIO_SCHEMA: 'ExternalReference.1', name: c.name, metadata: {},
                target_url: mediaUrl(c), available_range: range(0, c.frames, rate), available_image_bounds: null,
              },
            },
            active_media_reference_key: 'DEFAULT_MEDIA',
          });
        }),
      })],
    }),
  };
}

export const otioText = (t: HandoffTimeline, mediaUrl?: (c: HandoffClip) => string) => `${JSON.stringify(otioTimeline(t, mediaUrl), null, 2)}\n`;

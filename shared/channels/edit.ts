// Channels for editing a render: what a render can be edited with (its account, model, the spec
// it was made from, its extend chain), frames pulled out of it with ffmpeg, and masks painted
// over a frame, saved as library references so a spec can name them by id.
import { z } from 'zod';
import type { GenerationSpecParsed } from '../generation.js';
import { channel, Id } from './channel.js';

export interface EditFrame {
  /** The new (or already known) reference holding the frame, a PNG at the clip's full size. */
  refId: number;
  sha256: string;
  width: number;
  height: number;
  /** Where in the clip it was taken, ms from the start. */
  atMs: number;
}

/** A frame to look at while choosing one: not in the library (nothing is kept until submit). */
export interface EditFramePreview {
  /** Where in the clip it was taken, ms from the start. */
  atMs: number;
  /** The clip's full size: the size a mask painted over it has, and the frame kept on submit. */
  width: number;
  height: number;
  /** The picture, JPEG as raw base64 (a data: URL in the renderer). */
  jpegBase64: string;
}

export interface EditContext {
  renderId: number;
  title: string;
  /** The provider account the render was generated with; null for imported takes. */
  accountId: string | null;
  provider: string | null;
  model: string | null;
  taskType: string | null;
  /** The spec of the job that made it (what Reroll sends again); null for imported takes. */
  spec: GenerationSpecParsed | null;
  /** True when the provider still knows the video (extend, restyle, lip sync need that). */
  hasProviderVideo: boolean;
  /** How many extends lead to this render (0 for an original). */
  chainDepth: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  projectId: number | null;
  shotId: number | null;
}

/** A face Kling found in a clip, for lip sync; its time range tells faces apart. */
export interface LipSyncFace {
  faceId: string;
  startMs: number | null;
  endMs: number | null;
}

/** A PNG mask as the painter exports it: raw base64 (no data: prefix), white = the region. */
const PngBase64 = z.string().min(16).max(28_000_000).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be raw base64 (no data: prefix)');

export const editChannels = {
  'edit.context': channel(z.object({ renderId: Id }).strict()).returns<EditContext>(),
  /**
   * One frame of a render as a reference: 'first', 'last', or at a time in ms. Masks are painted
   * over it, motion brush trajectories are drawn on it, "use last frame" starts a new take from it.
   */
  'edit.frame': channel(
    z
      .object({
        renderId: Id,
        at: z.union([z.enum(['first', 'last']), z.number().int().min(0).max(3_600_000)]),
        role: z.enum(['first_frame', 'source_video', 'style']).default('first_frame'),
      })
      .strict(),
  ).returns<EditFrame>(),
  /**
   * One frame to look at only (the inpaint slider shows each frame stopped on): nothing is added
   * to the library. The frame chosen is kept with edit.frame when the edit is submitted.
   */
  'edit.framePreview': channel(
    z.object({ renderId: Id, at: z.union([z.enum(['first', 'last']), z.number().int().min(0).max(3_600_000)]) }).strict(),
  ).returns<EditFramePreview>(),
  /**
   * The faces in a Kling take, found by Kling (identify-face: no task, no charge), so a lip sync
   * on a clip with several can say which one speaks (spec.lipSync.faceId).
   */
  'edit.faces': channel(z.object({ renderId: Id }).strict()).returns<{ faces: LipSyncFace[] }>(),
  /** Saves a painted mask; it must be exactly the size of the frame it was painted over. */
  'edit.saveMask': channel(
    z
      .object({
        frameRefId: Id,
        png: PngBase64,
        label: z.string().trim().min(1).max(200).default('Mask'),
      })
      .strict(),
  ).returns<{ refId: number; width: number; height: number }>(),
};

/** A project's style lock: words appended to every prompt of the project ("35mm film, muted teal"). */
export const promptChannels = {
  'prompt.styleLock': channel(z.object({ projectId: Id }).strict()).returns<{ projectId: number; styleLock: string }>(),
  'prompt.setStyleLock': channel(
    z.object({ projectId: Id, styleLock: z.string().trim().max(1000) }).strict(),
  ).returns<{ projectId: number; styleLock: string }>(),
};

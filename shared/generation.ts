// The provider-neutral description of one generation: what a user asks for in the New
// generation form or an edit flow. Adapters (main/providers/<id>) map it to their wire format;
// nothing here knows any provider's field names.
import { z } from 'zod';
import { REFERENCE_ROLES, TASK_TYPES } from './domain.js';

export const ASPECT_RATIOS = ['16:9', '9:16', '1:1'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const MODES = ['std', 'pro'] as const;
export type Mode = (typeof MODES)[number];

export const CAMERA_TYPES = ['simple', 'down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'] as const;
export type CameraType = (typeof CAMERA_TYPES)[number];
export const CAMERA_AXES = ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'] as const;
export type CameraAxis = (typeof CAMERA_AXES)[number];

const Id = z.number().int().positive();

/**
 * A point in normalized image coordinates: x and y in 0..1 with the origin at the TOP-LEFT, as
 * the image is drawn on screen. Adapters convert (Kling wants pixels from the bottom-left).
 */
export const NormalizedPoint = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict();
export type NormalizedPoint = z.infer<typeof NormalizedPoint>;

export const GenerationSpec = z
  .object({
    /** A configured provider account ('demo' is the built-in local simulator). */
    accountId: z.string().min(1).max(64),
    model: z.string().min(1).max(128),
    taskType: z.enum(TASK_TYPES),
    mode: z.enum(MODES).default('std'),
    durationS: z.number().int().min(1).max(180),
    aspectRatio: z.enum(ASPECT_RATIOS).optional(),
    prompt: z.string().max(10_000).default(''),
    /**
     * The project's style lock the prompt ends with, recorded by the core when it applied it; a
     * spec sent again (reroll, retry, try on) has it replaced by the project's lock of the day.
     */
    styleLock: z.string().max(1000).optional(),
    negativePrompt: z.string().max(10_000).default(''),
    cfgScale: z.number().min(0).max(1).optional(),
    sound: z.boolean().optional(),
    /** Output resolution, for models that offer a choice (ModelCapabilities.resolutions). */
    resolution: z.string().min(1).max(16).optional(),
    projectId: Id.optional(),
    shotId: Id.optional(),
    /** The render the edit starts from (extend, restyle, inpaint, outpaint, lip sync, last frame). */
    parentRenderId: Id.optional(),
    /**
     * Reroll: the render this job is another take of, made from the same inputs (its spec sent
     * again). The lineage links the new take to it as 'reroll'. parentRenderId keeps naming what
     * those inputs start from, so a reroll of an extension extends the same clip again.
     */
    rerollOf: Id.optional(),
    /** Library references in their roles (identity, first_frame, end_frame, style, …), in order. */
    references: z.array(z.object({ refId: Id, role: z.enum(REFERENCE_ROLES) }).strict()).max(16).default([]),
    camera: z
      .object({
        type: z.enum(CAMERA_TYPES),
        config: z.partialRecord(z.enum(CAMERA_AXES), z.number().min(-10).max(10)).optional(),
      })
      .strict()
      .optional(),
    /** Motion brush: up to 6 painted regions (mask references), each with its trajectory. */
    motion: z
      .array(z.object({ maskRefId: Id, trajectory: z.array(NormalizedPoint).min(2).max(77) }).strict())
      .max(6)
      .optional(),
    /** Inpaint: the painted region to change (a mask reference, white = change), the clip's size. */
    maskRefId: Id.optional(),
    /** Motion brush: the region that must stay still. */
    staticMaskRefId: Id.optional(),
    /** Lip sync: the audio reference and, when the clip has several faces, which one. */
    lipSync: z.object({ audioRefId: Id, faceId: z.string().min(1).max(64).optional() }).strict().optional(),
    /** Provider-side identities (Kling elements) to ground the subject. */
    elementIds: z.array(z.string().min(1).max(128)).max(4).optional(),
  })
  .strict();

export type GenerationSpecInput = z.input<typeof GenerationSpec>;
export type GenerationSpecParsed = z.output<typeof GenerationSpec>;

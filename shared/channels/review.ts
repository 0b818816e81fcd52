// Channels of the review views: the detail panel (marks, notes, lineage, reveal), the storyboard
// (shots in order, picks) and the cost charts.
import { z } from 'zod';
import { RENDER_FLAGS } from '../domain.js';
import type { Shot } from '../domain.js';
import type { CostSummary, LineageTree, RevealResult, ReviewDetail, Storyboard } from '../review.js';
import { channel, Id } from './channel.js';

const ShotName = z.string().trim().min(1, 'a shot needs a name').max(200);

export const reviewChannels = {
  'review.detail': channel(z.object({ id: Id }).strict()).returns<ReviewDetail>(),
  'review.lineage': channel(z.object({ id: Id }).strict()).returns<LineageTree>(),
  /**
   * Pick, reject or clear a take, and/or rate it 0–5. Picking a take of a shot that already has a
   * pick moves the pick (a shot has one pick).
   */
  'review.mark': channel(
    z
      .object({
        id: Id,
        flag: z.enum(RENDER_FLAGS).nullable().optional(),
        rating: z.number().int().min(0).max(5).optional(),
      })
      .strict()
      .refine((v) => v.flag !== undefined || v.rating !== undefined, { message: 'say a flag or a rating', path: ['flag'] }),
  ).returns<{ id: number; flag: 'pick' | 'reject' | null; rating: number; unpickedId: number | null }>(),
  'review.setNotes': channel(z.object({ id: Id, notes: z.string().max(20_000) }).strict()).returns<{ id: number; notes: string }>(),
  /** Shows the take's file in the system's file manager where the host can; always says where it is. */
  'review.reveal': channel(z.object({ id: Id }).strict()).returns<RevealResult>(),

  'storyboard.get': channel(
    z.object({ projectId: Id, takesPerShot: z.number().int().min(1).max(60).default(12) }).strict(),
  ).returns<Storyboard>(),
  'shots.create': channel(z.object({ projectId: Id, name: ShotName }).strict()).returns<Shot>(),
  'shots.rename': channel(z.object({ id: Id, name: ShotName }).strict()).returns<Shot>(),
  /** Moves a shot before another of its project's shots, or to the end when beforeId is null. */
  'shots.move': channel(z.object({ id: Id, beforeId: Id.nullable() }).strict()).returns<Shot[]>(),

  'costs.summary': channel(
    z.object({ projectId: Id.optional(), days: z.number().int().min(1).max(3650).default(90) }).strict(),
  ).returns<CostSummary>(),
};

// Background preview work (issue 5: "progress bars for every long task"): the posters and
// hover-scrub strips made on the media pool after an import, a bundle import, a finished job or
// at start. One count for the whole library (main/import/preview-work.ts), pushed as throttled
// media.progress events; a window opened mid-work asks for the current state here.
import { channel, Empty } from './channel.js';

export const PREVIEW_KINDS = ['poster', 'sprite'] as const;
export type PreviewKind = (typeof PREVIEW_KINDS)[number];

/** A poster or strip that could not be made: which file, and why (ffmpeg's own words). */
export interface PreviewFailure {
  /** The take's or reference's title (the file name unless a sidecar named it). */
  name: string;
  /** Where the file came from (or lives, when catalogued in place), when known. */
  path: string | null;
  kind: PreviewKind;
  reason: string;
  at: number;
}

export interface PreviewProgress {
  /** Queued or being made now. */
  pending: number;
  /** Made since this run of work began (it begins when something is queued with nothing pending). */
  done: number;
  failed: number;
  /** The take whose preview was started last, while work is pending. */
  current: string | null;
  /** The newest failures (at most MAX_PREVIEW_FAILURES), kept until the user dismisses them. */
  failures: PreviewFailure[];
  /** How many failed since the last dismissal, over every run of work (the list keeps the newest). */
  failuresTotal: number;
}

export const MAX_PREVIEW_FAILURES = 50;

export const mediaChannels = {
  /** The current state, for a window that opens while previews are being made. */
  'media.progress': channel(Empty).returns<PreviewProgress>(),
  /** "Dismiss" on the failures notice: forgets the failures listed so far (in every window). */
  'media.dismissFailures': channel(Empty).returns<PreviewProgress>(),
};

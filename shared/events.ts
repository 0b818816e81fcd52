import type { ImportSummary } from './domain.js';
import type { JobSummary } from './jobs.js';
import type { WatchFolder } from './channels/watch.js';
import type { BundleProgressInfo, BundleTaskInfo } from './channels/bundles.js';
import type { PreviewProgress } from './channels/media.js';

/** Events pushed from the core to every window; transports carry them unchanged. */
export type CoreEvent =
  | {
      type: 'import.progress';
      importId: string;
      folder: string;
      total: number;
      done: number;
      imported: number;
      duplicates: number;
      failed: number;
      ignored: number;
      current: string | null;
    }
  | { type: 'import.finished'; summary: ImportSummary }
  | { type: 'catalogue.changed'; entity: 'renders' | 'references' | 'projects'; ids: number[] }
  | { type: 'asset.thumbnails'; sha256: string; hasPoster: boolean; spriteFrames: number }
  | { type: 'job.updated'; job: JobSummary }
  /** A watched folder's settings, status, files seen or scan progress changed. */
  | { type: 'watch.status'; folder: WatchFolder }
  /** Files finished arriving in a watched folder (batched): what the "files arrived" notice shows. */
  | {
      type: 'watch.arrived';
      folderId: number;
      folder: string;
      imported: number;
      duplicates: number;
      moved: number;
      failed: number;
      /** File names of the first few that arrived, for the notice. */
      names: string[];
      errors: { path: string; reason: string }[];
    }
  /** Assets catalogued in place went missing (or were found again). */
  | { type: 'assets.missing'; sha256s: string[]; missing: boolean }
  /** A bundle export or import moved on, or ended (bundle.finished carries the whole task). */
  | { type: 'bundle.progress'; taskId: string; progress: BundleProgressInfo }
  | { type: 'bundle.finished'; task: BundleTaskInfo }
  /** An .otioz hand-off's media copy moved on (by the id its caller gave handoff.write). */
  | { type: 'handoff.progress'; writeId: string; progress: BundleProgressInfo }
  /** A provider's prices were set or reset (Settings → Providers → Prices): open estimates are stale. */
  | { type: 'prices.changed'; provider: string }
  /**
   * Locate… → Relink the rest, under way (at most ~10 a second): the old folder's missing files
   * checked by name beside the located one, then the new folder's files checked by content.
   */
  | { type: 'assets.relinkProgress'; sha256: string; phase: 'by-name' | 'by-content'; done: number; total: number; relinked: number }
  /** Background posters and hover-scrub strips: how many are left, made and failed (throttled). */
  | { type: 'media.progress'; progress: PreviewProgress };

export type CoreEventType = CoreEvent['type'];

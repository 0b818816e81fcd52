// Channels for project bundles and editor hand-offs. Export and import run in the background and
// report through bundle.progress / bundle.finished events; a window that opens later asks
// bundles.task. Paths are absolute paths on the core's machine (the dialogs type or pick them).
import { z } from 'zod';
import { channel, Id } from './channel.js';

const AbsPath = z.string().min(1).max(4096).refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be a full path');

export const HANDOFF_FORMATS = ['otio', 'otioz', 'edl', 'fcpxml', 'csv'] as const;
export type HandoffFormatName = (typeof HANDOFF_FORMATS)[number];

const WriteId = z.string().regex(/^[\w-]{1,64}$/, 'letters, digits, - or _');

export interface HandoffWritten {
  destination: string;
  format: HandoffFormatName;
  clips: number;
  totalCostCredits: number;
  /** The timeline's frame rate (its first clip's). */
  fps: number;
  /** The clips' own frame rates, distinct, in order. */
  clipRates: number[];
}

export interface BundleProgressInfo {
  phase: 'export' | 'verify' | 'thumbnails' | 'commit';
  bytesDone: number;
  bytesTotal: number;
  filesDone: number;
  filesTotal: number;
  current: string | null;
}

export interface BundleEntityCounts {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
}

export interface BundleChangeLine {
  entity: string;
  id: string;
  label: string;
  detail: string;
}

export interface BundlePreviewInfo {
  path: string;
  kind: 'zip' | 'folder';
  exportedAt: number;
  appVersion: string;
  scope: { renders: 'all' | 'picks' | 'selection'; references: boolean };
  projects: { uid: string; name: string }[];
  files: number;
  bytes: number;
  newerExport: boolean;
  counts: Record<string, BundleEntityCounts>;
  /** At most 200 of each; the counts are complete. */
  updates: BundleChangeLine[];
  conflicts: BundleChangeLine[];
}

export interface BundleTaskInfo {
  taskId: string;
  kind: 'export' | 'import';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  path: string;
  progress: BundleProgressInfo | null;
  /** Export: where it was written and what it holds. Import: what changed. */
  result: { destination?: string; files: number; bytes: number; renders: number; preview?: BundlePreviewInfo } | null;
  error: { code: string; message: string; entry?: string } | null;
}

export const bundleChannels = {
  /** Starts exporting a project (all takes or picks) or a selection of takes; follow with bundle.* events. */
  'bundles.export': channel(
    z
      .object({
        projectId: Id.optional(),
        renderIds: z.array(Id).min(1).max(100_000).optional(),
        renders: z.enum(['all', 'picks']).default('all'),
        references: z.boolean().default(true),
        layout: z.enum(['zip', 'folder']).default('zip'),
        destination: AbsPath,
      })
      .strict()
      .refine((v) => (v.projectId === undefined) !== (v.renderIds === undefined), { message: 'give a project or takes, not both', path: ['projectId'] }),
  ).returns<{ taskId: string }>(),
  /** What a bundle holds and what importing it would change; changes nothing. */
  'bundles.preview': channel(z.object({ path: AbsPath }).strict()).returns<BundlePreviewInfo>(),
  /** Starts importing a bundle; it fully succeeds or changes nothing. */
  'bundles.import': channel(z.object({ path: AbsPath }).strict()).returns<{ taskId: string }>(),
  'bundles.cancel': channel(z.object({ taskId: z.string().min(1).max(64) }).strict()).returns<{ cancelled: boolean }>(),
  'bundles.task': channel(z.object({ taskId: z.string().min(1).max(64) }).strict()).returns<BundleTaskInfo>(),
  /** Writes an editor hand-off from a project's picks in shot order, or from takes in the given order. */
  'handoff.write': channel(
    z
      .object({
        format: z.enum(HANDOFF_FORMATS),
        projectId: Id.optional(),
        renderIds: z.array(Id).min(1).max(10_000).optional(),
        destination: AbsPath,
        /** Chosen by the caller so handoff.cancel can stop this write (an .otioz copies all the media). */
        writeId: WriteId.optional(),
      })
      .strict()
      .refine((v) => (v.projectId === undefined) !== (v.renderIds === undefined), { message: 'give a project or takes, not both', path: ['projectId'] }),
  ).returns<HandoffWritten>(),
  /** Stops a handoff.write still running; it then fails as cancelled and leaves no file. */
  'handoff.cancel': channel(z.object({ writeId: WriteId }).strict()).returns<{ cancelled: boolean }>(),
};

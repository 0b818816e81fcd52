// Domain vocabulary shared by core and renderer. Pure TypeScript: no Node, DOM or Electron.

export const MEDIA_KINDS = ['video', 'image', 'audio'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const RENDER_FLAGS = ['pick', 'reject'] as const;
export type RenderFlag = (typeof RENDER_FLAGS)[number];

/** Grid orderings; 'newest' is "recently added to the library". */
export const RENDER_SORTS = ['newest', 'oldest', 'title', 'rating', 'cost', 'duration'] as const;
export type RenderSort = (typeof RENDER_SORTS)[number];

export const RENDER_SOURCES = ['import', 'job', 'watch', 'bundle'] as const;
export type RenderSource = (typeof RENDER_SOURCES)[number];

export const REFERENCE_ROLES = [
  'identity', 'product', 'style', 'first_frame', 'end_frame', 'mask',
  'motion_trajectory', 'camera_path', 'audio', 'source_video',
] as const;
export type ReferenceRole = (typeof REFERENCE_ROLES)[number];

export const TASK_TYPES = [
  'text_to_video', 'image_to_video', 'multi_reference', 'restyle', 'inpaint', 'outpaint',
  'motion_brush', 'camera_control', 'extend', 'lip_sync',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/**
 * unconfirmed: a create was sent, its answer was lost, and the provider offers no way to look the
 * task up. It may be running (and charged) there; the job waits for the user to send again or drop.
 */
export const JOB_STATES = [
  'queued', 'submitting', 'unconfirmed', 'submitted', 'running', 'downloading',
  'done', 'failed', 'rejected', 'cancelled',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export const CHARGE_KINDS = ['estimate', 'actual', 'refund'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

/** Media file facts as read by ffprobe; null where the stream does not say. */
export interface ProbeData {
  kind: MediaKind;
  container: string;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
}

export interface AssetInfo extends ProbeData {
  sha256: string;
  ext: string;
  size: number;
  /** Number of frames in the hover-scrub sprite strip; 0 until made (or for stills). */
  spriteFrames: number;
  hasPoster: boolean;
  missing: boolean;
}

/** What the grid needs for one tile; kept small because pages carry hundreds of them. */
export interface RenderCard {
  id: number;
  title: string;
  sha256: string;
  ext: string;
  kind: MediaKind;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  hasPoster: boolean;
  spriteFrames: number;
  rating: number;
  flag: RenderFlag | null;
  provider: string | null;
  model: string | null;
  costCredits: number;
  createdAt: number;
}

export interface RenderDetail extends RenderCard {
  asset: AssetInfo;
  source: RenderSource;
  /** Where the file came from: the imported path, the provider task, the bundle. */
  origin: string | null;
  taskType: string | null;
  prompt: { text: string; negative: string } | null;
  project: { id: number; name: string } | null;
  shot: { id: number; name: string } | null;
  parent: { id: number; title: string; operation: string } | null;
  tags: string[];
  notes: string;
}

export interface ReferenceCard {
  id: number;
  title: string;
  sha256: string;
  ext: string;
  kind: MediaKind;
  role: ReferenceRole | null;
  width: number | null;
  height: number | null;
  /** File size in bytes (for the provider's size limit). */
  size: number;
  /** Kling element ids made from this reference (it was the frontal view or one of the views). */
  elementIds: string[];
  hasPoster: boolean;
  createdAt: number;
}

export interface Project {
  id: number;
  name: string;
  createdAt: number;
}

/** A shot of a project's shot list, in order; the fields are the shot list's columns. */
export interface Shot {
  id: number;
  name: string;
  /** Order within the project (REAL: a shot moved between two others takes the midpoint). */
  position: number;
  subject: string;
  action: string;
  framing: string;
  camera: string;
  lighting: string;
  style: string;
}

/** Credits a project has spent or has in flight: what its budget is checked against. */
export interface ProjectCost {
  projectId: number;
  credits: number;
}

export interface LibraryInfo {
  path: string;
  schemaVersion: number;
  counts: { renders: number; references: number; projects: number };
  tools: { ffmpeg: string; ffprobe: string };
}

export interface ImportFileOutcome {
  path: string;
  /** 'ignored' is a file that is not media at all (a .txt beside the clips): listed, not an error. */
  status: 'imported' | 'duplicate' | 'failed' | 'ignored';
  /** Set for 'imported' and 'duplicate': what the file is (or already was) in the library. */
  kind?: MediaKind;
  renderId?: number;
  referenceId?: number;
  /** Set for 'failed' and 'ignored': a sentence a user can act on. */
  reason?: string;
}

export interface ImportSummary {
  importId: string;
  folder: string;
  total: number;
  imported: number;
  duplicates: number;
  failed: number;
  ignored: number;
  files: ImportFileOutcome[];
  /** Set when the whole import could not run (unreadable or missing folder). */
  error?: string;
  finishedAt: number | null;
}

// The New generation form's state and the rules that keep it inside what the chosen model
// accepts. Pure functions: the form renders them, and every choice a model lacks gets a reason.
import type { ReferenceRole, TaskType } from '../../shared/domain.js';
import type { AspectRatio, CameraAxis, CameraType, GenerationSpecInput, Mode } from '../../shared/generation.js';
import type { ModelCapabilities } from '../../shared/jobs.js';

export interface PickedReference {
  refId: number;
  role: ReferenceRole;
}

export interface Draft {
  accountId: string;
  projectId: number | null;
  /** One of the project's shots; null with no project. */
  shotId: number | null;
  taskType: TaskType;
  model: string;
  mode: Mode;
  durationS: number;
  aspectRatio: AspectRatio;
  /** Null when the model offers no choice of resolution. */
  resolution: string | null;
  sound: boolean;
  prompt: string;
  negativePrompt: string;
  references: PickedReference[];
  /** Kling elements named in an O1 prompt as <<<element_N>>>, in order. */
  elementIds: string[];
  cameraOn: boolean;
  cameraType: CameraType;
  cameraAxis: CameraAxis;
  cameraValue: number;
}

export const DEMO_ACCOUNT = 'demo';

export function initialDraft(accountId = DEMO_ACCOUNT): Draft {
  return {
    accountId,
    projectId: null,
    shotId: null,
    taskType: 'text_to_video',
    model: '',
    mode: 'std',
    durationS: 5,
    aspectRatio: '16:9',
    resolution: null,
    sound: false,
    prompt: '',
    negativePrompt: '',
    references: [],
    elementIds: [],
    cameraOn: false,
    cameraType: 'simple',
    cameraAxis: 'zoom',
    cameraValue: 5,
  };
}

// Every TASK_TYPES entry with its label; a Record so a new task type is a compile error here.
export const TASK_LABELS: Record<TaskType, string> = {
  text_to_video: 'Text to video',
  image_to_video: 'Image to video (first/end frame)',
  multi_reference: 'Multi-reference (identity, product, style)',
  camera_control: 'Camera control',
  restyle: 'Restyle a render',
  inpaint: 'Inpaint a render',
  outpaint: 'Outpaint / change aspect',
  extend: 'Extend a render',
  lip_sync: 'Lip sync',
  motion_brush: 'Motion brush',
};
export const TASK_TYPES_IN_ORDER = Object.keys(TASK_LABELS) as TaskType[];

/** Task types this form cannot describe yet: they start from a render or need an editor. */
const NOT_IN_THIS_FORM: Partial<Record<TaskType, string>> = {
  restyle: 'start from a render (not in this form yet)',
  inpaint: 'start from a render (not in this form yet)',
  outpaint: 'start from a render (not in this form yet)',
  extend: 'start from a render (not in this form yet)',
  lip_sync: 'start from a render (not in this form yet)',
  motion_brush: 'needs the motion brush editor (not yet available)',
};

export const MODE_LABELS: Record<Mode, string> = { std: 'Standard', pro: 'Professional' };
export const ASPECTS: AspectRatio[] = ['16:9', '9:16', '1:1'];
export const CAMERA_TYPE_LABELS: Record<CameraType, string> = {
  simple: 'Simple (one axis)',
  down_back: 'Down and back',
  forward_up: 'Forward and up',
  right_turn_forward: 'Turn right, forward',
  left_turn_forward: 'Turn left, forward',
};
export const CAMERA_AXIS_LABELS: Record<CameraAxis, string> = {
  horizontal: 'Horizontal (truck)',
  vertical: 'Vertical (pedestal)',
  pan: 'Pan',
  tilt: 'Tilt',
  roll: 'Roll',
  zoom: 'Zoom',
};

/** Roles a reference can take per task type; the first is the one a new pick gets. */
export const ROLES_FOR_TASK: Partial<Record<TaskType, ReferenceRole[]>> = {
  text_to_video: ['style'],
  image_to_video: ['first_frame', 'end_frame'],
  multi_reference: ['identity', 'product', 'style'],
  camera_control: ['first_frame'],
};

export const ROLE_LABELS: Record<ReferenceRole, string> = {
  identity: 'Identity',
  product: 'Product',
  style: 'Style',
  first_frame: 'First frame',
  end_frame: 'End frame',
  mask: 'Mask',
  motion_trajectory: 'Motion trajectory',
  camera_path: 'Camera path',
  audio: 'Audio',
  source_video: 'Source video',
};

/** Why a task type cannot be chosen with these models, or null when it can. */
export function taskTypeReason(task: TaskType, models: readonly ModelCapabilities[]): string | null {
  const notHere = NOT_IN_THIS_FORM[task];
  if (notHere) return notHere;
  if (!models.some((m) => m.taskTypes.includes(task))) return 'no model on this account does this';
  return null;
}

export function modelReason(model: ModelCapabilities, task: TaskType): string | null {
  return model.taskTypes.includes(task) ? null : `no ${TASK_LABELS[task].toLowerCase()} on these models`;
}

export function modeReason(model: ModelCapabilities | undefined, mode: Mode): string | null {
  if (!model || model.modes.includes(mode)) return null;
  return `${model.label} has no ${MODE_LABELS[mode].toLowerCase()} mode`;
}

export function durationReason(model: ModelCapabilities | undefined, seconds: number, resolution: string | null = null, task?: TaskType): string | null {
  if (!model) return null;
  if (!model.durationsS.includes(seconds)) return `${model.label} renders ${model.durationsS.join(' or ')} s only`;
  const forTask = task !== undefined ? model.durationsByTask?.[task] : undefined;
  if (forTask && !forTask.includes(seconds)) return `${TASK_LABELS[task!]} on ${model.label} works on ${forTask.join(' or ')} s clips only`;
  const narrowed = resolution !== null ? model.durationsByResolution?.[resolution] : undefined;
  if (narrowed && !narrowed.includes(seconds)) return `${model.label} renders ${resolution} in ${narrowed.join(' or ')} s only`;
  return null;
}

/** The durations this model renders for this task at this resolution. */
export function allowedDurations(model: ModelCapabilities, task: TaskType, resolution: string | null): readonly number[] {
  return model.durationsS.filter((s) => !durationReason(model, s, resolution, task));
}

export function resolutionReason(model: ModelCapabilities | undefined, resolution: string): string | null {
  if (!model) return null;
  const offered = model.resolutions ?? [];
  if (offered.length === 0) return `${model.label} has no choice of resolution`;
  return offered.includes(resolution) ? null : `${model.label} renders ${offered.join(' or ')} only`;
}

export function aspectReason(model: ModelCapabilities | undefined, aspect: AspectRatio): string | null {
  if (!model || model.aspectRatios.includes(aspect)) return null;
  return `${model.label} does not render ${aspect}`;
}

export function soundReason(model: ModelCapabilities | undefined): string | null {
  if (!model || model.sound) return null;
  return `${model.label} makes silent clips; pick a model with sound`;
}

/** Why the camera (or one camera type) is unavailable with this model and mode, or null. */
export function cameraReason(model: ModelCapabilities | undefined, mode: Mode, type?: CameraType): string | null {
  if (!model) return null;
  const types = model.camera[mode] ?? [];
  if (types.length === 0) {
    const otherModes = Object.entries(model.camera).filter(([, t]) => t.length > 0).map(([m]) => m as Mode);
    return otherModes.length > 0
      ? `${model.label} moves the camera only in ${otherModes.map((m) => MODE_LABELS[m].toLowerCase()).join(' or ')} mode`
      : `${model.label} has no camera control; describe the move in the prompt`;
  }
  if (type && !types.includes(type)) return `${model.label} in ${MODE_LABELS[mode].toLowerCase()} mode offers ${types.join(', ')} only`;
  return null;
}

/**
 * The draft moved onto supported values after a change: a model that does the task type, then
 * the nearest mode, duration and aspect that model offers; features it lacks are switched off.
 */
export function constrain(draft: Draft, models: readonly ModelCapabilities[]): Draft {
  let model = models.find((m) => m.model === draft.model);
  if (!model || modelReason(model, draft.taskType)) model = models.find((m) => !modelReason(m, draft.taskType)) ?? model ?? models[0];
  if (!model) return draft;
  const next: Draft = { ...draft, model: model.model };
  if (!model.modes.includes(next.mode)) next.mode = (model.modes[0] as Mode | undefined) ?? next.mode;
  const resolutions = model.resolutions ?? [];
  if (resolutions.length === 0) next.resolution = null;
  else if (next.resolution === null || !resolutions.includes(next.resolution)) next.resolution = resolutions[0]!;
  // A resolution may narrow the durations (MiniMax 1080P is 6 s only): the nearest allowed one.
  const durations = allowedDurations(model, next.taskType, next.resolution);
  if (durations.length > 0 && !durations.includes(next.durationS)) next.durationS = nearest(durations, next.durationS);
  if (!model.aspectRatios.includes(next.aspectRatio)) next.aspectRatio = (model.aspectRatios[0] as AspectRatio | undefined) ?? next.aspectRatio;
  if (!model.sound) next.sound = false;
  const cameraTypes = model.camera[next.mode] ?? [];
  if (next.taskType === 'camera_control') next.cameraOn = cameraTypes.length > 0;
  else if (cameraTypes.length === 0) next.cameraOn = false;
  if (cameraTypes.length > 0 && !cameraTypes.includes(next.cameraType)) next.cameraType = cameraTypes[0] as CameraType;
  const roles = ROLES_FOR_TASK[next.taskType] ?? [];
  next.references = next.references.filter((r) => roles.includes(r.role));
  // The picker offers elements only where references go; none are sent unseen.
  if (roles.length === 0 && next.elementIds.length > 0) next.elementIds = [];
  return next;
}

function nearest(values: readonly number[], target: number): number {
  let best = values[0] ?? target;
  for (const v of values) if (Math.abs(v - target) < Math.abs(best - target)) best = v;
  return best;
}

/** The spec sent to jobs.estimate and jobs.submit. */
export function toSpec(draft: Draft): GenerationSpecInput {
  const spec: GenerationSpecInput = {
    accountId: draft.accountId,
    model: draft.model,
    taskType: draft.taskType,
    mode: draft.mode,
    durationS: draft.durationS,
    aspectRatio: draft.aspectRatio,
    prompt: draft.prompt,
    negativePrompt: draft.negativePrompt,
    references: draft.references,
  };
  if (draft.sound) spec.sound = true;
  if (draft.elementIds.length > 0) spec.elementIds = draft.elementIds;
  if (draft.resolution !== null) spec.resolution = draft.resolution;
  if (draft.projectId !== null) spec.projectId = draft.projectId;
  if (draft.projectId !== null && draft.shotId !== null) spec.shotId = draft.shotId;
  if (draft.cameraOn) {
    spec.camera =
      draft.cameraType === 'simple'
        ? { type: 'simple', config: { [draft.cameraAxis]: draft.cameraValue } }
        : { type: draft.cameraType };
  }
  return spec;
}

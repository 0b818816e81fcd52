// Task → Runway create request. validate.ts has checked the task first, so builders may assume
// the inputs they need are present.
import type { AdapterContext, HttpCall, ResolvedTask } from '../types.js';
import { dataUri, inputsWithRole } from '../wire/inputs.js';
import { ProviderCallError } from '../wire/errors.js';
import { findRunwayModel, RUNWAY_PATHS } from './capabilities.js';

type Body = Record<string, unknown>;

function need<T>(v: T | undefined | null, field: string, what: string): T {
  if (v === undefined || v === null) throw new ProviderCallError({ kind: 'invalid', code: 'input', httpStatus: 0, message: `${field}: ${what}` });
  return v;
}

export async function buildRunwayCreate(task: ResolvedTask, ctx: AdapterContext): Promise<HttpCall> {
  const { spec } = task;
  const model = need(findRunwayModel(spec.model), 'model', `Runway has no model "${spec.model}"`);
  const ratio = model.ratios[spec.aspectRatio ?? '16:9'];
  const body: Body = { model: model.model };
  if (spec.prompt) body.promptText = spec.prompt;
  if (ratio) body.ratio = ratio;
  switch (spec.taskType) {
    case 'image_to_video': {
      const first = need(inputsWithRole(task, 'first_frame')[0], 'references', 'Gen-4 Turbo needs a first-frame image');
      body.promptImage = await dataUri(ctx, first);
      body.duration = spec.durationS;
      break;
    }
    case 'text_to_video':
      body.duration = spec.durationS;
      if (model.sound) body.audio = spec.sound === true;
      break;
    case 'restyle': {
      const parent = need(task.parent, 'parentRenderId', 'restyle starts from a render');
      // Sent inline from the library, so any render (from any provider, or imported) can be restyled.
      body.videoUri = await dataUri(ctx, { path: parent.path, mime: 'video/mp4' });
      const styles = inputsWithRole(task, 'style');
      if (styles.length > 0) body.references = await Promise.all(styles.map(async (s) => ({ type: 'image', uri: await dataUri(ctx, s) })));
      break;
    }
    default:
      throw new ProviderCallError({ kind: 'invalid', code: 'input', httpStatus: 0, message: `taskType: Runway does not do ${spec.taskType}` });
  }
  return { method: 'POST', path: model.path, json: body };
}

export function runwayTaskPath(providerTaskId: string): string {
  return `${RUNWAY_PATHS.tasks}/${encodeURIComponent(providerTaskId)}`;
}

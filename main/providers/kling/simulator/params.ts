// Field checks shared by the create endpoints, answering 400/1201 with the field's name, the
// way Kling's own parameter errors read. Limits come from providers.md.
import { badParam } from './wire.js';
import { ASPECT_SIZES, CAMERA_AXES, CAMERA_TYPES, MODES, isV2 } from './models.js';
import { parseUrl } from './image-input.js';
import type { Camera } from '../../simulator/render-spec.js';

export type Body = Record<string, unknown>;

export function optString(body: Body, field: string, max = Infinity): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badParam(field, 'must be a string');
  if (v.length > max) throw badParam(field, `is ${v.length} characters; the limit is ${max}`);
  return v;
}

export function reqString(body: Body, field: string, max = Infinity): string {
  const v = optString(body, field, max);
  if (v === undefined || v.trim() === '') throw badParam(field, 'is required');
  return v;
}

export function prompts(body: Body, required: boolean): { prompt: string; negativePrompt: string } {
  const prompt = required ? reqString(body, 'prompt', 2500) : optString(body, 'prompt', 2500) ?? '';
  return { prompt, negativePrompt: optString(body, 'negative_prompt', 2500) ?? '' };
}

export function modelName(body: Body, allowed: readonly string[], fallback: string): string {
  const v = optString(body, 'model_name') ?? fallback;
  if (!allowed.includes(v)) throw badParam('model_name', `"${v}" is not supported here; use one of ${allowed.join(', ')}`);
  return v;
}

export function mode(body: Body, fallback: 'std' | 'pro' = 'std'): 'std' | 'pro' {
  const v = optString(body, 'mode') ?? fallback;
  if (!(MODES as readonly string[]).includes(v)) throw badParam('mode', `"${v}" is not one of std, pro`);
  return v as 'std' | 'pro';
}

export function aspectRatio(body: Body): string {
  const v = optString(body, 'aspect_ratio') ?? '16:9';
  if (!ASPECT_SIZES[v]) throw badParam('aspect_ratio', `"${v}" is not one of ${Object.keys(ASPECT_SIZES).join(', ')}`);
  return v;
}

/** Kling sends durations as strings ("5"); a number is a client bug worth reporting. */
export function duration(body: Body, allowed: readonly number[], fallback: number): number {
  const v = body.duration;
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string') throw badParam('duration', `must be a string such as "${fallback}", not a ${typeof v}`);
  const n = Number(v);
  if (!/^\d+$/.test(v) || !allowed.includes(n)) throw badParam('duration', `"${v}" is not one of ${allowed.map((d) => `"${d}"`).join(', ')}`);
  return n;
}

export function cfgScale(body: Body, model: string): number | undefined {
  const v = body.cfg_scale;
  if (v === undefined || v === null) return undefined;
  if (isV2(model)) throw badParam('cfg_scale', `is not supported by ${model} (v2.x models); leave it out`);
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) throw badParam('cfg_scale', 'must be a number from 0 to 1');
  return v;
}

export function onOff(body: Body, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (v !== 'on' && v !== 'off') throw badParam(field, 'must be "on" or "off"');
  return v === 'on';
}

export function callbackUrl(body: Body): string | undefined {
  const v = optString(body, 'callback_url', 2048);
  return v ? parseUrl('callback_url', v).href : undefined;
}

export function externalTaskId(body: Body): string | undefined {
  const v = optString(body, 'external_task_id', 64);
  return v === '' ? undefined : v;
}

export function watermark(body: Body): { enabled: boolean } {
  const v = body.watermark_info;
  if (v === undefined || v === null) return { enabled: false };
  if (typeof v !== 'object' || typeof (v as { enabled?: unknown }).enabled !== 'boolean') {
    throw badParam('watermark_info', 'must be {"enabled": true|false}');
  }
  return { enabled: (v as { enabled: boolean }).enabled };
}

export type CameraType = (typeof CAMERA_TYPES)[number];
export type CameraAxis = (typeof CAMERA_AXES)[number];
export type { Camera };

/** `camera_control`: `simple` needs a config with exactly one non-zero axis; other types take none. */
export function camera(body: Body): Camera | undefined {
  const v = body.camera_control;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw badParam('camera_control', 'must be an object');
  const { type, config } = v as { type?: unknown; config?: unknown };
  if (typeof type !== 'string' || !(CAMERA_TYPES as readonly string[]).includes(type)) {
    throw badParam('camera_control.type', `must be one of ${CAMERA_TYPES.join(', ')}`);
  }
  if (type !== 'simple') {
    if (config !== undefined && config !== null) throw badParam('camera_control.config', `must be left out when type is ${type}`);
    return { type: type as CameraType };
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw badParam('camera_control.config', 'is required when type is simple');
  }
  const moving: [CameraAxis, number][] = [];
  for (const [key, amount] of Object.entries(config)) {
    if (!(CAMERA_AXES as readonly string[]).includes(key)) throw badParam(`camera_control.config.${key}`, `is not an axis (${CAMERA_AXES.join(', ')})`);
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < -10 || amount > 10) {
      throw badParam(`camera_control.config.${key}`, 'must be a number from -10 to 10');
    }
    if (amount !== 0) moving.push([key as CameraAxis, amount]);
  }
  if (moving.length !== 1) {
    throw badParam('camera_control.config', `exactly one axis must be non-zero (got ${moving.length}: ${moving.map(([a]) => a).join(', ') || 'none'})`);
  }
  return { type: 'simple', axis: moving[0]![0], amount: moving[0]![1] };
}

export function array(body: Body, field: string, max: number): unknown[] | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw badParam(field, 'must be an array');
  if (v.length > max) throw badParam(field, `has ${v.length} entries; at most ${max} are allowed`);
  return v;
}

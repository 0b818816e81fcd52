// What the simulated account accepts per endpoint, and what it charges. Model names and limits
// follow providers.md; prices are APPROXIMATE (third-party figures marked (?) there): the only
// truth a client may rely on is the `final_unit_deduction` the task reports.

export const TEXT_MODELS = ['kling-v1', 'kling-v1-6', 'kling-v2-master', 'kling-v2-1-master', 'kling-v2-5-turbo', 'kling-v2-6'] as const;
export const OMNI_MODEL = 'kling-video-o1';
// multi-image2video is a v1.6 feature on the real service.
export const MULTI_IMAGE_MODELS = ['kling-v1-6'] as const;

export const ASPECT_SIZES: Record<string, { width: number; height: number }> = {
  // Small frames so tests and the demo render in well under a second per clip.
  '16:9': { width: 640, height: 360 },
  '9:16': { width: 360, height: 640 },
  '1:1': { width: 480, height: 480 },
};

export const MODES = ['std', 'pro'] as const;
export const CAMERA_TYPES = ['simple', 'down_back', 'forward_up', 'right_turn_forward', 'left_turn_forward'] as const;
export const CAMERA_AXES = ['horizontal', 'vertical', 'pan', 'tilt', 'roll', 'zoom'] as const;

export function isV2(model: string): boolean {
  return model.startsWith('kling-v2');
}

/** `sound` exists from v2.6 on. */
export function supportsSound(model: string): boolean {
  return model === 'kling-v2-6';
}

/**
 * Camera control is "supported only on some model/mode/duration combinations" (providers.md).
 * The simulator's table (an approximation, chosen so an adapter's support check is exercised):
 * kling-v1 and kling-v1-6, std or pro, 5 s only. Everything else answers 400/1201.
 */
export function cameraSupported(model: string, _mode: string, durationS: number): boolean {
  return (model === 'kling-v1' || model === 'kling-v1-6') && durationS === 5;
}

// Units per 5 s clip, by model and mode (approximate, see the header).
const PER_5S: Record<string, { std: number; pro: number }> = {
  'kling-v1': { std: 1, pro: 3.5 },
  'kling-v1-6': { std: 2, pro: 3.5 },
  'kling-v2-master': { std: 10, pro: 10 },
  'kling-v2-1-master': { std: 10, pro: 10 },
  'kling-v2-5-turbo': { std: 1.5, pro: 2.5 },
  'kling-v2-6': { std: 1.5, pro: 2.5 },
};
// Kling O1 bills per second: ~0.6 (std) to ~0.8 (pro) units.
const O1_PER_SECOND = { std: 0.6, pro: 0.8 };

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function priceUnits(model: string, mode: string, durationS: number, opts: { sound?: boolean } = {}): number {
  const m = mode === 'pro' ? 'pro' : 'std';
  if (model === OMNI_MODEL) return round2(O1_PER_SECOND[m] * durationS);
  const base = (PER_5S[model] ?? PER_5S['kling-v1-6']!)[m] * (durationS / 5);
  // Native audio roughly doubles the v2.6 price.
  return round2(opts.sound ? base * 2 : base);
}

/** Lip sync is billed by the length of the clip it edits: ~0.5 unit per started 5 s. */
export function lipSyncUnits(durationS: number): number {
  return round2(0.5 * Math.max(1, Math.ceil(durationS / 5)));
}

/** Kling reports the charge as a string; integers print without decimals ("2", "3.5"). */
export function unitsString(units: number): string {
  return String(round2(units));
}

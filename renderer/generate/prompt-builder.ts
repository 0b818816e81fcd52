// Prompts built the way the crew works: shot-list fields in a fixed order, negative presets,
// and a project's style lock appended to every prompt. Pure, so the rules are unit-tested.
import type { Shot } from '../../shared/domain.js';

export const SHOT_FIELDS = ['subject', 'action', 'framing', 'camera', 'lighting', 'style'] as const;
export type ShotField = (typeof SHOT_FIELDS)[number];
export type ShotFields = Record<ShotField, string>;

export const SHOT_FIELD_LABELS: Record<ShotField, string> = {
  subject: 'Subject', action: 'Action', framing: 'Framing', camera: 'Camera', lighting: 'Lighting', style: 'Style',
};

export const NEGATIVE_PRESETS = ['no text overlay', 'no extra fingers', 'no camera shake', 'no warping'] as const;

export function emptyShotFields(): ShotFields {
  return { subject: '', action: '', framing: '', camera: '', lighting: '', style: '' };
}

export function shotFieldsOf(shot: Shot | undefined): ShotFields {
  if (!shot) return emptyShotFields();
  return { subject: shot.subject, action: shot.action, framing: shot.framing, camera: shot.camera, lighting: shot.lighting, style: shot.style };
}

/**
 * One prompt from the fields: "framing of subject action, camera, lighting, style". The framing
 * leads (models weigh early words most), the subject and action make the sentence, the rest
 * follow as comma-separated notes. Empty fields are left out.
 */
export function composePrompt(f: ShotFields): string {
  const clean = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[.,;]+$/, '');
  const subject = [clean(f.subject), clean(f.action)].filter(Boolean).join(' ');
  const framing = clean(f.framing);
  const head = framing && subject ? `${framing} of ${subject}` : framing || subject;
  return [head, clean(f.camera), clean(f.lighting), clean(f.style)].filter(Boolean).join(', ');
}

const splitList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

export function hasPreset(negative: string, preset: string): boolean {
  return splitList(negative).some((x) => x.toLowerCase() === preset.toLowerCase());
}

/** Adds the preset to the comma-separated negative prompt, or takes it out if it is there. */
export function togglePreset(negative: string, preset: string): string {
  const items = splitList(negative);
  const next = hasPreset(negative, preset) ? items.filter((x) => x.toLowerCase() !== preset.toLowerCase()) : [...items, preset];
  return next.join(', ');
}

// The rule lives in shared/: the core applies the same one to every job of the project.
export { withStyleLock } from '../../shared/style-lock.js';

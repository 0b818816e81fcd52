// Quality checks for reference images, shown as a badge with its reason in the References view.
// Pure: the catalogue already knows each asset's size, format and dimensions (probed on import),
// so a check needs no file access and runs in the renderer as roles or the provider change.
import type { MediaKind, ReferenceRole } from './domain.js';

/** Identity references below this long edge lose the face's detail at the provider. */
export const IDENTITY_MIN_LONG_EDGE = 1024;

/** What a provider accepts as an input image, from its API reference (/work/shared/providers.md). */
export interface ReferenceImageLimits {
  label: string;
  /** Lower-case file extensions. */
  formats: readonly string[];
  maxBytes: number;
  /** Each side at least this many pixels. */
  minSidePx: number;
  /** Width / height bounds, inclusive. */
  minAspect: number;
  maxAspect: number;
}

// Only providers whose image limits are documented are listed; for the others only the
// identity rule applies (and the badge says no limits are known).
export const REFERENCE_IMAGE_LIMITS: Readonly<Record<string, ReferenceImageLimits>> = {
  kling: { label: 'Kling', formats: ['jpg', 'jpeg', 'png'], maxBytes: 10 * 1024 * 1024, minSidePx: 300, minAspect: 1 / 2.5, maxAspect: 2.5 },
};

export interface ReferenceFacts {
  kind: MediaKind;
  ext: string;
  size: number;
  width: number | null;
  height: number | null;
  role: ReferenceRole | null;
}

export interface QualityVerdict {
  ok: boolean;
  /** One sentence per problem, phrased for the person choosing the reference. */
  reasons: string[];
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function checkReference(ref: ReferenceFacts, providerId: string | null): QualityVerdict {
  if (ref.kind !== 'image') return { ok: true, reasons: [] };
  const reasons: string[] = [];
  const { width, height } = ref;
  if (width === null || height === null || width <= 0 || height <= 0) {
    return { ok: false, reasons: ['Its size could not be read; the image may be damaged.'] };
  }
  const longEdge = Math.max(width, height);
  if (ref.role === 'identity' && longEdge < IDENTITY_MIN_LONG_EDGE) {
    reasons.push(`Long edge ${longEdge} px is under ${IDENTITY_MIN_LONG_EDGE} px: too small to hold an identity.`);
  }
  const limits = providerId ? REFERENCE_IMAGE_LIMITS[providerId] : undefined;
  if (limits) {
    const ext = ref.ext.toLowerCase().replace(/^\./, '');
    if (!limits.formats.includes(ext)) {
      reasons.push(`${limits.label} takes ${limits.formats.filter((f) => f !== 'jpeg').map((f) => f.toUpperCase()).join(' or ')} images, not ${ext.toUpperCase()}.`);
    }
    if (ref.size > limits.maxBytes) reasons.push(`${mb(ref.size)} is over ${limits.label}'s ${mb(limits.maxBytes)} limit.`);
    if (Math.min(width, height) < limits.minSidePx) {
      reasons.push(`${width}×${height} px is under ${limits.label}'s ${limits.minSidePx} px minimum side.`);
    }
    const aspect = width / height;
    if (aspect < limits.minAspect - 1e-9 || aspect > limits.maxAspect + 1e-9) {
      reasons.push(`Aspect ${aspect.toFixed(2)}:1 is outside ${limits.label}'s ${ratio(limits.minAspect)} to ${ratio(limits.maxAspect)}.`);
    }
  }
  return { ok: reasons.length === 0, reasons };
}

function ratio(a: number): string {
  return a >= 1 ? `${+a.toFixed(2)}:1` : `1:${+(1 / a).toFixed(2)}`;
}

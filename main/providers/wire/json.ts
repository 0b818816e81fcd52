// Reading providers' JSON defensively: every adapter gets untrusted bodies (a gateway's HTML, a
// half-written answer), so fields are read through these and a missing one is null, never a crash.
export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Numbers may arrive as strings ("5.1"); both forms count. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** The first 200 characters of a body, on one line, for error messages. */
export function snippet(text: string): string {
  return text.slice(0, 200).replace(/\s+/g, ' ').trim();
}

/**
 * A duration as Google ("38s", "1.5s") and OpenAI ("6m0s", "1s", "250ms", "1h2m3s") write
 * them, in milliseconds; undefined when it is neither.
 */
export function durationMs(v: string | undefined | null): number | undefined {
  if (!v) return undefined;
  const text = v.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    const factor = unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1;
    total += Number(n) * factor;
  }
  return Math.round(total);
}

// Every Kling answer is wrapped as {code, message, request_id, data}. Reading it defensively
// in one place lets the rest of the adapter assume a well-formed envelope.

export interface KlingEnvelope {
  code: number;
  message: string;
  requestId: string | null;
  data: unknown;
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Kling sends numbers, but a string "1302" from a proxy or an older gateway means the same. */
function asCode(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  return null;
}

/** The envelope, or null when the body is not one (not JSON, or no numeric code). */
export function readEnvelope(json: unknown): KlingEnvelope | null {
  if (!isObject(json)) return null;
  const code = asCode(json.code);
  if (code === null) return null;
  return {
    code,
    message: typeof json.message === 'string' ? json.message : '',
    requestId: typeof json.request_id === 'string' ? json.request_id : null,
    data: json.data,
  };
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Kling reports numbers as strings ("5.1", "2.5"); both forms are accepted. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

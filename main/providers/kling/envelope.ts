// Every Kling answer is wrapped as {code, message, request_id, data}. Reading it defensively
// in one place lets the rest of the adapter assume a well-formed envelope. The field readers
// are the ones every adapter shares (../wire/json).
import { isObject } from '../wire/json.js';

export { isObject, num, str, type JsonObject } from '../wire/json.js';

export interface KlingEnvelope {
  code: number;
  message: string;
  requestId: string | null;
  data: unknown;
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

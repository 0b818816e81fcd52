// Small readers for providers' JSON answers and headers, shared by the adapters that are not
// Kling (Kling keeps its own in kling/envelope.ts). Answers are untrusted input: every reader
// returns null rather than throwing on a missing or mistyped field.
import type { ProviderError } from '../types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function header(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** Retry-After as seconds or an HTTP date (and OpenAI's retry-after-ms). */
export function retryAfterMs(headers: Record<string, string>, nowMs: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  const v = header(headers, 'retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
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

/** For answers with no code the provider documents: a kind from the HTTP status alone. */
export function kindForStatus(status: number): ProviderError['kind'] {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'load';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'server';
}

export function snippet(text: string): string {
  return text.slice(0, 200).replace(/\s+/g, ' ').trim();
}

/** Thrown by an adapter that cannot build or read a call; the engine classifies providerError. */
export class ProviderCallError extends Error {
  readonly providerError: ProviderError;

  constructor(providerError: ProviderError) {
    super(providerError.message);
    this.name = 'ProviderCallError';
    this.providerError = providerError;
  }
}

/** An answer that parsed but lacks what the provider documents: the provider misbehaved, retry. */
export function malformed(provider: string, status: number, why: string): ProviderCallError {
  return new ProviderCallError({ kind: 'server', code: String(status), httpStatus: status, message: `${provider} answer malformed: ${why}` });
}

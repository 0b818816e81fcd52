// Readers for providers' answers beyond ../wire (which holds the JSON and HTTP-status basics
// every adapter shares): OpenAI's and Google's duration strings, OpenAI's retry-after-ms, and
// the malformed-answer error.
import { header, ProviderCallError, retryAfterMs as retryAfterHeader } from '../wire/errors.js';

export { isObject, num, snippet, str, type JsonObject } from '../wire/json.js';
export { header, kindForStatus, ProviderCallError } from '../wire/errors.js';

/** Retry-After (seconds or an HTTP date), or OpenAI's retry-after-ms. */
export function retryAfterMs(headers: Record<string, string>, nowMs: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  return retryAfterHeader(headers, nowMs);
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

/** An answer that parsed but lacks what the provider documents: the provider misbehaved, retry. */
export function malformed(provider: string, status: number, why: string): ProviderCallError {
  return new ProviderCallError({ kind: 'server', code: String(status), httpStatus: status, message: `${provider} answer malformed: ${why}` });
}

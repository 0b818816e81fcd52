// What every adapter needs to turn a failed HTTP answer into an ErrorKind when the provider's
// own code says nothing more specific, and an Error type that carries the classification.
import type { ErrorKind, ProviderError } from '../types.js';

/** The HTTP status alone: used for answers without a recognisable provider code. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'money';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 429) return 'load';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'server';
}

export function header(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/**
 * How long to wait, from OpenAI's retry-after-ms or Retry-After (seconds or an HTTP date),
 * whichever a provider or its gateway sends; undefined when neither is readable.
 */
export function retryAfterMs(headers: Record<string, string>, nowMs: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms')?.trim();
  if (ms && /^\d+(\.\d+)?$/.test(ms)) return Math.round(Number(ms));
  const v = header(headers, 'retry-after')?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function withRetryAfter(err: ProviderError, headers: Record<string, string>): ProviderError {
  const ms = retryAfterMs(headers);
  return ms === undefined ? err : { ...err, retryAfterMs: ms };
}

/**
 * Thrown by an adapter that cannot build or read a call. The engine reads `providerError` and
 * treats it like any classified answer (see ProviderAdapter.createCall).
 */
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

/** The adapter's validation problems as a refusal, so a bad task never reaches (and bills) a provider. */
export function refuseInvalid(problems: readonly { field: string; message: string }[]): void {
  if (problems.length === 0) return;
  throw new ProviderCallError({ kind: 'invalid', code: 'validation', httpStatus: 0, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') });
}

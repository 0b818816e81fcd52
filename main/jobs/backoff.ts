// Retry timing. Full jitter (a random delay between 0 and the exponential cap) spreads many
// jobs' retries so they do not hit a rate-limited provider in lockstep; a provider's own hint
// (Retry-After, RetryInfo) is a floor, never shortened.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export function retryDelayMs(attempt: number, policy: BackoffPolicy, hintMs?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(random() * ceiling);
  return Math.max(jittered, hintMs ?? 0, Math.min(policy.baseMs, ceiling));
}

/** Poll interval that grows with the task's age: quick at first, gentle for long renders. */
export function pollDelayMs(ageMs: number, minMs: number, maxMs: number): number {
  return Math.round(Math.min(maxMs, Math.max(minMs, ageMs / 10)));
}

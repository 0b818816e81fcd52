import { describe, expect, it } from 'vitest';
import { pollDelayMs, retryDelayMs } from '../../main/jobs/backoff.js';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('retry timing', () => {
  it('grows the ceiling exponentially and spreads retries across it (full jitter)', () => {
    expect(retryDelayMs(1, policy, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(4, policy, undefined, () => 1)).toBe(8000);
    expect(retryDelayMs(4, policy, undefined, () => 0.5)).toBe(4000);
    // Never below the base, so a retry storm cannot spin at 0 ms.
    expect(retryDelayMs(4, policy, undefined, () => 0)).toBe(1000);
  });
  it('never exceeds the cap however many attempts', () => {
    expect(retryDelayMs(40, policy, undefined, () => 1)).toBe(60_000);
  });
  it("treats the provider's retry hint as a floor", () => {
    expect(retryDelayMs(1, policy, 38_000, () => 0.1)).toBe(38_000);
  });
  it('polls quickly at first and gently for long renders', () => {
    expect(pollDelayMs(0, 2000, 30_000)).toBe(2000);
    expect(pollDelayMs(120_000, 2000, 30_000)).toBe(12_000);
    expect(pollDelayMs(3_600_000, 2000, 30_000)).toBe(30_000);
  });
});

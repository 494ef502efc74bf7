import { describe, expect, it } from 'vitest';
import { backoffDelay, MAX_BACKOFF_MS, MIN_BACKOFF_MS } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially from 1 s and caps at 60 s', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(MIN_BACKOFF_MS);
    expect(backoffDelay(1, () => 0.5)).toBe(1_500);
    expect(backoffDelay(3, () => 1)).toBe(8_000);
    expect(backoffDelay(20, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('jitters between half and all of the step, never below 1 s', () => {
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(4);
      expect(d).toBeGreaterThanOrEqual(8_000);
      expect(d).toBeLessThanOrEqual(16_000);
    }
    expect(backoffDelay(0, () => 0)).toBe(MIN_BACKOFF_MS);
  });
});

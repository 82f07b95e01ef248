// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, INITIAL_BACKOFF, nextAllowedAt, recordFailure, recordSuccess } from './backoff';

describe('backoff', () => {
  it('allows the first attempt at once', () => {
    expect(nextAllowedAt(INITIAL_BACKOFF)).toBe(0);
  });

  it('waits 1, 2, 4, 8 … s after consecutive failures, capped at 300 s', () => {
    let state = INITIAL_BACKOFF;
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      state = recordFailure(state, 1_000_000);
      delays.push((nextAllowedAt(state) - 1_000_000) / 1000);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    expect(nextAllowedAt(recordFailure({ failures: 1000, lastFailureAt: 0 }, 0))).toBe(BACKOFF_CAP_MS);
  });

  it('resets after a success', () => {
    expect(nextAllowedAt(recordSuccess())).toBe(0);
  });
});

/**
 * Wrong-passphrase backoff (ASVS 6.3.1, R19). Pure: the clock is a parameter. After n consecutive
 * failures the next attempt waits 2^(n-1) s (1, 2, 4 …) capped at 300 s; success resets it.
 * The state is persisted in the meta table by the vault so a reload does not reset it.
 */

export interface BackoffState {
  failures: number;
  lastFailureAt: number | null;
}

export const BACKOFF_CAP_MS = 300_000;

export const INITIAL_BACKOFF: Readonly<BackoffState> = Object.freeze({ failures: 0, lastFailureAt: null });

/** Delay imposed after `failures` consecutive failures. */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - 1, 30), BACKOFF_CAP_MS);
}

/** Epoch ms from which the next attempt is allowed (0 when nothing has failed). */
export function nextAllowedAt(state: BackoffState): number {
  if (state.failures <= 0 || state.lastFailureAt === null) return 0;
  return state.lastFailureAt + backoffDelayMs(state.failures);
}

export function recordFailure(state: BackoffState, now: number): BackoffState {
  return { failures: state.failures + 1, lastFailureAt: now };
}

export function recordSuccess(): BackoffState {
  return { failures: 0, lastFailureAt: null };
}

export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 60_000;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so a
 * floor of handhelds coming back into radio range does not retry in lockstep.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** Math.max(0, attempt));
  return Math.max(MIN_BACKOFF_MS, Math.round(base / 2 + (random() * base) / 2));
}

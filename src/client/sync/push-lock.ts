/**
 * One pusher per origin: several open tabs must not push the same outbox at once, or
 * they would race each other into SEQ_GAP answers. Web Locks where the browser has
 * them; an in-page flag otherwise (one tab is the common case on a handheld).
 */
let localHeld = false;

export async function withPushLock<T>(fn: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks?.request) {
    return locks.request('tote-push', { ifAvailable: true }, async (lock) => (lock ? fn() : null));
  }
  if (localHeld) return null;
  localHeld = true;
  try {
    return await fn();
  } finally {
    localHeld = false;
  }
}

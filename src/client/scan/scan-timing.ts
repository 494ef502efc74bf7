/**
 * User Timing marks for the two figures a floor app lives by: scan-to-feedback (key event
 * of the scan's last key to the flash being painted) and outbox append. They cost
 * nothing when unread; `npm run bench` reads them from a real, throttled Chromium.
 */
let pendingScanAt: number | null = null;

export function noteScanAt(at: number): void {
  pendingScanAt = at;
}

/** Call when feedback for the last scan is on screen; measured after the next paint. */
export function measureFeedback(): void {
  const at = pendingScanAt;
  pendingScanAt = null;
  if (at === null || typeof performance.measure !== 'function') return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      try {
        performance.measure('tote:scan-feedback', { start: at, end: performance.now() });
      } catch {
        // a timestamp from another time origin: skip the sample rather than lie
      }
    }, 0),
  );
}

import { useEffect } from 'react';
import { useFeedbackStore } from './feedback-store';
import { measureFeedback } from './scan-timing';

/**
 * Full-screen colour flash after a scan. It ignores the pointer so it never blocks a tap;
 * the message stays in a live region so a screen reader hears the same result.
 */
export function FlashOverlay() {
  const flash = useFeedbackStore((s) => s.flash);
  const clear = useFeedbackStore((s) => s.clear);
  useEffect(() => {
    if (!flash) return;
    measureFeedback();
    const t = setTimeout(clear, flash.kind === 'error' ? 900 : 450);
    return () => clearTimeout(t);
  }, [flash, clear]);
  return (
    <>
      {flash && <div key={flash.id} className={`flash flash-${flash.kind}`} data-testid="scan-flash" data-kind={flash.kind} aria-hidden="true" />}
      <div className="visually-hidden" role="status" aria-live="assertive">
        {flash?.message ?? ''}
      </div>
    </>
  );
}

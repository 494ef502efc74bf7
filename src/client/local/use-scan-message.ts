import { useEffect, useState } from 'react';
import { useFeedbackStore, type Flash } from '../scan/feedback-store';

/**
 * The last scan answer, kept on screen after the flash fades: a refusal must stay
 * readable until the next scan (the flash's live region empties with it).
 */
export function useScanMessage(): Flash | null {
  const [last, setLast] = useState<Flash | null>(null);
  useEffect(
    () =>
      useFeedbackStore.subscribe((s, prev) => {
        if (s.flash && s.flash !== prev.flash) setLast(s.flash);
      }),
    [],
  );
  return last;
}

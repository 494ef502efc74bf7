import { act, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { useFeedbackStore } from './feedback-store';
import { publishScan } from './scan-bus';

/**
 * Test support for screens: publishes wedge scans one after another, each once the screen
 * has answered the previous one (every scan ends in a tone and a flash), so tests wait for
 * the answer instead of a fixed time.
 */
export async function scanAndWait(...raws: string[]): Promise<void> {
  for (const raw of raws) {
    let answered = false;
    const off = useFeedbackStore.subscribe((s, prev) => {
      if (s.flash && s.flash !== prev.flash) answered = true;
    });
    try {
      await act(async () => {
        publishScan({ source: 'wedge', raw, at: 0 });
      });
      await waitFor(() => expect(answered).toBe(true));
    } finally {
      off();
    }
  }
}

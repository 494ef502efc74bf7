import type { Figure } from './figures';

/** The live board with 200 devices and 50 waves: main-thread time of one update. */
export async function boardFigures(): Promise<Figure[]> {
  return [];
}

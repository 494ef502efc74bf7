import type { Figure } from './figures';

/** From a reassignment to the poke reaching an online device. */
export async function pokeFigures(): Promise<Figure[]> {
  return [];
}

import type { BrowserContext, Page } from '@playwright/test';
import type { Figure } from './figures';

/** Look-up latency against the catalogue the device holds (filled in once /lookup lands). */
export async function lookupFigures(context: BrowserContext, page: Page): Promise<Figure[]> {
  void context;
  void page;
  return [];
}

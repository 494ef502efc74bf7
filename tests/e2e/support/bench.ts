import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** DESIGN.md section 7: no serious axe violation, and every visible button 48 px tall for a gloved hand. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  for (const b of await page.getByRole('button').all()) {
    if (!(await b.isVisible())) continue;
    expect((await b.boundingBox())!.height, (await b.textContent()) ?? '').toBeGreaterThanOrEqual(48);
  }
}

/**
 * Headless Chromium has no print dialog: print() in the labels' PDF frame kills the page's
 * renderer. The frame's print() is counted in `window.__prints` instead, so a test still
 * sees that the PDF was sent to print.
 */
export async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      get(this: HTMLIFrameElement) {
        const win = own.get!.call(this) as Window | null;
        if (!win || this.id !== 'tote-print-frame') return win;
        return { focus: () => undefined, print: () => void w.__prints++ };
      },
    });
  });
}

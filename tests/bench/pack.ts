import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { PACK_DEMO, PACK_SKUS } from '../../src/server/db/seed-pack';
import { launchOptions } from '../e2e/support/browser';
import { burst } from '../e2e/support/tote';
import { figure, type Figure } from './figures';
import { startServer } from './server-process';

/**
 * Trusted taps on the page, counted at the document: only real input (Playwright's clicks
 * go through the browser's input pipeline) counts, not the app's own synthetic events.
 * The labels' print() is stubbed: headless Chromium's renderer dies printing a PDF frame.
 */
// Plain source text: tsx would otherwise wrap named helpers in a `__name` call the page lacks.
const COUNT_TAPS = `(() => {
  window.__taps = 0;
  window.__prints = 0;
  document.addEventListener('pointerdown', (e) => { if (e.isTrusted) window.__taps++; }, true);
  const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    get() {
      const win = own.get.call(this);
      if (!win || this.id !== 'tote-print-frame') return win;
      return { focus: () => undefined, print: () => { window.__prints++; } };
    },
  });
})()`;

const taps = (page: Page) => page.evaluate(() => (window as unknown as { __taps: number }).__taps);

/**
 * The demo's single-item order (tote T0402 at PACK-01) packed offline at a bench already
 * chosen: the scans and taps it takes from the tote to its labels, and the time from the
 * Confirm tap to the order shown packed with its labels sent to print.
 */
export async function packFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tote-bench-pack-'));
  const server = await startServer({ DATA_DIR: dir });
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.addInitScript(COUNT_TAPS);
    await page.goto('/');
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await page.getByLabel('Badge').fill('U2001');
    await page.getByLabel('PIN').fill('1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: /^Pack/ }).click();
    await page.getByRole('button', { name: PACK_DEMO.benchCode }).waitFor();
    await burst(page, PACK_DEMO.benchCode);
    await page.getByTestId('lease-left').filter({ hasText: /left: [1-9]\d* tracking, [1-9]\d* SSCC/ }).waitFor();
    await page.locator('[data-testid="sync-indicator"][data-pending="0"]').waitFor();
    await context.setOffline(true);

    // Scans are the ones made here: the order ending packed with no other input proves
    // they were all it took (a missing step would time out instead).
    let scans = 0;
    const scan = async (code: string) => {
      await burst(page, code);
      scans++;
    };
    const taps0 = await taps(page);
    const message = page.getByTestId('pack-message');
    await scan(PACK_DEMO.singleTote);
    await message.filter({ hasText: `Tote ${PACK_DEMO.singleTote}` }).waitFor();
    await scan(PACK_SKUS.serum.gtin);
    const order = page.getByTestId('pack-order');
    const expected = Number(/Expected (\d+) g/.exec((await order.getByTestId('expected-weight').textContent()) ?? '')![1]);
    await page.keyboard.type(String(expected));
    await page.keyboard.press('Enter');
    const confirm = order.getByRole('button', { name: /^Confirm / });
    await confirm.waitFor();
    const t0 = Date.now();
    await confirm.click();
    await order.and(page.locator('[data-status="packed"]')).waitFor();
    await page.waitForFunction(() => (window as unknown as { __prints: number }).__prints > 0);
    const confirmMs = Date.now() - t0;
    const tapCount = (await taps(page)) - taps0;
    await context.close();
    const note = 'weight typed + Enter, offline, demo tote T0402';
    return [
      figure('scans to pack a single-item order', scans, 'scans', '<=', 2, note),
      figure('taps to pack a single-item order', tapCount, 'taps', '<=', 1, note),
      figure('Confirm tap to order packed and labels sent to print', confirmMs, 'ms', '<=', 500, '1 run, no throttle, PDF made on the device'),
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

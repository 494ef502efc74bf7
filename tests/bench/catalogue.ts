import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { prepareDatabase } from '../../src/server/start';
import { launchOptions } from '../e2e/support/browser';
import { waitForServiceWorker } from '../e2e/support/tote';
import { seedBigCatalogue, type BigCatalogue } from './big-catalogue';
import { figure, type Figure } from './figures';
import { LOOKUP_BUDGET_MS, LOOKUP_FIGURE, lookupFigures } from './lookup';
import { startServer } from './server-process';

const SYNC_BUDGET_S = 30;

/**
 * The device's pull cursor, read straight from IndexedDB (null before the app made its
 * database: opening a missing one here would create it under the app's feet).
 */
const READ_CURSOR = `(async () => {
  if (!(await indexedDB.databases()).some((d) => d.name === 'tote')) return null;
  const open = indexedDB.open('tote');
  const idb = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  try {
    if (!idb.objectStoreNames.contains('meta')) return null;
    const r = idb.transaction('meta').objectStore('meta').get('cursor');
    const row = await new Promise((res) => { r.onsuccess = () => res(r.result); r.onerror = () => res(undefined); });
    return row ? row.value : null;
  } finally { idb.close(); }
})()`;

/** The pull requests' resource timings (start, answer in, size) and the rows the device then holds. */
const PULL_TIMINGS = `(async () => {
  const pulls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/sync/pull'))
    .map((e) => ({ start: e.startTime, end: e.responseEnd, bytes: e.decodedBodySize }));
  const open = indexedDB.open('tote');
  const idb = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  const count = (name) => new Promise((res) => { const r = idb.transaction(name).objectStore(name).count(); r.onsuccess = () => res(r.result); });
  const rows = { skus: await count('skus'), locations: await count('locations'), stock: await count('stock') };
  idb.close();
  return { pulls, rows };
})()`;

interface PullTimings {
  pulls: { start: number; end: number; bytes: number }[];
  rows: { skus: number; locations: number; stock: number };
}

/**
 * First sync of a new device: a fresh profile signs in as the lead against a server
 * holding 100,000 SKUs and 20,000 bins; timed from the Sign in tap to the device's cursor
 * at the server's head. No throttle: the budget is for loopback on this machine.
 */
async function firstSync(page: Page, cat: BigCatalogue) {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U5001');
  await page.getByLabel('PIN').fill('1234');
  const t0 = Date.now();
  const clickAt = (await page.evaluate('performance.now()')) as number;
  await page.getByRole('button', { name: 'Sign in' }).click();
  const deadline = t0 + 180_000;
  for (;;) {
    const cursor = (await page.evaluate(READ_CURSOR)) as number | null;
    if (cursor !== null && cursor >= cat.head) break;
    if (Date.now() > deadline) throw new Error(`first sync not done in 180 s (cursor ${cursor}, head ${cat.head})`);
    await page.waitForTimeout(100);
  }
  const seconds = (Date.now() - t0) / 1000;
  const doneAt = (await page.evaluate('performance.now()')) as number;
  await page.locator('[data-testid="sync-indicator"][data-syncing="false"]').waitFor({ timeout: 60_000 });
  const { pulls, rows } = (await page.evaluate(PULL_TIMINGS)) as PullTimings;
  pulls.sort((x, y) => x.start - y.start);
  let serverMs = 0;
  let deviceMs = 0;
  pulls.forEach((p, i) => {
    serverMs += p.end - p.start;
    // From one answer in to the next request out: parsing and storing the page.
    deviceMs += (pulls[i + 1]?.start ?? doneAt) - p.end;
  });
  return {
    seconds,
    pages: pulls.length,
    rows,
    largestMb: Math.max(0, ...pulls.map((p) => p.bytes)) / 1e6,
    mb: pulls.reduce((n, p) => n + p.bytes, 0) / 1e6,
    serverS: serverMs / 1000,
    deviceS: deviceMs / 1000,
    beforeS: ((pulls[0]?.start ?? doneAt) - clickAt) / 1000,
  };
}

/** Issue 6's catalogue figures: first sync of 100,000 SKUs and 20,000 bins, then look-ups against it offline. */
export async function catalogueFigures(opts: { lookup?: boolean } = {}): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tote-bench-catalogue-'));
  const { db } = await prepareDatabase({ databaseUrl: undefined, dataDir: dir });
  await db.close();
  const cat = seedBigCatalogue(dir);
  const server = await startServer({ DATA_DIR: dir });
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
    const page = await context.newPage();
    const sync = await firstSync(page, cat);
    const size = `${cat.skus.toLocaleString('en')} SKUs (${cat.barcodes.toLocaleString('en')} barcodes), ${cat.bins.toLocaleString('en')} bins`;
    const out = [
      figure(
        `first sync of ${size}, loopback`,
        sync.seconds,
        's',
        '<=',
        SYNC_BUDGET_S,
        `${sync.rows.skus.toLocaleString('en')} SKUs and ${sync.rows.locations.toLocaleString('en')} bins (${sync.rows.stock.toLocaleString('en')} bin balances) on the device from ${sync.pages} pages (${sync.mb.toFixed(1)} MB, largest ${sync.largestMb.toFixed(1)} MB): ${sync.serverS.toFixed(1)} s awaiting answers, ${sync.deviceS.toFixed(1)} s checking and storing them, ${sync.beforeS.toFixed(1)} s before the first`,
      ),
    ];
    if (opts.lookup !== false) {
      // A look-up failure must not lose the sync figure already measured.
      try {
        out.push(...(await lookupFigures(context, page)));
      } catch (err) {
        out.push(figure(LOOKUP_FIGURE, null, 'ms', '<=', LOOKUP_BUDGET_MS, `failed: ${String(err).slice(0, 80)}`));
      }
    }
    await context.close();
    return out;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { gs1CheckDigit } from '../../src/domain/scan/gtin';
import { apiLogin, burst, waitForServiceWorker } from './support/tote';
import { countPrints, expectAccessible } from './support/bench';

// The server's own SQLite file (playwright.config.ts gives the run an empty data folder).
const dbFile = () => path.join(process.env.TOTE_E2E_DATA_DIR!, 'tote.sqlite');

/** The demo SKUs' unit GTINs as seeded (seed-pack.ts: company prefix + item number + check digit). */
function gtin(prefix: string, length: 12 | 13, item: number): string {
  const body = prefix + String(item).padStart(length - 1 - prefix.length, '0');
  return (body + gs1CheckDigit(body)).padStart(14, '0');
}
const BEANIE = gtin('0841234', 12, 902);
const MUG = gtin('0841234', 12, 903);
const COFFEE = gtin('843700112', 13, 901);
const SERUM = gtin('506123456', 13, 902);

async function pdfText(page: Page, link: Locator): Promise<string> {
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^blob:/);
  const bytes = await page.evaluate(async (url) => [...new Uint8Array(await (await fetch(url)).arrayBuffer())], href!);
  const doc = await getDocument({ data: Uint8Array.from(bytes), verbosity: VerbosityLevel.ERRORS }).promise;
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const i of content.items) if ('str' in i) text.push(i.str);
  }
  return text.join(' ');
}

/** Weighs the order's verified carton: the weight field has focus, so typing and Enter is all it takes. */
async function weigh(order: Locator, page: Page, offsetG: number): Promise<void> {
  const expected = Number(/Expected (\d+) g/.exec((await order.getByTestId('expected-weight').textContent()) ?? '')![1]);
  await expect(order.getByLabel('Weight (g or kg)')).toBeFocused();
  await page.keyboard.type(String(expected + offsetG));
  await page.keyboard.press('Enter');
}

/** Units of an order the bench has saved on the device (IndexedDB), so a reload can be tested once they are there. */
function savedUnits(page: Page, orderId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('tote');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('packMeta').objectStore('packMeta').get('work');
          get.onsuccess = () => {
            const work = (get.result?.value?.work ?? {}) as Record<string, { cartons: { units: number[] }[] }>;
            resolve((work[id]?.cartons ?? []).flatMap((c) => c.units).reduce((a, b) => a + b, 0));
            open.result.close();
          };
        };
      }),
    orderId,
  );
}

async function labelsOf(page: Page, order: Locator) {
  const labels = order.getByTestId('pack-labels');
  await expect(labels).toBeVisible();
  const tracking = (await labels.getByTestId('tracking').allTextContents()).map((s) => s.trim());
  const ssccs = (await labels.getByTestId('sscc').allTextContents()).map((s) => s.trim());
  const text = await pdfText(page, labels.getByTestId('pack-labels-pdf'));
  for (const t of tracking) expect(text).toContain(t);
  return { tracking, ssccs };
}

function readServer() {
  const db = new Database(dbFile(), { readonly: true });
  try {
    const shipments = db.prepare(`select order_id, override_by from shipments where order_id in ('ord-pack-1', 'ord-pack-2') order by order_id`).all();
    const cartons = db
      .prepare(`select order_id, tracking_number, sscc from cartons where order_id in ('ord-pack-1', 'ord-pack-2') order by order_id, seq`)
      .all() as { order_id: string; tracking_number: string; sscc: string }[];
    const events = (db.prepare(`select payload from seller_events where type = 'order.packed'`).all() as { payload: string }[]).map(
      (e) => JSON.parse(e.payload) as { orderId: string; cartons: { trackingNumber: string; sscc: string }[] },
    );
    const statuses = db.prepare(`select id, status from orders where id in ('ord-pack-1', 'ord-pack-2') order by id`).all();
    return { shipments, cartons, events, statuses };
  } finally {
    db.close();
  }
}

// A packer signs in at PACK-01 online, then packs the two-order tote with the network cut:
// a wrong item refused, one weight right, one outside tolerance approved by a lead, labels
// as PDF. Back online the server holds each shipment, its numbers and its event once.
test('a packer packs a two-order tote offline and the server has it exactly once', async ({ page, context }) => {
  await countPrints(page);
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U2001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /^Pack/ }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'PACK-01' }).click();
  await expect(page.getByRole('heading', { name: 'Pack bench PACK-01' })).toBeVisible();
  // The pull brought the bench's working set and the top-up its serial leases.
  await expect(page.getByTestId('lease-left')).toHaveText(/left: ([1-9]\d*) tracking, ([1-9]\d*) SSCC/);
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-pending', '0');

  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');

  const message = page.getByTestId('pack-message');
  await burst(page, 'T0401');
  await expect(message).toHaveText('Tote T0401: 2 orders');
  const orders = page.getByTestId('pack-order');
  await expect(orders).toHaveCount(2);
  const first = orders.filter({ hasText: 'SO-30001' });
  const second = orders.filter({ hasText: 'SO-30002' });

  // A unit of another tote's order: the error, nothing counted, nothing recorded.
  await burst(page, SERUM);
  await expect(message).toContainText('Wrong item');
  for (const p of await page.getByTestId('item-progress').allTextContents()) expect(p).toMatch(/^\s*0 \//);
  await expect(indicator).toHaveAttribute('data-pending', '0');

  // Order 1: each scan names its order; the last one puts the focus on the weight.
  await burst(page, BEANIE);
  await expect(message).toHaveText(/→ SO-30001 \(1 of 2\)/);
  // A reload with no network: the app comes from the service worker, the tote and its
  // verified unit from the device.
  await expect.poll(() => savedUnits(page, 'ord-pack-1')).toBe(1);
  await page.reload();
  await expect(first).toHaveAttribute('data-status', 'picked');
  await expect(first.getByTestId('still-missing')).toContainText('NORD-P001 ×1');
  await expect(first.getByTestId('still-missing')).toContainText('NORD-P002 ×1');
  await burst(page, MUG);
  await expect(message).toHaveText(/Demo Camp Mug 350 ml → SO-30001 \(1 of 1\)/);
  await burst(page, BEANIE);
  await expect(message).toHaveText('SO-30001: every unit verified. Weigh the carton.');
  await weigh(first, page, 10);
  await expect(first.getByTestId('weight-result')).toContainText('within tolerance');
  await first.getByRole('button', { name: 'Confirm SO-30001' }).click();
  await expect(first).toHaveAttribute('data-status', 'packed');
  const one = await labelsOf(page, first);

  // Order 2: a weight far off blocks Confirm until a lead approves with badge and PIN.
  await burst(page, COFFEE);
  await expect(message).toHaveText(/→ SO-30002 \(1 of 1\)/);
  await burst(page, 'BEAN-P002');
  await expect(message).toHaveText(/→ SO-30002 \(1 of 2\)/);
  await burst(page, 'BEAN-P002');
  await expect(message).toHaveText('SO-30002: every unit verified. Weigh the carton.');
  await weigh(second, page, 400);
  await expect(second.getByTestId('weight-blocked')).toBeVisible();
  await expectAccessible(page);
  await expect(second.getByRole('button', { name: 'Confirm SO-30002' })).toBeDisabled();
  await second.getByRole('button', { name: 'Lead approval' }).click();
  await page.getByLabel('Lead badge').fill('U5001');
  await page.getByLabel('Lead PIN').fill('1234');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(second.getByTestId('approved')).toHaveText('Weight approved by Lee Lead');
  await second.getByRole('button', { name: 'Confirm SO-30002' }).click();
  await expect(second).toHaveAttribute('data-status', 'packed');
  const two = await labelsOf(page, second);
  await expectAccessible(page);
  await expect(page.getByText('Every order in this tote is done. Scan the next tote.')).toBeVisible();
  await expect(indicator).toHaveAttribute('data-pending', '2');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(2);

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  const expectOnce = () => {
    const s = readServer();
    expect(s.statuses).toEqual([
      { id: 'ord-pack-1', status: 'packed' },
      { id: 'ord-pack-2', status: 'packed' },
    ]);
    expect(s.shipments).toEqual([
      { order_id: 'ord-pack-1', override_by: null },
      { order_id: 'ord-pack-2', override_by: 'u-5001' },
    ]);
    expect(s.cartons).toEqual([
      { order_id: 'ord-pack-1', tracking_number: one.tracking[0], sscc: one.ssccs[0] },
      { order_id: 'ord-pack-2', tracking_number: two.tracking[0], sscc: two.ssccs[0] },
    ]);
    const packed = s.events.filter((e) => e.orderId === 'ord-pack-1' || e.orderId === 'ord-pack-2');
    expect(packed.map((e) => [e.orderId, e.cartons.map((c) => [c.trackingNumber, c.sscc])]).sort()).toEqual([
      ['ord-pack-1', [[one.tracking[0], one.ssccs[0]]]],
      ['ord-pack-2', [[two.tracking[0], two.ssccs[0]]]],
    ]);
  };
  expectOnce();

  // A second sync (the reload pulls and pushes again) changes nothing on the server.
  await page.reload();
  await expect(indicator).toHaveAttribute('data-online', 'true');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await expect(page.getByTestId('pack-prompt')).toBeVisible();
  await burst(page, 'T0401');
  await expect(message).toContainText('Nobody picked into this tote');
  expectOnce();
});

// The budget for a single-item order at a bench already chosen: two scans (tote, item),
// the weight typed and Enter, one tap on Confirm; the labels go to print by themselves.
// Packed offline while a lead cancels the order upstream: once synced, the bench says so.
test('a single-item order takes two scans, a typed weight and one tap; cancelled meanwhile, the bench says so', async ({ page, context, request }) => {
  await countPrints(page);
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U2001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /^Pack/ }).click();
  await expect(page.getByRole('button', { name: 'PACK-01' })).toBeVisible();
  await burst(page, 'PACK-01');
  await expect(page.getByTestId('lease-left')).toHaveText(/left: [1-9]\d* tracking, [1-9]\d* SSCC/);
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');

  const message = page.getByTestId('pack-message');
  await burst(page, 'T0402');
  await expect(message).toHaveText('Tote T0402: 1 order');
  await burst(page, SERUM);
  await expect(message).toHaveText('SO-30003: every unit verified. Weigh the carton.');
  const order = page.getByTestId('pack-order');
  await weigh(order, page, 0);
  await order.getByRole('button', { name: 'Confirm SO-30003' }).click();

  await expect(order).toHaveAttribute('data-status', 'packed');
  await expect(message).toHaveText('SO-30003 packed: 1 label');
  await labelsOf(page, order);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);

  // Meanwhile the order is cancelled upstream (a lead, from another device).
  const lead = await apiLogin(request, 'U5001', '1234');
  const cancel = await request.post('/api/orders/ord-pack-3/cancel', { headers: { authorization: `Bearer ${lead}` }, data: {} });
  expect(cancel.status()).toBe(200);

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  const refusal = page.getByTestId('pack-refusal');
  await expect(refusal).toContainText('SO-30003 (tote T0402) was not packed');
  await expect(refusal).toContainText('The order was cancelled');
  const db = new Database(dbFile(), { readonly: true });
  try {
    expect(db.prepare(`select count(*) as n from shipments where order_id = 'ord-pack-3' and status <> 'voided'`).get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
  await refusal.getByRole('button', { name: 'Done with SO-30003' }).click();
  await expect(refusal).toHaveCount(0);
});

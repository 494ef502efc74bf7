import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { INBOUND_DEMO } from '../../src/server/db/seed-inbound';
import { expectAccessible } from './support/bench';
import { cameraLaunchOptions } from './support/camera';
import { testOnOwnServer } from './support/own-server';
import { apiLogin, apiPullAll, burst, waitForServiceWorker } from './support/tote';
import { writeBarcodeY4m } from './support/y4m';

/**
 * A receiver receives ASN-LUMA-0001 with no network from start to finish (one carton
 * accepted whole, the other opened: one unit over, one line short, one unit damaged and
 * photographed through the fake camera), closes it and puts two lines away; back online
 * the server holds the ledger, the photo, the putaway tasks and the seller's event once.
 */

const CLIP = path.join(os.tmpdir(), `tote-receive-${process.pid}.y4m`);
const test = testOnOwnServer('receive');
test.use({ launchOptions: cameraLaunchOptions(CLIP), permissions: ['camera'] });

// Demo GTINs (seed-catalogue: prefix 506123456, items 1, 5, 6) and the serum's case of 24.
const SERUM = '05061234560017';
const SERUM_CASE = '15061234560014';
const LUMA5 = '05061234560055';
const LUMA6 = '05061234560062';
const [CARTON1, CARTON2] = INBOUND_DEMO.trusted.cartons.map((c) => c.sscc);
const { lot: LOT, expiry: EXPIRY } = INBOUND_DEMO;
// GS1-128 with AIM prefix; the fixed-length expiry (17) goes before the lot, so no separator is needed.
const gs1 = (gtin: string) => `]C101${gtin}17${EXPIRY.slice(2).replaceAll('-', '')}10${LOT}`;

const received = (page: Page, sku: string) => page.getByTestId('receive-progress').locator(`tr[data-sku="${sku}"] td.num`).nth(1);

/**
 * A wedge scan and the screen's answer. On a CPU-starved machine a burst can arrive split
 * and be refused (an error, nothing recorded): then it is scanned again, as a clerk would.
 */
async function scan(page: Page, code: string, answered: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await burst(page, code);
    try {
      await answered();
      return;
    } catch (err) {
      const refused = await page.locator('[data-testid$="-message"][role="alert"]').isVisible();
      if (!refused || attempt === 3) throw err;
    }
  }
}

function readServer(dir: string) {
  const db = new Database(path.join(dir, 'tote.sqlite'), { readonly: true });
  try {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    return {
      receive: all<{ sku_id: string; lot: string | null; location_id: string; qty: number; n: number }>(
        `select sku_id, lot, location_id, sum(delta) as qty, count(*) as n from stock_ledger where reason = 'receive' group by sku_id, lot, location_id order by sku_id`,
      ),
      putaway: all<{ sku_id: string; location_id: string; delta: number }>(`select sku_id, location_id, delta from stock_ledger where reason = 'putaway' order by sku_id, delta`),
      tasks: all<{ id: string; sku_id: string; qty: number; status: string; to_location_id: string | null; reason: string | null }>(
        `select id, sku_id, qty, status, to_location_id, reason from putaway_tasks where receipt_id is not null order by id`,
      ),
      photos: all<{ id: string; stored: number; byte_size: number; received_bytes: number }>(`select id, stored, byte_size, received_bytes from photos`),
      events: all<{ payload: string }>(`select payload from seller_events where type = 'inbound.received'`).map((e) => JSON.parse(e.payload) as {
        asnId: string;
        discrepancies: { kind: string; skuId: string; qty: number; reason: string | null; photoIds: string[] }[];
      }),
      asn: db.prepare(`select status from asns where id = 'asn-LUMA-0001'`).get() as { status: string },
    };
  } finally {
    db.close();
  }
}

test('a receiver receives an ASN offline, closes it, puts two lines away, and the server has it all once', async ({ page, context, request, own }) => {
  await writeBarcodeY4m(CLIP, { bcid: 'code128', text: 'DAMAGE' });
  // A reserve bin for the deviating putaway (the lead's view of the bins, before going offline).
  const reserve = (await apiPullAll(request, await apiLogin(request, 'U5001', '1234'))).locations.filter((l) => l.type === 'reserve').map((l) => l.code);

  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U3001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await page.getByRole('link', { name: /^Receive/ }).click();
  await page.getByRole('button', { name: 'RCV-01' }).click();
  await expect(page.getByRole('heading', { name: 'Receiving at RCV-01' })).toBeVisible();
  await expect(page.getByRole('button', { name: /ASN-LUMA-0001/ })).toBeVisible();
  await expectAccessible(page);

  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');
  const message = page.getByTestId('receive-message');

  // The ASN by its paperwork; carton 1 sealed: one tap takes it whole.
  await scan(page, 'ASN-LUMA-0001', () => expect(page.getByRole('heading', { name: 'Receiving ASN-LUMA-0001' })).toBeVisible({ timeout: 5000 }));
  await scan(page, `]C100${CARTON1}`, () => expect(page.getByTestId('carton-offer')).toContainText('36 units', { timeout: 5000 }));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Accept carton whole' }).click();
  await expect(message).toHaveText('Saved: 36 units');
  await expect(received(page, 'LUMA-0001')).toHaveText('24');
  await expect(received(page, 'LUMA-0005')).toHaveText('12');

  // Carton 2 opened: the serum's case of 24 (lot and expiry from the GS1-128).
  await scan(page, `]C100${CARTON2}`, () => expect(page.getByTestId('carton-offer')).toBeVisible({ timeout: 5000 }));
  await page.getByRole('button', { name: 'Open it and scan units' }).click();
  await expect(page.getByTestId('open-carton')).toContainText(CARTON2!);
  await scan(page, gs1(SERUM_CASE), () => expect(received(page, 'LUMA-0001')).toHaveText('48', { timeout: 5000 }));

  // One serum unit over, from its EAN-13 alone: lot and expiry are asked.
  await scan(page, SERUM.slice(1), () => expect(page.getByTestId('receive-ask')).toBeVisible({ timeout: 5000 }));
  await page.getByRole('textbox', { name: 'Lot', exact: true }).fill(LOT);
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByRole('textbox', { name: 'Expiry date (yyyy-mm-dd)' }).fill(EXPIRY);
  await page.getByRole('button', { name: 'Record' }).click();
  await expect(message).toHaveText(/Saved: 1 unit · more than announced/);
  await expect(received(page, 'LUMA-0001')).toHaveText('49');

  // A damaged clay mask: reason and a photo through the camera, then its scan.
  await page.getByRole('button', { name: 'Mark units damaged' }).click();
  const damage = page.getByTestId('damage-panel');
  await damage.getByLabel('What is the damage?').fill('Crushed lid');
  await damage.getByRole('button', { name: 'Take a photo of the damage' }).click();
  await damage.getByRole('button', { name: 'Take photo' }).click();
  await expect(damage.getByText('Now scan the damaged unit.')).toBeVisible();
  await damage.getByRole('button', { name: 'Close camera' }).click();
  await expectAccessible(page);
  await scan(page, LUMA6, () => expect(message).toHaveText('Saved as damaged: 1 unit', { timeout: 5000 }));
  // Four good ones: the line stays 7 short.
  for (let n = 2; n <= 5; n++) {
    await scan(page, LUMA6, () => expect(received(page, 'LUMA-0006')).toHaveText(String(n), { timeout: 5000 }));
  }

  // A reload with no network resumes the draft from the device.
  await page.reload();
  await expect(received(page, 'LUMA-0006')).toHaveText('5');
  await expect(received(page, 'LUMA-0001')).toHaveText('49');

  await page.getByRole('button', { name: 'Close receipt' }).click();
  const summary = page.getByTestId('close-summary');
  await expect(summary.getByTestId('count-received')).toContainText('66');
  await expect(summary.getByTestId('count-over')).toContainText('1');
  await expect(summary.getByTestId('count-short')).toContainText('7');
  await expect(summary.getByTestId('count-damaged')).toContainText('1');
  await expect(page.getByRole('button', { name: 'Confirm and close' })).toBeDisabled();
  await page.getByLabel('Why is LUMA-0001 1 unit over?').fill('Extra unit in carton 2');
  await page.getByLabel('Why is LUMA-0006 7 units short?').fill('Seller shipped fewer');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm and close' }).click();
  await expect(message).toHaveText('Receipt closed. 4 putaway tasks are ready.');
  await expect(page.getByRole('button', { name: /ASN-LUMA-0001/ })).toHaveCount(0);
  await expect(indicator).toHaveAttribute('data-pending', '1');

  // Putaway, still offline: the tasks the close made here.
  await page.goto('/putaway');
  await expect(page.getByTestId('putaway-list').getByRole('button')).toHaveCount(4);
  await expectAccessible(page);
  const pmsg = page.getByTestId('putaway-message');
  // The body lotion into its suggested bin.
  await scan(page, LUMA5, () => expect(page.getByTestId('putaway-task')).toBeVisible({ timeout: 5000 }));
  const suggested = (await page.getByTestId('putaway-suggested').textContent())!.trim();
  await scan(page, suggested, () => expect(page.getByTestId('putaway-to')).toHaveText(`Into ${suggested}`, { timeout: 5000 }));
  await page.getByRole('button', { name: 'Confirm putaway' }).click();
  await expect(pmsg).toHaveText(`Put away: 12 units in ${suggested}`);
  // The serum into another bin: a reason is asked first.
  await scan(page, gs1(SERUM), () => expect(page.getByTestId('putaway-task')).toContainText('LUMA-0001', { timeout: 5000 }));
  const serumBin = (await page.getByTestId('putaway-suggested').textContent())!.trim();
  const other = reserve.find((c) => c !== serumBin && c !== suggested)!;
  await scan(page, other, () => expect(page.getByTestId('putaway-to')).toHaveText(`Into ${other}`, { timeout: 5000 }));
  await expect(page.getByRole('button', { name: 'Confirm putaway' })).toBeDisabled();
  await page.getByLabel('Why another bin?').selectOption('closer');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm putaway' }).click();
  await expect(pmsg).toHaveText(`Put away: 49 units in ${other}`);
  await expect(page.getByTestId('putaway-list').getByRole('button')).toHaveCount(2);
  await expect(indicator).toHaveAttribute('data-pending', '3');

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  await expect.poll(() => readServer(own.dir).photos.map((p) => p.stored), { timeout: 30_000 }).toEqual([1]);

  const check = () => {
    const s = readServer(own.dir);
    expect(s.asn.status).toBe('closed');
    expect(s.receive.map((r) => [r.sku_id, r.lot, r.location_id, r.qty, r.n])).toEqual([
      ['sku-LUMA-0001', LOT, 'loc-RCV-01', 49, 1],
      ['sku-LUMA-0005', null, 'loc-RCV-01', 12, 1],
      ['sku-LUMA-0006', null, 'loc-RCV-01', 5, 1],
    ]);
    expect(s.putaway).toEqual([
      { sku_id: 'sku-LUMA-0001', location_id: 'loc-RCV-01', delta: -49 },
      { sku_id: 'sku-LUMA-0001', location_id: `loc-${other}`, delta: 49 },
      { sku_id: 'sku-LUMA-0005', location_id: 'loc-RCV-01', delta: -12 },
      { sku_id: 'sku-LUMA-0005', location_id: `loc-${suggested}`, delta: 12 },
    ]);
    expect(s.tasks.map((t) => [t.sku_id, t.qty, t.status, t.to_location_id, t.reason]).sort()).toEqual(
      [
        ['sku-LUMA-0001', 49, 'done', `loc-${other}`, 'closer'],
        ['sku-LUMA-0005', 12, 'done', `loc-${suggested}`, null],
        ['sku-LUMA-0006', 1, 'open', null, null],
        ['sku-LUMA-0006', 4, 'open', null, null],
      ].sort(),
    );
    expect(s.photos).toHaveLength(1);
    expect(s.photos[0]!.received_bytes).toBe(s.photos[0]!.byte_size);
    expect(s.events).toHaveLength(1);
    const byKind = Object.fromEntries(s.events[0]!.discrepancies.map((d) => [`${d.kind}:${d.skuId}`, d]));
    expect(byKind['over:sku-LUMA-0001']).toMatchObject({ qty: 1, reason: 'Extra unit in carton 2' });
    expect(byKind['short:sku-LUMA-0006']).toMatchObject({ qty: 7, reason: 'Seller shipped fewer' });
    expect(byKind['damaged:sku-LUMA-0006']).toMatchObject({ qty: 1, reason: 'Crushed lid', photoIds: [s.photos[0]!.id] });
  };
  check();

  // Another sync (a reload pulls and pushes again) changes nothing; the server's tasks replace the device's.
  await page.reload();
  await expect(indicator).toHaveAttribute('data-online', 'true');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await expect(page.getByTestId('putaway-list').getByRole('button')).toHaveCount(2);
  check();
});

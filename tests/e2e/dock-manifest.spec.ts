import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sscc, trackingNumber } from '../../src/domain/packing/numbers';
import type { NumberLease } from '../../src/domain/packing/types';
import { SCHEMA_VERSION, type PushResponse } from '../../src/domain/sync';
import { DEMO_BOXES, DEMO_PACK_CONFIG, PACK_DEMO } from '../../src/server/db/seed-pack';
import { apiLogin, burst, waitForServiceWorker } from './support/tote';
import { countPrints, expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';

/**
 * On a server of its own: the dock needs the packing demo's orders packed, and the bench's
 * own end-to-end test (pack-offline) needs them not packed yet on the shared server.
 */
const test = testOnOwnServer('dock');

interface Packed {
  orderId: string;
  orderRef: string;
  tracking: string;
  sscc: string;
}

/**
 * Two demo orders packed the way a bench does it, through the API: a packer's device
 * leases tracking numbers and SSCCs and pushes pack.confirm for SO-30001 (UPS) and
 * SO-30003 (FedEx), each in one right-weighed carton. Returns a serial of the lease no
 * carton carries, for a label nobody packed.
 */
async function packThroughApi(request: APIRequestContext): Promise<{ ups: Packed; fedex: Packed; unusedSscc: string }> {
  const deviceId = `e2e-dock-bench-${Date.now()}`;
  const login = await request.post('/api/auth/login', { data: { badge: 'U2001', pin: '1234', deviceId } });
  expect(login.status()).toBe(200);
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  const headers = { authorization: `Bearer ${token}` };
  const lease = async (kind: 'tracking' | 'sscc') => {
    const r = await request.post('/api/pack/leases', { headers, data: { kind } });
    expect(r.status()).toBe(200);
    return ((await r.json()) as { lease: NumberLease }).lease;
  };
  const tracking = await lease('tracking');
  const ssccs = await lease('sscc');
  const box = DEMO_BOXES.find((b) => b.code === 'BOX-M1')!;
  const orders = [PACK_DEMO.orders[0], PACK_DEMO.orders[2]];
  const packed = orders.map((o, i) => ({
    orderId: o.id,
    orderRef: o.ref,
    tracking: trackingNumber(DEMO_PACK_CONFIG, tracking.first + i),
    sscc: sscc(DEMO_PACK_CONFIG, ssccs.first + i),
  }));
  const mutations = orders.map((o, i) => ({
    id: randomUUID(),
    deviceId,
    seq: i + 1,
    name: 'pack.confirm',
    argsVersion: 1,
    userId: user.id,
    createdAt: new Date().toISOString(),
    args: {
      orderId: o.id,
      toteCode: o.tote,
      benchId: PACK_DEMO.benchId,
      shipmentId: randomUUID(),
      cartons: [
        {
          cartonId: randomUUID(),
          boxTypeId: box.id,
          weightG: o.items.reduce((g, it) => g + it.weightG * it.qty, 0) + box.tareG,
          trackingNumber: packed[i]!.tracking,
          sscc: packed[i]!.sscc,
          items: o.items.map((it) => ({ skuId: it.skuId, lot: null, qty: it.qty })),
        },
      ],
    },
  }));
  const push = await request.post('/api/sync/push', { headers, data: { deviceId, schemaVersion: SCHEMA_VERSION, appVersion: 'e2e', mutations } });
  expect(push.status()).toBe(200);
  expect(((await push.json()) as PushResponse).results.map((r) => [r.status, r.code])).toEqual([
    ['applied', undefined],
    ['applied', undefined],
  ]);
  return { ups: packed[0]!, fedex: packed[1]!, unusedSscc: sscc(DEMO_PACK_CONFIG, ssccs.last) };
}

function readServer(dir: string, orderIds: string[]) {
  const db = new Database(path.join(dir, 'tote.sqlite'), { readonly: true });
  try {
    const status = (id: string) => (db.prepare('select status from orders where id = ?').get(id) as { status: string }).status;
    const events = db.prepare(`select payload from seller_events where type = 'order.shipped'`).all() as { payload: string }[];
    return { statuses: orderIds.map(status), shippedEvents: events.map((e) => JSON.parse(e.payload) as { orderId: string; trackingNumbers: string[] }) };
  } finally {
    db.close();
  }
}

async function pdfText(page: Page): Promise<string> {
  const frame = page.locator('#tote-print-frame');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  const bytes = await page.evaluate(async () => {
    const src = (document.getElementById('tote-print-frame') as HTMLIFrameElement).src;
    return [...new Uint8Array(await (await fetch(src)).arrayBuffer())];
  });
  const doc = await getDocument({ data: Uint8Array.from(bytes), verbosity: VerbosityLevel.ERRORS }).promise;
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const i of content.items) if ('str' in i) text.push(i.str);
  }
  await doc.destroy();
  return text.join(' ');
}

test('at the dock a packer loads a carrier manifest: wrong carrier refused, closed, orders shipped, manifest PDF opens', async ({ page, context, request, own }) => {
  const { ups, fedex, unusedSscc } = await packThroughApi(request);
  await countPrints(page);

  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U2001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in (the first sign-in needs the network) before the network is cut.
  await expect(page.getByRole('link', { name: /Ship/ })).toBeVisible();

  // With no network the dock says it needs one instead of showing an empty list.
  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');
  await page.getByRole('link', { name: /Ship/ }).click();
  await expect(page.getByTestId('needs-network')).toContainText('The dock needs the network');
  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'true');
  await expect(page.getByText('No manifest is open. Start one below.')).toBeVisible();
  await expectAccessible(page);

  // The dock's label fills the dock; the carrier is a tap.
  await burst(page, 'SHIP-01');
  await expect(page.getByLabel('Dock')).toHaveValue('SHIP-01');
  await page.getByRole('button', { name: 'UPS', exact: true }).click();
  await page.getByRole('button', { name: 'Start manifest' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Manifest M-UPS-1');
  await expect(page.getByTestId('manifest-facts')).toHaveText('UPS · dock SHIP-01 · 0 cartons');

  // The UPS carton by its SSCC, as the label's GS1-128 reads (AIM prefix, AI 00).
  await burst(page, `]C100${ups.sscc}`);
  await expect(page.getByTestId('dock-notice')).toHaveText(`${ups.orderRef} carton 1 added (${ups.tracking})`);
  await expect(page.getByTestId('manifest-facts')).toHaveText('UPS · dock SHIP-01 · 1 carton');
  await expectAccessible(page);
  // Taken off again (put on the wrong pallet by hand), then back on by its tracking number.
  await page.getByRole('button', { name: `Take ${ups.tracking} off` }).click();
  await expect(page.getByTestId('dock-notice')).toHaveText(`Carton ${ups.tracking} taken off the manifest`);
  await expect(page.getByTestId('manifest-facts')).toHaveText('UPS · dock SHIP-01 · 0 cartons');
  await burst(page, ups.tracking);
  await expect(page.getByTestId('dock-notice')).toHaveText(`${ups.orderRef} carton 1 added (${ups.tracking})`);

  // A second clerk on the same pallet (another device: the lead, through the API) takes the
  // carton off and scans it back on: this screen follows the server's pokes, no reload.
  const lead = { authorization: `Bearer ${await apiLogin(request, 'U5001', '1234')}` };
  const manifestUrl = `/api/manifests/${new URL(page.url()).pathname.split('/').pop()}`;
  const onPallet = ((await (await request.get(manifestUrl, { headers: lead })).json()) as { cartons: { id: string }[] }).cartons;
  expect((await request.delete(`${manifestUrl}/cartons/${onPallet[0]!.id}`, { headers: lead })).status()).toBe(200);
  await expect(page.getByTestId('manifest-facts')).toHaveText('UPS · dock SHIP-01 · 0 cartons');
  expect((await request.post(`${manifestUrl}/cartons`, { headers: lead, data: { scan: ups.sscc } })).status()).toBe(201);
  await expect(page.getByTestId('manifest-facts')).toHaveText('UPS · dock SHIP-01 · 1 carton');

  // The FedEx carton by its tracking number: wrong pallet, nothing changes.
  await burst(page, fedex.tracking);
  await expect(page.getByRole('alert')).toHaveText('Wrong pallet: this carton goes with FedEx, this manifest is UPS. Put it aside.');
  // The same UPS carton again, and a label nobody packed.
  await burst(page, ups.tracking);
  await expect(page.getByRole('alert')).toHaveText('This carton is already on manifest M-UPS-1.');
  await burst(page, `]C100${unusedSscc}`);
  await expect(page.getByRole('alert')).toHaveText(/^No packed carton has that label/);
  await expect(page.getByTestId('manifest-facts')).toHaveText('UPS · dock SHIP-01 · 1 carton');
  await expect(page.getByTestId('manifest-cartons').getByRole('listitem')).toHaveCount(1);

  // Close, after confirming.
  await page.getByRole('button', { name: 'Close manifest' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Close M-UPS-1 with 1 carton?');
  await page.getByRole('button', { name: 'Yes, close and ship' }).click();
  await expect(page.getByTestId('dock-notice')).toHaveText('M-UPS-1 is closed: 1 order shipped.');
  await expect(page.getByTestId('manifest')).toHaveAttribute('data-status', 'closed');

  const server = readServer(own.dir, [ups.orderId, fedex.orderId]);
  expect(server.statuses).toEqual(['shipped', 'packed']);
  expect(server.shippedEvents.map((e) => [e.orderId, e.trackingNumbers])).toEqual([[ups.orderId, [ups.tracking]]]);

  // The manifest PDF opens in the page and lists the carton.
  await page.getByRole('button', { name: 'Open manifest PDF' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints)).toBe(1);
  const text = await pdfText(page);
  expect(text).toContain('M-UPS-1');
  expect(text).toContain(ups.tracking);
  expect(text).not.toContain(fedex.tracking);

  // Back at the dock it is listed as closed, for a reprint; nothing is open.
  await page.getByRole('link', { name: 'All manifests' }).click();
  await expect(page.getByText('No manifest is open. Start one below.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recently closed' }).getByRole('link')).toHaveText([/M-UPS-1.*UPS at SHIP-01.*1 carton/]);
});

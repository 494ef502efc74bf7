import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type APIRequestContext } from '@playwright/test';
import { sscc, trackingNumber } from '../../src/domain/packing/numbers';
import type { NumberLease } from '../../src/domain/packing/types';
import { SCHEMA_VERSION, type PushResponse } from '../../src/domain/sync';
import { DEMO_BOXES, DEMO_PACK_CONFIG, PACK_DEMO, PACK_SKUS } from '../../src/server/db/seed-pack';
import { expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';
import { apiLogin, burst, waitForServiceWorker } from './support/tote';

/**
 * A lead with no network grades a returned mug (sellable, sealed: restocked), puts it
 * away, and blind-counts a bin one unit short; back online the server holds the ledger,
 * the return, the seller's event and the count task's outcome exactly once.
 */
const test = testOnOwnServer('retcount');

const ORDER = PACK_DEMO.orders[0]!;
const MUG = PACK_SKUS.mug;
const BEANIE = PACK_SKUS.beanie;

/** SO-30001 packed the way a bench does it (a packed order may come back): one carton through the API. */
async function packThroughApi(request: APIRequestContext): Promise<void> {
  const deviceId = `e2e-retcount-bench-${Date.now()}`;
  const login = await request.post('/api/auth/login', { data: { badge: 'U2001', pin: '1234', deviceId } });
  expect(login.status()).toBe(200);
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  const headers = { authorization: `Bearer ${token}` };
  const lease = async (kind: 'tracking' | 'sscc') => ((await (await request.post('/api/pack/leases', { headers, data: { kind } })).json()) as { lease: NumberLease }).lease;
  const [tracking, ssccs] = [await lease('tracking'), await lease('sscc')];
  const box = DEMO_BOXES.find((b) => b.code === 'BOX-M1')!;
  const args = {
    orderId: ORDER.id, toteCode: ORDER.tote, benchId: PACK_DEMO.benchId, shipmentId: randomUUID(),
    cartons: [{
      cartonId: randomUUID(), boxTypeId: box.id, weightG: ORDER.items.reduce((g, it) => g + it.weightG * it.qty, 0) + box.tareG,
      trackingNumber: trackingNumber(DEMO_PACK_CONFIG, tracking.first), sscc: sscc(DEMO_PACK_CONFIG, ssccs.first),
      items: ORDER.items.map((it) => ({ skuId: it.skuId, lot: null, qty: it.qty })),
    }],
  };
  const mutation = { id: randomUUID(), deviceId, seq: 1, name: 'pack.confirm', argsVersion: 1, userId: user.id, createdAt: new Date().toISOString(), args };
  const push = await request.post('/api/sync/push', { headers, data: { deviceId, schemaVersion: SCHEMA_VERSION, appVersion: 'e2e', mutations: [mutation] } });
  expect(((await push.json()) as PushResponse).results.map((r) => r.status)).toEqual(['applied']);
}

/** Reads the server's SQLite file (read-only, WAL: the running server is not disturbed). */
function onServer<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, 'tote.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const balance = (db: Database.Database, loc: string, sku: string) =>
  (db.prepare('select coalesce(sum(delta), 0) as n from stock_ledger where location_id = ? and sku_id = ?').get(loc, sku) as { n: number }).n;

function readServer(dir: string, faceId: string, countTaskId: string) {
  return onServer(dir, (db) => {
    const all = <T>(q: string) => db.prepare(q).all() as T[];
    return {
      ledger: all<{ sku_id: string; location_id: string; delta: number; reason: string }>(
        `select sku_id, location_id, delta, reason from stock_ledger where reason in ('return', 'putaway', 'adjust', 'dispose') order by reason, sku_id, delta`,
      ),
      returns: all<{ order_id: string; status: string }>(`select order_id, status from returns`),
      lines: all<{ sku_id: string; grade: string; disposition: string; sealed: number; reason: string }>(`select sku_id, grade, disposition, sealed, reason from return_lines`),
      events: all<{ payload: string }>(`select payload from seller_events where type = 'return.graded'`).map((e) => JSON.parse(e.payload) as Record<string, unknown>),
      putaway: all<{ sku_id: string; status: string; to_location_id: string | null }>(`select sku_id, status, to_location_id from putaway_tasks where return_id is not null`),
      count: db.prepare('select status, counted_qty, expected_qty, counted_by from count_tasks where id = ?').get(countTaskId) as Record<string, unknown>,
      counts: (db.prepare('select count(*) as n from count_tasks where location_id = ?').get(faceId) as { n: number }).n,
      faceBalance: balance(db, faceId, BEANIE.id),
    };
  });
}

test('offline: a return graded and restocked, a bin counted blind with a variance; online: the server has each once', async ({ page, context, request, own }) => {
  await packThroughApi(request);
  const { face, expected } = onServer(own.dir, (db) => {
    const face = db.prepare(`select l.id, l.code from stock_ledger s join locations l on l.id = s.location_id where s.sku_id = ? and s.reason = 'seed'`).get(BEANIE.id) as { id: string; code: string };
    return { face, expected: balance(db, face.id, BEANIE.id) };
  });
  // One short is within the recount threshold (2 units and 10 %) only in a bin of 10 or more.
  expect(expected).toBeGreaterThanOrEqual(10);
  const lead = await apiLogin(request, 'U5001', '1234');
  const created = await request.post('/api/count-tasks', { headers: { authorization: `Bearer ${lead}` }, data: { locationId: face.id, skuId: BEANIE.id } });
  expect(created.status()).toBe(201);
  const countTaskId = ((await created.json()) as { task: { id: string } }).task.id;

  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U5001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const indicator = page.getByTestId('sync-indicator');
  await page.getByRole('link', { name: /^Count/ }).click();
  // The first pull brought the count task (and the returnable order with it).
  await expect(page.getByTestId('count-task')).toContainText(face.code, { timeout: 30_000 });
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await expectAccessible(page);

  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');

  // Returns: the order by its number, the mug scanned, graded sellable and sealed.
  await page.goto('/returns');
  await expect(page.getByRole('heading', { name: 'Returns bench RET-01' })).toBeVisible();
  await expectAccessible(page);
  await burst(page, ORDER.ref);
  await expect(page.getByRole('heading', { name: `Order ${ORDER.ref}` })).toBeVisible();
  await burst(page, MUG.gtin);
  const unit = page.getByTestId('return-unit');
  await expect(unit).toHaveCount(1);
  await unit.getByLabel('Sellable').check();
  await unit.getByLabel('Still sealed in its original packaging').check();
  await unit.getByLabel('Reason (required)').fill('Customer changed their mind');
  await expect(unit.getByTestId('return-disposition')).toHaveAttribute('data-disposition', 'restock');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Grade 1 unit' }).click();
  await expect(page.getByTestId('returns-message')).toHaveText('1 unit graded (1 to put away).');
  await expect(page.locator(`[data-testid="return-line"][data-sku="${MUG.code}"] [data-testid="return-line-qty"]`)).toHaveText('Sent 1 · returned 1');
  await expect(indicator).toHaveAttribute('data-pending', '1');

  // Putaway, still offline: the restocked mug from the returns bench into its suggested bin.
  await page.goto('/putaway');
  await expect(page.getByTestId('putaway-list').getByRole('button')).toHaveCount(1);
  await expectAccessible(page);
  await burst(page, MUG.gtin);
  await expect(page.getByTestId('putaway-task')).toBeVisible();
  const suggested = (await page.getByTestId('putaway-suggested').textContent())!.trim();
  await burst(page, suggested);
  await expect(page.getByTestId('putaway-to')).toHaveText(`Into ${suggested}`);
  await page.getByRole('button', { name: 'Confirm putaway' }).click();
  await expect(page.getByTestId('putaway-message')).toContainText(suggested);
  await expect(indicator).toHaveAttribute('data-pending', '2');

  // Count, still offline: blind (the expected quantity is nowhere on the screen), one short.
  await page.goto('/count');
  await page.getByTestId('count-task').filter({ hasText: face.code }).click();
  await burst(page, face.code);
  await expect(page.getByTestId('count-step')).toHaveAttribute('data-step', 'units');
  await burst(page, BEANIE.gtin);
  const line = page.getByTestId('count-line');
  await expect(line).toHaveAttribute('data-qty', '1');
  const shown = (await page.getByTestId('count-bin').textContent())!.replaceAll(face.code, '');
  expect(shown).not.toMatch(new RegExp(`\\b${expected}\\b`));
  await page.getByRole('button', { name: `Type units of ${BEANIE.code}` }).click();
  await page.getByLabel(`Units of ${BEANIE.code}`).fill(String(expected - 1));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Set' }).click();
  await expect(line).toHaveAttribute('data-qty', String(expected - 1));
  await page.getByTestId('count-submit').click();
  await expect(page.getByTestId('count-message')).toHaveText(`Count of ${face.code} saved.`);
  await expect(page.getByTestId('count-task').filter({ hasText: face.code })).toHaveCount(0);
  await expect(indicator).toHaveAttribute('data-pending', '3');

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  const check = () => {
    const s = readServer(own.dir, face.id, countTaskId);
    const to = `loc-${suggested}`;
    expect(s.ledger.map((r) => [r.reason, r.sku_id, r.location_id, r.delta])).toEqual([
      ['adjust', BEANIE.id, face.id, -1],
      ['putaway', MUG.id, 'loc-RET-01', -1],
      ['putaway', MUG.id, to, 1],
      ['return', MUG.id, 'loc-RET-01', 1],
    ]);
    expect(s.returns).toEqual([{ order_id: ORDER.id, status: 'graded' }]);
    expect(s.lines).toEqual([{ sku_id: MUG.id, grade: 'sellable', disposition: 'restock', sealed: 1, reason: 'Customer changed their mind' }]);
    expect(s.events).toHaveLength(1);
    expect(s.events[0]).toMatchObject({ orderId: ORDER.id, orderRef: ORDER.ref, skuId: MUG.id, grade: 'sellable', sealed: true, disposition: 'restock', scannedRef: ORDER.ref });
    expect(s.putaway).toEqual([{ sku_id: MUG.id, status: 'done', to_location_id: to }]);
    expect(s.count).toMatchObject({ status: 'done', counted_qty: expected - 1, expected_qty: expected, counted_by: 'u-5001' });
    // Within the threshold: no recount was opened.
    expect(s.counts).toBe(1);
    expect(s.faceBalance).toBe(expected - 1);
  };
  check();

  // Another sync (a reload pulls and pushes again) changes nothing.
  await page.reload();
  await expect(indicator).toHaveAttribute('data-online', 'true');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  check();

  // The pulled balances show the count's adjustment: look-up shows the bin, a move of more than it holds is refused.
  await page.goto('/lookup');
  await expect(page.getByRole('heading', { name: 'Look up' })).toBeVisible();
  await burst(page, face.code);
  const result = page.getByTestId('lookup-result');
  await expect(result).toHaveAttribute('data-kind', 'bin');
  await expect(result.getByRole('row').filter({ hasText: BEANIE.code })).toContainText(String(expected - 1));
  await expect(result).toHaveAttribute('data-lookup-ms', /^\d+\.\d\d$/);
  await expectAccessible(page);
  await page.goto('/move');
  await expect(page.getByTestId('move-step')).toHaveAttribute('data-step', 'from');
  await burst(page, face.code);
  await expect(page.getByTestId('move-step')).toHaveAttribute('data-step', 'item');
  await burst(page, BEANIE.gtin);
  await expect(page.getByTestId('move-qty')).toHaveAttribute('data-qty', '1');
  await page.getByRole('button', { name: 'Change the number of units' }).click();
  await page.getByLabel('Units to move').fill(String(expected));
  await page.getByRole('button', { name: 'Set' }).click();
  await expect(page.getByTestId('move-qty')).toHaveAttribute('data-qty', String(expected));
  await burst(page, suggested);
  await expect(page.getByTestId('move-message')).toHaveText(`${face.code} holds only ${expected - 1} of ${BEANIE.code}. Move fewer units, or count the bin.`);
  await expectAccessible(page);
  await expect(indicator).toHaveAttribute('data-pending', '0');
  check();
});

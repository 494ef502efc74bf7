import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { apiLogin, apiPullAll, burst, waitForServiceWorker } from './support/tote';
import { testOnOwnServer } from './support/own-server';

// Issue 4's end-to-end proof. The demo cluster wave W-0002 (three orders on a cart of
// three totes, a lot-tracked line, a line its bin can fill only 2 of 4) is picked with
// the network cut from the first tote scan on: one wrong tote refused with nothing
// recorded, the lot scanned, the short line shorted, and the tab closed and opened again
// in the middle. The units the short re-allocates from reserve come as a new stop (on
// the device as soon as it can re-allocate offline, else after the sync). Back online,
// the server must hold exactly the expected tasks, ledger rows, count task and no
// exception. On a server of its own, whose SQLite file the end checks read directly for
// what no API shows (ledger rows, count tasks).

const test = testOnOwnServer('cluster');

/** The demo's spare totes (seed-cluster.ts), one per slot. */
const toteFor = (slot: number) => `T${String(300 + slot).padStart(4, '0')}`;
const SHORT_SKU = 'NORD-D001';
const LOT_SKU = 'LUMA-D001';

test('a picker picks the demo cluster wave onto a cart of totes, offline, with the tab killed mid-wave', async ({ page: first, context, request, own }) => {
  let page: Page = first;
  const step = () => page.getByTestId('step');
  const pending = () => page.getByTestId('sync-indicator');

  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Pick' }).click();
  await page.getByRole('button', { name: /W-0002/ }).or(page.getByRole('link', { name: /W-0002/ })).first().click();
  await expect(step()).toHaveAttribute('data-step', 'cart');
  const waveUrl = page.url();
  await context.setOffline(true);
  await expect(pending()).toHaveAttribute('data-online', 'false');

  // The cart: one tote per order, slot by slot; the same tote twice is refused.
  expect(await page.getByTestId('cart-slots').locator('li').count()).toBe(3);
  await burst(page, toteFor(1));
  await burst(page, toteFor(1));
  await expect(page.getByRole('alert')).toContainText('already on this cart');
  for (let s = 2; s <= 3; s++) await burst(page, toteFor(s));
  await expect(step()).toHaveAttribute('data-step', 'bin');

  let wrongToteTried = false;
  let lotScanned = '';
  let shorted = false;
  let killed = false;
  let recorded = 0;
  const recordedOne = async () => {
    recorded++;
    if ((await pending().getAttribute('data-online')) === 'false') await expect(pending()).toHaveAttribute('data-pending', String(recorded));
  };
  /** The tab dies (no unload handlers, nothing flushed) and a new one opens the wave again. */
  const killTab = async () => {
    killed = true;
    const atStop = (await page.getByTestId('task-sku').textContent())?.trim();
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto(waveUrl);
    // The cart and every pick are still there: the walk goes on at the same stop.
    await expect(step()).toHaveAttribute('data-step', 'bin');
    await expect(pending()).toHaveAttribute('data-online', 'false');
    await expect(pending()).toHaveAttribute('data-pending', String(recorded));
    await expect(page.getByTestId('task-sku')).toHaveText(atStop ?? '');
  };
  /** What the pick screen shows: its step, slot, stop, and the commands not yet synced. */
  const screenState = () =>
    page.evaluate(() => {
      const get = (id: string) => document.querySelector(`[data-testid="${id}"]`);
      if (get('wave-done')) return 'done';
      const st = get('step');
      return [st?.getAttribute('data-step'), st?.getAttribute('data-slot'), get('task-bin')?.textContent, get('task-sku')?.textContent, get('sync-indicator')?.getAttribute('data-pending')].join('|');
    });
  const pickUntilDone = async () => {
    for (let guard = 0; guard < 60; guard++) {
      if (await page.getByTestId('wave-done').isVisible()) return;
      const before = await screenState();
      const at = await step().getAttribute('data-step');
      const sku = (await page.getByTestId('task-sku').textContent().catch(() => ''))?.trim() ?? '';
      if (at === 'bin') {
        if (recorded === 1 && !killed) await killTab();
        await burst(page, (await page.getByTestId('task-bin').textContent())!.trim());
      } else if (at === 'lot') {
        lotScanned = (await page.getByTestId('task-lot').textContent())!.trim();
        await burst(page, lotScanned);
      } else if (at === 'item' && sku === SHORT_SKU && !shorted) {
        // The pick face holds 2 of the 4: a short pick of the 2 found.
        shorted = true;
        await burst(page, sku);
        await burst(page, sku);
        await page.getByRole('button', { name: 'Short', exact: true }).click();
        await page.getByLabel('Quantity found').fill('2');
        await page.getByRole('button', { name: 'Confirm short' }).click();
        await expect(step()).toHaveAttribute('data-step', 'short-tote');
      } else if (at === 'item') {
        const qty = page.getByTestId('task-qty');
        const open = Number(await qty.getAttribute('data-required')) - Number(await qty.getAttribute('data-picked'));
        for (let u = 0; u < open; u++) await burst(page, sku);
      } else if (at === 'tote' || at === 'short-tote') {
        const slot = Number(await step().getAttribute('data-slot'));
        expect(slot).toBeGreaterThan(0);
        if (!wrongToteTried) {
          // A known tote that is not on the cart: an error, and nothing recorded.
          wrongToteTried = true;
          await burst(page, 'T0299');
          await expect(page.getByRole('alert')).toContainText(`slot ${slot}`);
          await expect(pending()).toHaveAttribute('data-pending', String(recorded));
          await expect(step()).toHaveAttribute('data-step', at);
        }
        await burst(page, toteFor(slot));
        await recordedOne();
      }
      // Read the screen again only once it has taken the scan (every branch moves it on).
      await expect.poll(screenState).not.toBe(before);
    }
  };
  await pickUntilDone();
  await expect(page.getByTestId('wave-done')).toBeVisible();
  expect([wrongToteTried, shorted, killed, lotScanned.startsWith('LL')]).toEqual([true, true, true, true]);
  // Three lines, plus the re-allocated stop when the device could re-allocate offline.
  const reallocatedOffline = recorded === 4;
  expect(recorded === 3 || reallocatedOffline).toBe(true);
  test.info().annotations.push({ type: 'reallocation', description: reallocatedOffline ? 'on the device, offline' : 'on the server, after the sync' });
  await expect(pending()).toHaveAttribute('data-pending', String(recorded));

  await context.setOffline(false);
  await expect(pending()).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  if (!reallocatedOffline) {
    // The server's re-allocation arrives as a new stop of the same wave.
    await expect(page.getByTestId('wave-done')).toBeHidden({ timeout: 30_000 });
    await pickUntilDone();
    await expect(page.getByTestId('wave-done')).toBeVisible();
    await expect(pending()).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  }
  expect(recorded).toBe(4);

  // The server, asked by the lead.
  const token = await apiLogin(request, 'U5001', '1234');
  const server = await apiPullAll(request, token);
  const wave = server.waves.find((w) => w.code === 'W-0002')!;
  expect(wave.status).toBe('done');
  const tasks = server.tasks.filter((t) => t.waveId === wave.id);
  const orders = [...new Set(tasks.map((t) => t.orderId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const slotTote = (orderId: string) => toteFor(orders.indexOf(orderId) + 1);
  const fresh = tasks.find((t) => t.id.endsWith(':t0'))!;
  const shortTask = tasks.find((t) => t.skuId === `sku-${SHORT_SKU}` && t !== fresh)!;
  const lotTask = tasks.find((t) => t.skuId === `sku-${LOT_SKU}`)!;
  const plain = tasks.find((t) => t !== shortTask && t !== fresh && t !== lotTask)!;
  expect(tasks).toHaveLength(4);
  const row = (t: (typeof tasks)[number]) => [t.qty, t.pickedQty, t.status, t.toteCode];
  expect([row(lotTask), row(shortTask), row(fresh), row(plain)]).toEqual([
    [2, 2, 'picked', slotTote(lotTask.orderId)],
    // Shorted, but the line is covered by the new stop: 'picked', not 'short'.
    [4, 2, 'picked', slotTote(shortTask.orderId)],
    [2, 2, 'picked', slotTote(shortTask.orderId)],
    [1, 1, 'picked', slotTote(plain.orderId)],
  ]);
  expect([fresh.orderLineId, fresh.skuId, fresh.locationId !== shortTask.locationId]).toEqual([shortTask.orderLineId, shortTask.skuId, true]);
  expect(lotTask.lot).toBe(lotScanned);
  // No put-back, no short_pick (reserve covered the 2 missing), no negative stock.
  expect(server.exceptions).toEqual([]);

  // One applied command per line, the units each moved into its slot's tote.
  const picks = (await (await request.get(`/api/waves/${wave.id}/picks`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    picks: { mutationId: string; name: string; taskId: string; qty: number; toteCode: string | null; deviceId: string }[];
  };
  expect(picks.picks.map((p) => [p.taskId, p.name, p.qty, p.toteCode]).sort()).toEqual(
    [
      [lotTask.id, 'pick.confirm', 2, slotTote(lotTask.orderId)],
      [shortTask.id, 'pick.short', 2, slotTote(shortTask.orderId)],
      [fresh.id, 'pick.confirm', 2, slotTote(shortTask.orderId)],
      [plain.id, 'pick.confirm', 1, slotTote(plain.orderId)],
    ].sort(),
  );
  expect(new Set(picks.picks.map((p) => p.deviceId)).size).toBe(1);
  expect(fresh.id).toBe(`${picks.picks.find((p) => p.name === 'pick.short')!.mutationId}:t0`);

  // What no API shows: the ledger and the count task, read from the server's own file.
  const db = new Database(path.join(own.dir, 'tote.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const mutations = db.prepare(`select id, seq, name, status from mutations where device_id = ? order by seq`).all(picks.picks[0]!.deviceId) as
      { id: string; seq: number; name: string; status: string }[];
    // Gap-free from 1, every one applied, the wrong tote never sent.
    expect(mutations.map((m) => m.seq)).toEqual(mutations.map((_, i) => i + 1));
    expect(mutations.filter((m) => m.status !== 'applied')).toEqual([]);
    expect(mutations.filter((m) => m.name.startsWith('pick.')).map((m) => m.name).sort()).toEqual(
      ['pick.confirm', 'pick.confirm', 'pick.confirm', 'pick.short'],
    );
    const ledger = db.prepare(`select location_id, container_code, sku_id, lot, delta, reason from stock_ledger where mutation_id is not null`).all() as
      { location_id: string | null; container_code: string | null; sku_id: string; lot: string | null; delta: number; reason: string }[];
    const byTote = (code: string) => ledger.filter((l) => l.container_code === code).map((l) => [l.sku_id, l.lot, l.delta, l.reason]).sort();
    expect([byTote(toteFor(1)), byTote(toteFor(2)), byTote(toteFor(3))]).toEqual(
      [1, 2, 3].map((s) => [
        ...(orders[s - 1] === lotTask.orderId ? [[lotTask.skuId, lotScanned, 2, 'pick']] : []),
        ...(orders[s - 1] === shortTask.orderId ? [[shortTask.skuId, null, 2, 'pick'], [shortTask.skuId, null, 2, 'pick']] : []),
        ...(orders[s - 1] === plain.orderId ? [[plain.skuId, null, 1, 'pick']] : []),
      ].sort()),
    );
    const fromBins = ledger.filter((l) => l.location_id !== null).map((l) => [l.location_id, l.sku_id, l.lot, l.delta]).sort();
    expect(fromBins).toEqual([
      [lotTask.locationId, lotTask.skuId, lotScanned, -2],
      [shortTask.locationId, shortTask.skuId, null, -2],
      [fresh.locationId, fresh.skuId, null, -2],
      [plain.locationId, plain.skuId, null, -1],
    ].sort());
    const counts = db.prepare(`select location_id, sku_id, reason, status from count_tasks`).all();
    expect(counts).toEqual([{ location_id: shortTask.locationId, sku_id: shortTask.skuId, reason: 'short_pick', status: 'open' }]);
    const exceptions = db.prepare(`select count(*) as n from exceptions`).get() as { n: number };
    expect(exceptions.n).toBe(0);
  } finally {
    db.close();
  }
});

import { expect } from '@playwright/test';
import { ownServerTest as test } from './support/camera';
import { apiLogin, apiPullAll, burst, waitForServiceWorker } from './support/tote';

// The demo cluster wave W-0002 (three orders on one cart, a lot-tracked line, a line its
// bin cannot fill) is picked offline with a reload in the middle: the cart is loaded once,
// each order's units go to its slot's tote, a wrong tote records nothing, the lot is
// scanned, the short line is shorted; back online, the units the server re-allocated
// from reserve are picked too. On a server of its own, so no other spec shares its totes.

/** The demo's spare totes (seed-cluster.ts), one per slot. */
const toteFor = (slot: number) => `T${String(300 + slot).padStart(4, '0')}`;
const SHORT_SKU = 'NORD-D001';

test('a picker picks the demo cluster wave onto a cart of totes, offline', async ({ page, context, request }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Pick' }).click();
  await page.getByRole('button', { name: /W-0002/ }).or(page.getByRole('link', { name: /W-0002/ })).first().click();

  const step = page.getByTestId('step');
  const pending = page.getByTestId('sync-indicator');
  await expect(step).toHaveAttribute('data-step', 'cart');
  await context.setOffline(true);
  await expect(pending).toHaveAttribute('data-online', 'false');

  // The cart: one tote per order, slot by slot; the same tote twice is refused.
  const slots = await page.getByTestId('cart-slots').locator('li').count();
  expect(slots).toBe(3);
  await burst(page, toteFor(1));
  await burst(page, toteFor(1));
  await expect(page.getByRole('alert')).toContainText('already on this cart');
  for (let s = 2; s <= slots; s++) await burst(page, toteFor(s));
  await expect(step).toHaveAttribute('data-step', 'bin');

  // The cart survives a reload.
  await page.reload();
  await expect(step).toHaveAttribute('data-step', 'bin');

  let wrongToteTried = false;
  let lotSeen = false;
  let shorted = false;
  let recorded = 0;
  const recordedOne = async () => {
    recorded++;
    if (!(await pending.getAttribute('data-online'))?.includes('true')) await expect(pending).toHaveAttribute('data-pending', String(recorded));
  };
  const pickUntilDone = async () => {
    for (let guard = 0; guard < 60; guard++) {
      if (await page.getByTestId('wave-done').isVisible()) return;
      const at = await step.getAttribute('data-step');
      const sku = (await page.getByTestId('task-sku').textContent().catch(() => ''))?.trim() ?? '';
      if (at === 'bin') {
        await burst(page, (await page.getByTestId('task-bin').textContent())!.trim());
      } else if (at === 'lot') {
        lotSeen = true;
        await burst(page, (await page.getByTestId('task-lot').textContent())!.trim());
      } else if (at === 'item' && sku === SHORT_SKU && !shorted) {
        // The pick face holds 2 of the 4: a short pick of the 2 found.
        shorted = true;
        await burst(page, sku);
        await burst(page, sku);
        await page.getByRole('button', { name: 'Short', exact: true }).click();
        await page.getByLabel('Quantity found').fill('2');
        await page.getByRole('button', { name: 'Confirm short' }).click();
        await expect(step).toHaveAttribute('data-step', 'short-tote');
      } else if (at === 'item') {
        const qty = page.getByTestId('task-qty');
        const open = Number(await qty.getAttribute('data-required')) - Number(await qty.getAttribute('data-picked'));
        for (let u = 0; u < open; u++) await burst(page, sku);
      } else if (at === 'tote' || at === 'short-tote') {
        const slot = Number(await step.getAttribute('data-slot'));
        expect(slot).toBeGreaterThan(0);
        if (!wrongToteTried) {
          // A known tote that is not on the cart: an error, and nothing recorded.
          wrongToteTried = true;
          await burst(page, 'T0299');
          await expect(page.getByRole('alert')).toContainText(`slot ${slot}`);
          await expect(pending).toHaveAttribute('data-pending', String(recorded));
        }
        await burst(page, toteFor(slot));
        await recordedOne();
      }
      // Let the screen take the scan before reading it again.
      await page.waitForTimeout(150);
    }
  };
  await pickUntilDone();
  await expect(page.getByTestId('wave-done')).toBeVisible();
  expect(wrongToteTried).toBe(true);
  expect(lotSeen).toBe(true);

  expect(shorted).toBe(true);

  // Online: the picks sync, and the server's re-allocation of the short units from
  // reserve arrives as a new stop of the same wave, picked into the same slot's tote.
  await context.setOffline(false);
  await expect(pending).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  await expect(page.getByTestId('wave-done')).toBeHidden({ timeout: 30_000 });
  await pickUntilDone();
  await expect(page.getByTestId('wave-done')).toBeVisible();
  await expect(pending).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // The server, asked by the lead: every line picked, each order in its own slot's tote.
  const token = await apiLogin(request, 'U5001', '1234');
  const server = await apiPullAll(request, token);
  const wave = server.waves.find((w) => w.code === 'W-0002')!;
  expect(wave.status).toBe('done');
  const tasks = server.tasks.filter((t) => t.waveId === wave.id);
  const orders = [...new Set(tasks.map((t) => t.orderId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  expect(tasks.length).toBe(4); // three lines and the re-allocated rest of the short one
  for (const t of tasks) {
    expect(t.pickedQty).toBeGreaterThan(0);
    expect(t.toteCode).toBe(toteFor(orders.indexOf(t.orderId) + 1));
  }
  // The 2 found at the face, and the 2 re-allocated from reserve.
  expect(tasks.filter((t) => t.skuId === `sku-${SHORT_SKU}`).map((t) => t.pickedQty)).toEqual([2, 2]);
  expect(tasks.find((t) => t.lot)?.lot).toMatch(/^LL/);
});

import { expect, test, type Page } from '@playwright/test';
import { apiLogin, apiPullAll, burst, readTask, waitForServiceWorker } from './support/tote';

// The whole demo wave is picked with the network cut, a reload in the middle, and then
// the server must hold every pick exactly once.
test('a picker picks the whole demo wave offline and it syncs exactly once', async ({ page, context, request }) => {
  await page.goto('/');
  await waitForServiceWorker(page);

  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Pick' }).click();
  await page.getByRole('button', { name: /W-0001/ }).or(page.getByRole('link', { name: /W-0001/ })).first().click();
  const progress = page.getByTestId('progress');
  await expect(progress).toHaveText(/^\s*0\s*\/\s*\d+/);
  const total = Number(/\/\s*(\d+)/.exec((await progress.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThanOrEqual(20);

  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');

  // A wrong bin is refused and records nothing.
  await burst(page, 'ZZ99-99-9');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0');

  const toteOf = new Map<string, string>();
  let nextTote = 1;
  let lastBin = '';
  for (let done = 0; done < total; done++) {
    if (done === Math.floor(total / 2)) {
      await page.reload();
      await expect(progress).toHaveText(new RegExp(`^\\s*${done}\\s*/\\s*${total}`));
    }
    const task = await readTask(page);
    await burst(page, task.bin);
    lastBin = task.bin;
    for (let u = 0; u < task.open; u++) await burst(page, task.sku);
    let tote = toteOf.get(task.order);
    if (!tote) {
      tote = `T${String(nextTote++).padStart(4, '0')}`;
      toteOf.set(task.order, tote);
    }
    await burst(page, tote);
    await expect(progress).toHaveText(new RegExp(`^\\s*${done + 1}\\s*/\\s*${total}`));
  }
  await expect(page.getByTestId('wave-done')).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', String(total));

  // Reload offline once more: the app shell comes from the service worker, the state from IndexedDB.
  await page.reload();
  await expect(page.getByTestId('wave-done')).toBeVisible();

  // Wave done: the totes go to a pack bench. A bin's label is not one and records nothing.
  await expect(page.getByTestId('dropoff')).toBeVisible();
  await burst(page, lastBin);
  await expect(page.getByRole('alert')).toContainText('not a pack bench');
  await burst(page, 'PACK-01');
  await expect(page.getByTestId('notice')).toHaveText('Totes at PACK-01 awaiting packing');
  await expect(page).toHaveURL(/\/pick$/);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', String(total + 1));

  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'true');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // Ask the server, as the lead, from another device.
  const token = await apiLogin(request, 'U5001', '1234');
  const server = await apiPullAll(request, token);
  const wave = server.waves.find((w) => w.code === 'W-0001')!;
  expect(wave.status).toBe('done');
  expect(wave.dropoffLocationId).toBe('loc-PACK-01');
  const dropped = server.totes.filter((t) => t.waveId === wave.id);
  expect(dropped.map((t) => t.code).sort()).toEqual([...new Set(toteOf.values())].sort());
  for (const t of dropped) expect([t.status, t.locationId]).toEqual(['awaiting_packing', 'loc-PACK-01']);
  const tasks = server.tasks.filter((t) => t.waveId === wave.id);
  expect(tasks).toHaveLength(total);
  for (const t of tasks) {
    expect(t.status).toBe('picked');
    expect(t.pickedQty).toBe(t.qty);
  }
  // A second application of any pick would have raised a put-back exception.
  expect(server.exceptions.filter((e) => e.waveId === wave.id)).toEqual([]);
  const picks = await (await request.get(`/api/waves/${wave.id}/picks`, { headers: { authorization: `Bearer ${token}` } })).json();
  expect(picks.picks).toHaveLength(total);
  expect(new Set(picks.picks.map((p: { mutationId: string }) => p.mutationId)).size).toBe(total);
});

export type { Page };

import { randomUUID } from 'node:crypto';
import { expect } from '@playwright/test';
import { ownServerTest as test } from './support/camera';
import { apiLogin, apiPullAll, burst, readTask, waitForServiceWorker } from './support/tote';

// Its own server: this spec picks a line of the demo wave twice on purpose.

test('a line picked offline that someone else picked first becomes a put-back card; Done syncs conflict.resolve', async ({ page, context, request }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Pick' })).toBeVisible();
  await page.goto('/pick/wave-W-0001');
  await expect(page.getByTestId('progress')).toBeVisible();
  const task = await readTask(page);

  // A second handheld of the same picker picks that line while this one is offline.
  const deviceId = `e2e-conflict-other-${Date.now()}`;
  const login = await request.post('/api/auth/login', { data: { badge: 'U1001', pin: '1234', deviceId } });
  expect(login.status()).toBe(200);
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  const server = await apiPullAll(request, token);
  const wave = server.waves.find((w) => w.code === 'W-0001')!;
  const loc = server.locations.find((l) => l.code === task.bin)!;
  const sku = server.skus.find((s) => s.code === task.sku)!;
  const line = server.tasks
    .filter((t) => t.waveId === wave.id && t.locationId === loc.id && t.skuId === sku.id && t.status === 'open')
    .sort((a, b) => a.walkSeq - b.walkSeq)[0]!;

  await context.setOffline(true);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');

  const push = await request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      deviceId, schemaVersion: 1, appVersion: 'e2e',
      mutations: [{
        id: randomUUID(), deviceId, seq: 1, name: 'pick.confirm', argsVersion: 1, userId: user.id, createdAt: new Date().toISOString(),
        args: { waveId: wave.id, taskId: line.id, qty: line.qty - line.pickedQty, toteCode: 'T0001', assignmentEpoch: wave.assignmentEpoch },
      }],
    },
  });
  expect(push.status()).toBe(200);
  expect((await push.json()).results[0].status).toBe('applied');

  // This handheld, still offline, picks the same line: saved on the device.
  await burst(page, task.bin);
  for (let u = 0; u < task.open; u++) await burst(page, task.sku);
  await burst(page, 'T0001');
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '1');

  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // The banner shows on the pick screen, in a status region, and leads to the card.
  const banner = page.getByRole('status').filter({ has: page.getByRole('link', { name: '1 thing to fix: see what to do' }) });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await banner.getByRole('link').click();
  await expect(page).toHaveURL(/\/conflicts$/);
  const card = page.getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAccessibleName(/already picked this line|Line already picked/);
  const units = task.open === 1 ? 'it' : 'them';
  await expect(card.getByText(new RegExp(`^Take ${task.open} x .+ out of tote T0001 and put ${units} back in bin ${task.bin}\\.$`))).toBeVisible();

  // Done works offline, the card goes at once and stays gone after a reload.
  await context.setOffline(true);
  await card.getByRole('button', { name: 'Done: put back' }).click();
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByText('Nothing to fix.')).toBeVisible();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '1');
  await page.reload();
  await expect(page.getByText('Nothing to fix.')).toBeVisible();
  await expect(page.getByTestId('conflicts-banner')).toHaveAttribute('data-count', '0');

  await context.setOffline(false);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  await expect(page.getByRole('article')).toHaveCount(0);

  // The server took conflict.resolve: the put-back exception of that line is resolved.
  const lead = await apiLogin(request, 'U5001', '1234');
  await expect
    .poll(async () => (await apiPullAll(request, lead)).exceptions.filter((e) => e.taskId === line.id && e.type === 'line_already_picked').map((e) => e.status))
    .toEqual(['resolved']);
});

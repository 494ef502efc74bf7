import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { SCHEMA_VERSION, type PushResponse } from '../../src/domain/sync';
import { INBOUND_DEMO } from '../../src/server/db/seed-inbound';
import { expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';
import { waitForServiceWorker } from './support/tote';

/** On a server of its own: it closes a receipt and handles the exception it raises. */
const test = testOnOwnServer('exceptions');

/** Rita closes a blind receipt with two damaged units, as her handheld would push it. */
async function receiveDamaged(request: APIRequestContext): Promise<void> {
  const deviceId = `e2e-exceptions-dock-${Date.now()}`;
  const login = await request.post('/api/auth/login', { data: { badge: 'U3001', pin: '1234', deviceId } });
  expect(login.status()).toBe(200);
  const { token, user } = (await login.json()) as { token: string; user: { id: string } };
  const args = {
    receiptId: randomUUID(), asnId: null, sellerId: INBOUND_DEMO.trusted.sellerId, dockLocationId: INBOUND_DEMO.dockLocationId, notes: [],
    lines: [{ skuId: 'sku-LUMA-0005', lot: null, expiry: null, qty: 2, cartonSscc: null, condition: 'damaged', reason: 'Crushed corner', photoIds: ['ph-e2e'] }],
  };
  const mutation = { id: randomUUID(), deviceId, seq: 1, name: 'receipt.close', argsVersion: 1, userId: user.id, createdAt: new Date().toISOString(), args };
  const push = await request.post('/api/sync/push', { headers: { authorization: `Bearer ${token}` }, data: { deviceId, schemaVersion: SCHEMA_VERSION, appVersion: 'e2e', mutations: [mutation] } });
  expect(((await push.json()) as PushResponse).results.map((r) => r.status)).toEqual(['applied']);
}

test('a lead works the exceptions queue: damaged stock from the dock is counted by a named receiver, and shows as handled', async ({ page, request }) => {
  await receiveDamaged(request);
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U5001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /^Shift lead/ }).click();
  await page.getByRole('tab', { name: 'Exceptions' }).click();

  await page.getByLabel('Type').selectOption({ label: 'Damaged stock' });
  const card = page.getByTestId('exception').filter({ hasText: 'damaged (receiving)' });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('RCV-01');
  await expect(card).toContainText('Rita Receiver');
  await expectAccessible(page);

  const what = (await card.locator('.card-title').textContent())!.replace(/^Damaged stock\s*/, '').trim();
  await card.getByLabel(`Who counts, for ${what}`).selectOption({ label: 'Rita Receiver' });
  await card.getByRole('button', { name: `Count the bin: ${what}` }).click();
  await expect(page.getByTestId('exception-done')).toHaveText(`${what}: A count of the bin is waiting.`);
  await expect(page.getByTestId('exceptions-empty')).toHaveText('Nothing to handle. Well done.');

  await page.getByRole('button', { name: 'Handled' }).click();
  const handled = page.getByTestId('exception').filter({ hasText: what });
  await expect(handled.getByTestId('handled')).toContainText('Count the bin by Lee Lead');
  await expectAccessible(page);

  // The server has it once: handled by the lead, with the count assigned to Rita.
  const lead = (await (await request.post('/api/auth/login', { data: { badge: 'U5001', pin: '1234', deviceId: 'e2e-exceptions-check' } })).json()) as { token: string };
  const list = (await (await request.get('/api/exceptions?status=handled&type=damaged_stock', { headers: { authorization: `Bearer ${lead.token}` } })).json()) as {
    exceptions: { handled: { by: { name: string }; action: string; result: { countTaskId: string; assignedTo: string } } }[];
  };
  expect(list.exceptions.map((e) => [e.handled.by.name, e.handled.action, e.handled.result.assignedTo])).toEqual([['Lee Lead', 'assign_count', 'u-3001']]);
});

import { expect } from '@playwright/test';
import { expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';
import { waitForServiceWorker } from './support/tote';

/** On a server of its own: releasing the planning demo's orders changes what others plan. */
const test = testOnOwnServer('lead');

test('a lead previews and releases waves, sees them on the board and the devices, and is told the console needs the network', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U5001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /^Shift lead/ }).click();
  await expect(page.getByRole('heading', { name: 'Shift lead', level: 1 })).toBeVisible();
  await expectAccessible(page);

  // The usual rules over the planning demo's released orders.
  await page.getByRole('tab', { name: 'Plan waves' }).click();
  await page.getByRole('button', { name: 'Preview waves' }).click();
  const proposed = page.getByTestId('proposed-wave');
  await expect(proposed.first()).toBeVisible();
  const count = await proposed.count();
  expect(count).toBeGreaterThan(0);
  await expectAccessible(page);

  await page.getByRole('button', { name: count === 1 ? 'Release 1 wave' : `Release ${count} waves` }).click();
  const notice = page.getByTestId('plan-notice');
  await expect(notice).toHaveText(/^Released \d+ waves?: /);
  const codes = ((await notice.textContent()) ?? '').replace(/^Released \d+ waves?: /, '').replace(/\.$/, '').split(', ');
  expect(codes.length).toBe(count);

  // The board reads the device's tables: the release's poke brings the waves with the next pull.
  await page.getByRole('tab', { name: 'Waves board' }).click();
  await expect(page.getByTestId('board-released')).toContainText(codes[0]!, { timeout: 30_000 });
  await expectAccessible(page);

  // Handed to a picker through the lead's assign route; the next pull shows who has it.
  await page.getByLabel(`Picker for ${codes[0]}`).selectOption({ label: 'Pat Picker' });
  await page.getByRole('button', { name: `Assign ${codes[0]}` }).click();
  await expect(page.getByTestId('board-notice')).toHaveText(`${codes[0]} assigned to Pat Picker.`);
  await expect(page.getByTestId('board-released').getByRole('listitem').filter({ hasText: codes[0]! })).toContainText('Assigned to Pat Picker', { timeout: 30_000 });

  await page.getByRole('tab', { name: 'Devices' }).click();
  await expect(page.getByTestId('device').first()).toBeVisible();
  await expectAccessible(page);

  // The browser says it is offline: the console says what it needs instead of stale lists.
  await context.setOffline(true);
  await expect(page.getByTestId('needs-network')).toContainText("The shift lead's console needs the network.");
  await expectAccessible(page);
  await context.setOffline(false);
  await expect(page.getByTestId('needs-network')).toBeHidden();
  await expect(page.getByTestId('device').first()).toBeVisible();
});

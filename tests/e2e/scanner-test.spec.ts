import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Playwright's keyboard.type drops GS (0x1D) for keydown listeners, so the separator is
 * dispatched as the key event a wedge produces when it sends the control character itself.
 */
async function sendGs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new KeyboardEvent('keydown', { key: '\u001d', bubbles: true, cancelable: true }));
  });
}

const wedgeFocused = (page: Page) => page.evaluate(() => document.activeElement?.hasAttribute('data-wedge-input') ?? false);

test('Test your scanner shows how a scan arrived and what to change on the scanner', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Pick' })).toBeVisible();

  await page.goto('/settings');
  await page.getByRole('link', { name: 'Test your scanner' }).click();
  await expect(page.getByRole('heading', { name: 'Test your scanner' })).toBeVisible();
  await expect.poll(() => wedgeFocused(page)).toBe(true);

  // A GS1-128 with its AIM prefix: GTIN, lot, GS, serial, GS (as Ctrl+]), count; Enter.
  await page.keyboard.type(']C1010950110153000310LOT42', { delay: 4 });
  await sendGs(page);
  await page.keyboard.type('21S007', { delay: 4 });
  await page.keyboard.press('Control+BracketRight');
  await page.keyboard.type('3012', { delay: 4 });
  await page.keyboard.press('Enter');

  const log = page.getByRole('log');
  const first = log.getByRole('listitem').first();
  await expect(first.getByText('<GS>')).toHaveCount(2);
  await expect(first.getByText('<CR>')).toBeVisible();
  await expect(first.getByText(']C1 GS1-128')).toBeVisible();
  await expect(first.getByText('GS sent as Ctrl+]')).toBeVisible();
  await expect(first.getByText(/\d+ keys in \d+ ms, longest gap \d+ ms/)).toBeVisible();
  await expect(first.getByText('GTIN-14: 09501101530003')).toBeVisible();
  const fields = first.getByRole('table', { name: 'GS1 fields' });
  for (const [ai, value] of [['(01)', '09501101530003'], ['(10)', 'LOT42'], ['(21)', 'S007'], ['(30)', '12']]) {
    await expect(fields.getByRole('row', { name: `${ai} ${value}` })).toBeVisible();
  }
  const advice = page.getByRole('region', { name: 'What to change on the scanner' }).getByRole('status');
  await expect(advice).toContainText('No problems seen so far.');

  // No AIM prefix and a Tab suffix: the Tab must not move the focus, and the advice says what to change.
  await page.keyboard.type('T0042', { delay: 4 });
  await page.keyboard.press('Tab');
  await expect(log.getByRole('listitem')).toHaveCount(2);
  const latest = log.getByRole('listitem').first();
  await expect(latest.getByText('<TAB>')).toBeVisible();
  await expect(latest.getByText('no AIM prefix')).toBeVisible();
  expect(await wedgeFocused(page)).toBe(true);
  await expect(advice.getByText('The scanner ends each scan with: Tab')).toBeVisible();
  await expect(advice.getByText('Scans arrive without a symbology identifier')).toBeVisible();
  await expect(advice).toContainText('Set the scanner');

  // DESIGN.md section 7: no serious accessibility violation on this screen either.
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

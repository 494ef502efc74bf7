import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// DESIGN.md section 7: axe-core finds no serious violation, on every screen a picker sees.
test('login, home, wave list and pick screen have no serious accessibility violations, in both languages', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Badge')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Pick' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Pick' }).click();
  await expect(page.getByText('W-0001').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/pick/wave-W-0001');
  await expect(page.getByTestId('progress')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Every control a gloved hand must hit is at least 48 px tall.
  for (const b of await page.getByRole('button').all()) {
    if (!(await b.isVisible())) continue;
    const box = await b.boundingBox();
    expect(box!.height, (await b.textContent()) ?? '').toBeGreaterThanOrEqual(48);
  }

  await page.goto('/settings');
  await page.getByRole('button', { name: /Español/ }).or(page.getByRole('radio', { name: /Español/ })).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(await seriousViolations(page)).toEqual([]);
});

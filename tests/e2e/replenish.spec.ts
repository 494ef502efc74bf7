import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { DEMO_REPLENISH_TASK } from '../../src/server/db/seed-replenish';
import { expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';
import { burst, waitForServiceWorker } from './support/tote';

/**
 * A receiver replenishes a pick face with no network: the demo's open replenishment
 * (seed-replenish.ts) is pulled while online, then the reserve bin, the item and the pick
 * face are scanned offline; back online the server moves the stock once and closes the task.
 */
const test = testOnOwnServer('replenish');

interface Seeded {
  qty: number;
  from_id: string;
  from_code: string;
  face_id: string;
  face_code: string;
  sku_id: string;
  sku_code: string;
  gtin: string;
}

function read<T>(dir: string, sql: string): T[] {
  const db = new Database(path.join(dir, 'tote.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** A wedge scan and the screen's answer; a burst split by a starved CPU is refused, then scanned again. */
async function scan(page: Page, code: string, answered: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await burst(page, code);
    try {
      await answered();
      return;
    } catch (err) {
      const refused = await page.locator('[data-testid="replenish-message"][data-kind="error"]').isVisible();
      if (!refused || attempt === 3) throw err;
    }
  }
}

test('a receiver replenishes a pick face offline and the server moves the stock once', async ({ page, context, own }) => {
  const [t] = read<Seeded>(
    own.dir,
    `select r.qty, r.from_location_id as from_id, b.code as from_code, r.location_id as face_id, f.code as face_code, r.sku_id, s.code as sku_code,
       (select value from sku_barcodes where sku_id = r.sku_id and kind = 'gtin') as gtin
     from replenishment_tasks r join locations b on b.id = r.from_location_id join locations f on f.id = r.location_id join skus s on s.id = r.sku_id
     where r.id = '${DEMO_REPLENISH_TASK}'`,
  );
  expect(t).toBeDefined();

  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U3001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await page.getByRole('link', { name: /^Replenish/ }).click();
  const list = page.getByTestId('replenish-list');
  await expect(list.getByRole('button')).toHaveCount(1);
  await expect(list.getByRole('button')).toContainText(`${t!.sku_code} → ${t!.face_code}`);
  await expectAccessible(page);

  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');
  const step = page.getByTestId('replenish-step');
  const message = page.getByTestId('replenish-message');
  // The reserve bin chooses its task; then the item by its GTIN (EAN form); then the face.
  await scan(page, t!.from_code, () => expect(step).toHaveAttribute('data-step', 'item', { timeout: 5000 }));
  await scan(page, t!.gtin.slice(1), () => expect(step).toHaveAttribute('data-step', 'to', { timeout: 5000 }));
  await expect(page.getByTestId('replenish-qty')).toHaveAttribute('data-qty', String(t!.qty));
  await expectAccessible(page);
  await scan(page, t!.face_code, () => expect(message).toHaveText(`Brought ${t!.qty} × ${t!.sku_code} from ${t!.from_code} to ${t!.face_code}.`, { timeout: 5000 }));
  await expect(page.getByTestId('replenish-none')).toBeVisible();
  await expect(indicator).toHaveAttribute('data-pending', '1');

  // A reload with no network keeps it done on the device.
  await page.reload();
  await expect(page.getByTestId('replenish-none')).toBeVisible();

  await context.setOffline(false);
  await expect(indicator).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  const task = () => read<{ status: string; done_by: string; done_qty: number }>(own.dir, `select status, done_by, done_qty from replenishment_tasks where id = '${DEMO_REPLENISH_TASK}'`)[0];
  await expect.poll(() => task()?.status, { timeout: 30_000 }).toBe('done');
  expect(task()).toMatchObject({ done_by: 'u-3001', done_qty: t!.qty });
  const moved = read<{ location_id: string; delta: number }>(own.dir, `select location_id, delta from stock_ledger where reason = 'replenish' order by delta`);
  expect(moved).toEqual([
    { location_id: t!.from_id, delta: -t!.qty },
    { location_id: t!.face_id, delta: t!.qty },
  ]);
  await expect(page.getByTestId('replenish-none')).toBeVisible();
});

import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { PullResponse } from '../../../src/domain/sync';

/** Types a code the way a wedge scanner does: a fast burst ended by Enter. */
export async function burst(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 4 });
  await page.keyboard.press('Enter');
}

/** The first load registers the worker; the app is offline-ready once it controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

export async function readTask(page: Page) {
  const bin = (await page.getByTestId('task-bin').textContent())!.trim();
  const sku = (await page.getByTestId('task-sku').textContent())!.trim();
  const order = (await page.getByTestId('task-order').textContent())!.trim();
  const qtyText = (await page.getByTestId('task-qty').textContent())!;
  const m = /(\d+)\s*\/\s*(\d+)/.exec(qtyText);
  const open = m ? Number(m[2]) - Number(m[1]) : Number(/\d+/.exec(qtyText)![0]);
  return { bin, sku, order, open };
}

export async function apiLogin(request: APIRequestContext, badge: string, pin: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { badge, pin, deviceId: `e2e-check-${badge}-${Date.now()}` } });
  expect(res.status()).toBe(200);
  return (await res.json()).token as string;
}

export async function apiPullAll(request: APIRequestContext, token: string): Promise<PullResponse['changes']> {
  const all: PullResponse['changes'] = { locations: [], skus: [], totes: [], users: [], waves: [], tasks: [], exceptions: [], stock: [] };
  let cursor = 0;
  for (;;) {
    const res = await request.get(`/api/sync/pull?cursor=${cursor}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as PullResponse;
    for (const k of Object.keys(all) as (keyof PullResponse['changes'])[]) {
      // Later versions of a row replace earlier ones.
      const byId = new Map((all[k] as { id: string }[]).map((r) => [r.id, r]));
      for (const r of body.changes[k] as { id: string }[]) byId.set(r.id, r);
      (all as Record<string, unknown[]>)[k] = [...byId.values()];
    }
    cursor = body.cursor;
    if (!body.hasMore) return all;
  }
}

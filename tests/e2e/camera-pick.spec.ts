import { writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { CLIP, cameraLaunchOptions, closeCamera, ownServerTest as test, picked, showToCamera, step, unitGtins } from './support/camera';
import { burst, readTask, waitForServiceWorker } from './support/tote';

// A blank clip exists before the browser starts; each test writes the label it shows.
writeFileSync(CLIP, '');
test.use({ launchOptions: cameraLaunchOptions(), permissions: ['camera'] });

// These tests run against a server of their own (a fresh demo warehouse), and never reach
// the tote step: no pick is recorded.

async function signInByCamera(page: Page) {
  await page.goto('/');
  await showToCamera(page, { bcid: 'code128', text: 'U1001' }).catch(async (e) => {
    // The badge view closes itself after one read; it may be gone before it is seen running.
    if ((await page.getByLabel('Badge').inputValue()) !== 'U1001') throw e;
  });
  await expect(page.getByLabel('Badge')).toHaveValue('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Pick' })).toBeVisible();
}

/** Opens task `i` of the wave from the task list (a fresh flow at the bin step). */
async function chooseTask(page: Page, i: number) {
  await page.getByRole('button', { name: /All tasks/ }).click();
  await page.locator('.task-list .btn-row').nth(i).click();
  await expect(step(page)).toHaveAttribute('data-step', 'bin');
}

async function binByCamera(page: Page) {
  const { bin } = await readTask(page);
  await showToCamera(page, { bcid: 'code128', text: bin });
  await expect(step(page)).toHaveAttribute('data-step', 'item');
  await closeCamera(page);
}

/** Shows an item label at the item step; exactly one unit is taken, however long it is held. */
async function itemByCamera(page: Page, label: { bcid: string; text: string; scale?: number }) {
  const before = await picked(page);
  const { open } = await readTask(page);
  await showToCamera(page, label);
  await expect.poll(() => picked(page)).toBe(before + 1);
  if (open > 1) {
    // Counting mode: the label stays in view (the clip loops), and must not count again.
    await page.waitForTimeout(2000); // longer than the 1.5 s duplicate window: only counting mode holds it
    expect(await picked(page)).toBe(before + 1);
    await expect(step(page)).toHaveAttribute('data-step', 'item');
  } else {
    await expect(step(page)).toHaveAttribute('data-step', 'tote');
  }
  await closeCamera(page);
}

test('bin labels, EAN-13, GS1-128 and GS1 DataMatrix are read by camera at the right pick steps', async ({ page, request }) => {
  const gtins = await unitGtins(request);
  await signInByCamera(page);
  await page.goto('/pick/wave-W-0001');
  await expect(page.getByTestId('progress')).toBeVisible();

  // A label the step does not expect is refused like a wrong wedge scan.
  await expect(step(page)).toHaveAttribute('data-step', 'bin');
  await showToCamera(page, { bcid: 'code128', text: 'ZZ99-99-9' });
  await expect(page.locator('.message-error')).toBeVisible();
  await expect(step(page)).toHaveAttribute('data-step', 'bin');
  await closeCamera(page);

  // A task of several units, to see counting mode: Code 128 bin label, then the unit's EAN-13.
  let multi = 0;
  while ((await readTask(page)).open < 2) await chooseTask(page, ++multi);
  await binByCamera(page);
  const t1 = await readTask(page);
  const gtin1 = gtins.get(t1.sku)!;
  expect(gtin1).toMatch(/^0\d{13}$/);
  await itemByCamera(page, { bcid: 'ean13', text: gtin1.slice(1) });

  // Another task: GS1-128 carton label carrying the item's GTIN, a lot and an expiry (01+10+17).
  await chooseTask(page, multi === 0 ? 1 : 0);
  await binByCamera(page);
  const gtin2 = gtins.get((await readTask(page)).sku)!;
  await itemByCamera(page, { bcid: 'gs1-128', text: `(01)${gtin2}(10)L2404A(17)271231`, scale: 2 });

  // And another: GS1 DataMatrix with expiry and lot (01+17+10); the bin by wedge this time.
  await chooseTask(page, multi === 2 ? 3 : 2);
  await burst(page, (await readTask(page)).bin);
  await expect(step(page)).toHaveAttribute('data-step', 'item');
  const gtin3 = gtins.get((await readTask(page)).sku)!;
  await itemByCamera(page, { bcid: 'gs1datamatrix', text: `(01)${gtin3}(17)280630(10)B7`, scale: 8 });
});

test('offline, the camera view and its engine come from the service worker cache', async ({ page, context, request }) => {
  const gtins = await unitGtins(request);
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill('U1001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Pick' }).click();
  await page.goto('/pick/wave-W-0001');
  await expect(page.getByTestId('progress')).toBeVisible();

  // The camera's lazy chunks were precached at install, before the view was ever opened.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  for (const chunk of ['camera-dialog', 'camera-worker', 'zxing-js-engine|zxing-wasm-engine']) {
    expect(cached.some((u) => new RegExp(`/assets/(${chunk})-`).test(u)), chunk).toBe(true);
  }

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('progress')).toBeVisible();
  const fromNetwork: string[] = [];
  page.on('requestfinished', (r) => {
    if (/\/assets\//.test(r.url())) void r.response().then((res) => res && !res.fromServiceWorker() && fromNetwork.push(r.url()));
  });

  await binByCamera(page);
  const gtin = gtins.get((await readTask(page)).sku)!;
  await itemByCamera(page, { bcid: 'ean13', text: gtin.slice(1) });
  expect(fromNetwork).toEqual([]);
});

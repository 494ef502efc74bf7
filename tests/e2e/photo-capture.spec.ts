import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { expectAccessible } from './support/bench';
import { cameraLaunchOptions } from './support/camera';
import { testOnOwnServer } from './support/own-server';
import { apiLogin } from './support/tote';
import { writeBarcodeY4m } from './support/y4m';

/**
 * Photos of damage taken at the dock with no network (Chromium's fake camera) wait on the
 * device; back online the sync uploads them, and the server holds each once, byte for
 * byte, with nothing sent again on later syncs.
 */

const CLIP = path.join(os.tmpdir(), `tote-photo-${process.pid}.y4m`);
const test = testOnOwnServer('photo');
test.use({ launchOptions: cameraLaunchOptions(CLIP), permissions: ['camera'] });

type PhotoRow = { id: string; content_type: string; byte_size: number; received_bytes: number; stored: number; sha256: string; version: number; data: Buffer | null };

function serverPhotos(dir: string): PhotoRow[] {
  const db = new Database(path.join(dir, 'tote.sqlite'), { readonly: true });
  try {
    return db.prepare('select id, content_type, byte_size, received_bytes, stored, sha256, version, data from photos order by id').all() as PhotoRow[];
  } finally {
    db.close();
  }
}

test('photos taken offline reach the server once when the network is back', async ({ page, context, request, own }) => {
  await writeBarcodeY4m(CLIP, { bcid: 'code128', text: 'DAMAGE' });
  await page.goto('/');
  await page.getByLabel('Badge').fill('U3001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const indicator = page.getByTestId('sync-indicator');
  await expect(indicator).toHaveAttribute('data-pending', '0');
  await page.getByRole('link', { name: /^Receive/ }).click();
  await page.getByRole('button', { name: 'RCV-01' }).click();
  await expect(page.getByRole('button', { name: /ASN-LUMA-0001/ })).toBeVisible();

  await context.setOffline(true);
  await expect(indicator).toHaveAttribute('data-online', 'false');
  await page.getByRole('button', { name: /ASN-LUMA-0001/ }).click();
  await page.getByRole('button', { name: 'Mark units damaged' }).click();
  const damage = page.getByTestId('damage-panel');
  await damage.getByRole('button', { name: 'Take a photo of the damage' }).click();
  await expect(damage.locator('.photo-panel')).toHaveAttribute('data-camera', 'running');
  await page.evaluate(() => {
    // Kept to see the camera stop after the panel is gone.
    (window as unknown as { photoStream: MediaStream }).photoStream = document.querySelector<HTMLVideoElement>('.photo-video')!.srcObject as MediaStream;
  });
  const take = damage.getByRole('button', { name: 'Take photo' });
  await take.click();
  await expect(damage.getByTestId('photo-count')).toHaveText('1 photo taken');
  await expect(take).toBeEnabled();
  await take.click();
  await expect(damage.getByTestId('photo-count')).toHaveText('2 photos taken');
  await expect(damage.getByRole('img', { name: 'Photo 2' })).toBeVisible();
  await expect(damage.getByTestId('photos-waiting')).toHaveText('2 photos waiting to upload');
  await expectAccessible(page);
  await damage.getByRole('button', { name: 'Close camera' }).click();
  await expect(damage.locator('.photo-panel')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { photoStream: MediaStream }).photoStream.getTracks().map((t) => t.readyState))).toEqual(['ended']);
  expect(serverPhotos(own.dir)).toEqual([]);

  await context.setOffline(false);
  await expect.poll(() => serverPhotos(own.dir).map((p) => p.stored), { timeout: 30_000 }).toEqual([1, 1]);
  await expect(damage.getByTestId('photos-waiting')).toHaveCount(0, { timeout: 15_000 });
  const stored = serverPhotos(own.dir);
  for (const p of stored) {
    expect(p.content_type).toBe('image/jpeg');
    expect(p.received_bytes).toBe(p.byte_size);
    expect(p.data!.length).toBe(p.byte_size);
    expect(createHash('sha256').update(p.data!).digest('hex')).toBe(p.sha256);
    expect([p.data![0], p.data![1]]).toEqual([0xff, 0xd8]); // a JPEG, as drawn from the frame
  }
  // The warehouse's lead sees the same bytes through the API.
  const token = await apiLogin(request, 'U5001', '1234');
  const got = await request.get(`/api/photos/${stored[0]!.id}`, { headers: { authorization: `Bearer ${token}` } });
  expect([got.status(), got.headers()['content-type']]).toEqual([200, 'image/jpeg']);
  expect((await got.body()).equals(stored[0]!.data!)).toBe(true);

  // Later syncs send nothing again: same rows, same versions.
  // Wait for a whole sync cycle after the reload (its pull answered, then nothing syncing):
  // the uploader runs at the end of each cycle.
  const pulled = page.waitForResponse((r) => r.url().includes('/api/sync/pull'));
  await page.reload();
  await expect(indicator).toHaveAttribute('data-online', 'true');
  await pulled;
  await expect(indicator).toHaveAttribute('data-syncing', 'false');
  expect(serverPhotos(own.dir).map((p) => [p.id, p.version, p.byte_size])).toEqual(stored.map((p) => [p.id, p.version, p.byte_size]));
});

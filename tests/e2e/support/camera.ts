import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { startServer, type ServerProcess } from '../../bench/server-process';
import { CHROMIUM_ARGS, chromiumPath } from './browser';
import { apiLogin, apiPullAll } from './tote';
import { writeBarcodeY4m, type Symbol } from './y4m';

/**
 * Chromium's fake camera plays one Y4M file, named at launch. It opens the file each time
 * a capture starts, so a test rewrites the clip and then opens the camera view to show
 * the camera a different label, all in one browser (and one offline session).
 */
export const CLIP = path.join(os.tmpdir(), `tote-camera-${process.pid}.y4m`);

export function cameraLaunchOptions(clip = CLIP) {
  return {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${clip}`],
  };
}

/** Puts `sym` in front of the camera, opens the view and waits for the view to read it. */
export async function showToCamera(page: Page, sym: Symbol, clip = CLIP): Promise<void> {
  await writeBarcodeY4m(clip, sym);
  await page.getByTestId('camera-open').click();
  const dialog = page.getByTestId('camera-dialog');
  await expect(dialog).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('camera-last-read')).toBeAttached({ timeout: 15_000 });
}

export async function closeCamera(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close camera' }).click();
  await expect(page.getByTestId('camera-dialog')).toHaveCount(0);
}

/** SKU code -> its unit GTIN-14, from the server (as the lead). */
export async function unitGtins(request: APIRequestContext): Promise<Map<string, string>> {
  const token = await apiLogin(request, 'U5001', '1234');
  const all = await apiPullAll(request, token);
  const out = new Map<string, string>();
  for (const s of all.skus) {
    const unit = s.barcodes.find((b) => b.kind === 'gtin' && b.packQty === 1);
    if (unit) out.set(s.code, unit.value);
  }
  return out;
}

export const step = (page: Page) => page.getByTestId('step');
export const picked = async (page: Page) => Number(await page.getByTestId('task-qty').getAttribute('data-picked'));

/**
 * A test with a Tote server of its own (production build, fresh demo warehouse), so it
 * can walk the demo wave whatever the other specs have picked on the shared server.
 */
export const ownServerTest = test.extend<object, { ownServer: ServerProcess }>({
  ownServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'tote-e2e-camera-'));
      const server = await startServer({ DATA_DIR: dir, NODE_ENV: 'production' });
      try {
        await use(server);
      } finally {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ ownServer }, use) => use(ownServer.url),
});

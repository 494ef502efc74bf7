import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CLIP, cameraLaunchOptions } from './support/camera';
import { writeBarcodeY4m } from './support/y4m';

writeFileSync(CLIP, '');
test.use({ launchOptions: cameraLaunchOptions(), permissions: ['camera'] });

/** Keeps every camera track the page opens, to check that each is stopped. */
const RECORD_TRACKS = () => {
  const w = window as unknown as { __tracks: MediaStreamTrack[] };
  w.__tracks = [];
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (c) => {
    const s = await gum(c);
    w.__tracks.push(...s.getTracks());
    return s;
  };
};
const liveTracks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks.filter((t) => t.readyState === 'live').length);
const tracksOpened = (page: Page) => page.evaluate(() => (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks.length);

/** Headless pages are always visible: pretend the screen went off (or back on). */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('the camera is given back when the view closes and while the page is hidden', async ({ page }) => {
  await writeBarcodeY4m(CLIP, null); // a blank card: nothing to read, the view stays open
  await page.addInitScript(RECORD_TRACKS);
  await page.goto('/');
  await page.getByTestId('camera-open').click();
  const dialog = page.getByRole('dialog', { name: 'Camera scanner' });
  await expect(dialog).toHaveAttribute('data-status', 'running');
  await expect(dialog).toHaveAttribute('data-formats', 'code_128,code_39,qr_code'); // the badge step's
  expect(await liveTracks(page)).toBe(1);
  // Modal: focus starts on Close and Tab does not leave the view.
  const close = page.getByRole('button', { name: 'Close camera' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();

  await setHidden(page, true);
  await expect.poll(() => liveTracks(page)).toBe(0);
  await setHidden(page, false);
  await expect(dialog).toHaveAttribute('data-status', 'running');
  expect(await tracksOpened(page)).toBe(2);
  expect(await liveTracks(page)).toBe(1);

  await page.getByRole('button', { name: 'Close camera' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => liveTracks(page)).toBe(0);

  // Escape closes it too.
  await page.getByTestId('camera-open').click();
  await expect(dialog).toHaveAttribute('data-status', 'running');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => liveTracks(page)).toBe(0);
});

for (const [name, code, text] of [
  ['NotAllowedError', 'CAMERA_PERMISSION_DENIED', "Tote may not use the camera. Allow it in the browser's site settings."],
  ['NotFoundError', 'CAMERA_NOT_FOUND', 'No camera was found on this device.'],
  ['NotReadableError', 'CAMERA_UNAVAILABLE', 'The camera is busy or could not start.'],
] as const) {
  test(`${name} is shown as ${code}, and the view can be closed`, async ({ page }) => {
    await page.addInitScript((n) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', n));
    }, name);
    await page.goto('/');
    await page.getByTestId('camera-open').click();
    await expect(page.getByTestId('camera-error')).toHaveAttribute('data-code', code);
    await expect(page.getByRole('alert').filter({ hasText: text })).toBeVisible();
    await page.getByRole('button', { name: 'Close camera' }).click();
    await expect(page.getByTestId('camera-dialog')).toHaveCount(0);
  });
}

test('the errors are in Spanish for a Spanish speaker', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('tote.language', 'es');
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Escanear con cámara' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tote no tiene permiso para usar la cámara' })).toBeVisible();
  await page.getByRole('button', { name: 'Cerrar cámara' }).click();
  await expect(page.getByTestId('camera-dialog')).toHaveCount(0);
});

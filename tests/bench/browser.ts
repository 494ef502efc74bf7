import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { prepareDatabase } from '../../src/server/start';
import { createReleasedWave } from '../../src/server/services/fixtures';
import { launchOptions } from '../e2e/support/browser';
import { figure, percentile, type Figure } from './figures';
import { startServer } from './server-process';

/** Writes pick commands straight into the device's outbox, the way 10,000 offline scans would leave it. */
const QUEUE_COMMANDS = `async function ({ waveId, tasks }) {
  const open = indexedDB.open('tote');
  const idb = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  const tx = idb.transaction(['meta', 'outbox'], 'readwrite');
  const meta = tx.objectStore('meta');
  const get = (k) => new Promise((res) => { const r = meta.get(k); r.onsuccess = () => res(r.result && r.result.value); });
  const deviceId = await get('deviceId');
  const seq0 = await get('nextSeq');
  const userId = (await get('session')).user.id;
  const outbox = tx.objectStore('outbox');
  const ms = Date.now().toString(16).padStart(12, '0');
  tasks.forEach((t, i) => {
    const r = crypto.randomUUID().replace(/-/g, '');
    const h = ms + '7' + r.slice(13, 16) + '8' + r.slice(17, 32);
    const id = h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20, 32);
    outbox.add({ id, deviceId, seq: seq0 + i, name: 'pick.confirm', argsVersion: 1, userId,
      args: { waveId, taskId: t.id, qty: 1, toteCode: ('BT-' + t.orderId).slice(0, 64), assignmentEpoch: 1 },
      createdAt: new Date().toISOString(), status: 'pending' });
  });
  meta.put({ key: 'nextSeq', value: seq0 + tasks.length });
  await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
  idb.close();
}`;

const SCAN_TASKS = 40; // tasks picked by scanning in the 1,000-task wave
const DRAIN = 10_000;
const BIG_WAVE = 2000; // the wave opened under throttle, to time its first stop
const OPEN_RUNS = 5;

async function prepare(dir: string) {
  const { db } = await prepareDatabase({ databaseUrl: undefined, dataDir: dir });
  const pat = await db.db.selectFrom('users').select('id').where('badge', '=', 'U1001').executeTakeFirstOrThrow();
  const big = await createReleasedWave(db.db, { code: 'B1K', assignedUserId: pat.id, tasks: 1000 });
  const drain = await createReleasedWave(db.db, { code: 'B10K', assignedUserId: pat.id, tasks: DRAIN, qty: 1 });
  await createReleasedWave(db.db, { code: 'B2K', assignedUserId: pat.id, tasks: BIG_WAVE });
  const drainTasks = await db.db.selectFrom('pick_tasks').select(['id', 'order_id']).where('wave_id', '=', drain.waveId).execute();
  await db.close();
  return { bigWave: big.waveId, drainWave: drain.waveId, drainTasks: drainTasks.map((t) => ({ id: t.id, orderId: t.order_id })) };
}

/**
 * A scanner burst dispatched inside the page: a real wedge delivers its keys about 1 ms
 * apart, which CDP key-by-key typing on a 4x-throttled renderer cannot reproduce (each
 * key waits for the renderer's acknowledgement, so gaps look like a human typing).
 */
async function burst(page: Page, code: string): Promise<void> {
  await page.evaluate(
    `(() => { const t = document.activeElement || document.body;
      for (const key of [...${JSON.stringify(code)}, 'Enter']) t.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })); })()`,
  );
}

async function settled(page: Page, timeout = 120_000): Promise<void> {
  await page.locator('[data-testid="sync-indicator"][data-pending="0"][data-syncing="false"]').waitFor({ timeout });
}

const count = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).length, name);

async function scanAndWait(page: Page, code: string): Promise<void> {
  const before = await count(page, 'tote:scan-feedback');
  await burst(page, code);
  await page.waitForFunction((b) => performance.getEntriesByName('tote:scan-feedback').length > b, before);
}

interface TaskOnScreen {
  bin: string;
  sku: string;
  order: string;
  open: number;
}

async function taskOnScreen(page: Page): Promise<TaskOnScreen> {
  const q = page.getByTestId('task-qty');
  return {
    bin: (await page.getByTestId('task-bin').textContent())!.trim(),
    sku: (await page.getByTestId('task-sku').textContent())!.trim(),
    order: (await page.getByTestId('task-order').textContent())!.trim(),
    open: Number(await q.getAttribute('data-required')) - Number(await q.getAttribute('data-picked')),
  };
}

/**
 * Picks one task by scanning only (bin, each unit, the order's tote) and returns how many
 * scans it took; waits until the wave's progress counts the task closed.
 */
async function pickByScans(page: Page, toteOf: Map<string, string>, closedAfter: number): Promise<{ open: number; scans: number }> {
  const task = await taskOnScreen(page);
  let scans = 0;
  await scanAndWait(page, task.bin);
  scans++;
  for (let u = 0; u < task.open; u++) {
    await scanAndWait(page, task.sku);
    scans++;
  }
  if (!toteOf.has(task.order)) toteOf.set(task.order, `T${String(toteOf.size + 1).padStart(4, '0')}`);
  await scanAndWait(page, toteOf.get(task.order)!);
  scans++;
  await page.getByTestId('progress').filter({ hasText: new RegExp(`^\\s*${closedAfter}\\s*/`) }).waitFor();
  return { open: task.open, scans };
}

/** The demo wave W-0001 picked by scans alone: scans per single-unit line (no taps at all). */
async function demoWaveScans(page: Page): Promise<{ perLine: number[] }> {
  await page.goto('/pick/wave-W-0001');
  const progress = page.getByTestId('progress');
  await progress.filter({ hasText: /\/\s*\d+/ }).waitFor();
  const total = Number(/\/\s*(\d+)/.exec((await progress.textContent()) ?? '')![1]);
  const toteOf = new Map<string, string>();
  const perLine: number[] = [];
  for (let i = 0; i < total; i++) {
    const { open, scans } = await pickByScans(page, toteOf, i + 1);
    if (open === 1) perLine.push(scans);
  }
  return { perLine };
}

/**
 * Opening a wave of BIG_WAVE tasks from the wave list, to its first stop on screen, on a
 * 4x-throttled CPU (the app already running, as when a picker takes the next wave).
 */
async function openBigWave(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < OPEN_RUNS; r++) {
    await page.goto('/pick');
    const link = page.getByRole('link', { name: /B2K/ });
    await link.waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await link.click();
    await page.getByTestId('progress').filter({ hasText: new RegExp(`/\\s*${BIG_WAVE}`) }).waitFor({ timeout: 60_000 });
    await page.getByTestId('task-bin').filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
    times.push(Date.now() - t0);
  }
  return times;
}

/** Scan-to-feedback and outbox append in a 4x throttled Chromium, then a 10,000-command drain. */
export async function browserFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tote-bench-browser-'));
  const fixtures = await prepare(dir);
  const server = await startServer({ DATA_DIR: dir });
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Badge').fill('U1001');
    await page.getByLabel('PIN').fill('1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Pick' }).waitFor();
    const demo = await demoWaveScans(page);
    await page.goto(`/pick/${fixtures.bigWave}`);
    await page.getByTestId('progress').filter({ hasText: /\/\s*1000/ }).waitFor({ timeout: 60_000 });
    // Let the first sync (11,000 tasks of reference data) finish before measuring scans.
    await settled(page);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const toteOf = new Map<string, string>();
    for (let i = 0; i < SCAN_TASKS; i++) await pickByScans(page, toteOf, i + 1);
    const feedback = await page.evaluate(() => performance.getEntriesByName('tote:scan-feedback').map((e) => e.duration));
    const append = await page.evaluate(() => performance.getEntriesByName('tote:outbox-append').map((e) => e.duration));
    const open = await openBigWave(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    // Drain: 10,000 commands queued while offline, timed from reconnect to an empty outbox.
    await settled(page);
    await context.setOffline(true);
    // Plain source text: tsx would otherwise wrap named helpers in a `__name` call the page lacks.
    await page.evaluate(`(${QUEUE_COMMANDS})(${JSON.stringify({ waveId: fixtures.drainWave, tasks: fixtures.drainTasks })})`);
    // Those rows bypassed Dexie, so no live query in this page can see them: restart the
    // app (offline, shell from the service worker), as after a day of offline scans.
    await page.reload();
    await page.locator(`[data-testid="sync-indicator"][data-pending="${DRAIN}"]`).waitFor({ timeout: 60_000 });
    const t0 = Date.now();
    await context.setOffline(false);
    await page.locator('[data-testid="sync-indicator"][data-pending="0"]').waitFor({ timeout: 120_000 });
    const drainS = (Date.now() - t0) / 1000;
    await context.close();
    return [
      figure('scan-to-feedback, 4x CPU throttle, 1,000-task wave, p95', percentile(feedback, 95), 'ms', '<=', 50, `${feedback.length} scans`),
      figure('outbox append (strict durability), p95', percentile(append, 95), 'ms', '<=', 10, `${append.length} appends, 4x throttle`),
      figure('drain 10,000 queued commands after reconnect', drainS, 's', '<=', 10),
      figure(`open a ${BIG_WAVE.toLocaleString('en')}-task wave to its first stop, 4x CPU throttle, p95`, percentile(open, 95), 'ms', '<=', 500, `${OPEN_RUNS} runs, p50 ${percentile(open, 50)} ms`),
      figure(
        'scans per single-unit line, demo wave W-0001, max',
        demo.perLine.length ? Math.max(...demo.perLine) : null,
        'scans',
        '<=',
        3,
        `${demo.perLine.length} single-unit lines picked by scans alone`,
      ),
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

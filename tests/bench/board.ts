import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { floorData } from '../../src/client/features/lead/board-fixtures';
import { leanStats } from '../../src/domain/board/waves';
import { prepareDatabase } from '../../src/server/start';
import { launchOptions } from '../e2e/support/browser';
import { figure, percentile, type Figure } from './figures';
import { startServer } from './server-process';

const WAVES = 50;
const DEVICES = 200;
/** Updates started by a real server poke (the 2 s pacing lets one through every 2 s). */
const POKES = 30;
/** And by the lead's Refresh, which reads the shift's figures too. */
const REFRESHES = 10;
const WARM_UP = 3;
const POKE_SPACING_MS = 2_200;
const THROTTLE = 4;
export const BOARD_FIGURE = 'Live board update, 200 devices + 50 waves, main thread p95';
const BUDGET_MS = 100;

/**
 * Arms the wait for update `version` and marks its start; then the poke (or the
 * Refresh) is set off, and FINISH resolves once the board shows it and a frame has been
 * painted. Plain source text: tsx would otherwise wrap named helpers in a `__name` call the page lacks.
 */
const ARM = `({ i, version, click }) => {
  const board = document.querySelector('[data-testid="live-board"]');
  performance.mark('board-start-' + i);
  const t0 = performance.now();
  window.__boardUpdate = new Promise((resolve, reject) => {
    const done = () => board.getAttribute('data-version') === String(version);
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); clearTimeout(timer); resolve(); } });
    const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no update ' + version)); }, 30000);
    obs.observe(board, { attributes: true, attributeFilter: ['data-version'] });
  }).then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))).then(() => {
    performance.mark('board-end-' + i);
    return performance.now() - t0;
  });
  if (click) [...board.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Refresh the board').click();
}`;
const FINISH = '() => window.__boardUpdate';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
}

/**
 * Main-thread time of each update: the renderer main thread's top-level tasks (RunTask)
 * inside each start..end bracket, overlaps merged, clipped to the bracket. Network waits
 * are idle time and do not count; JSON parsing, React's render and commit, style, layout
 * and paint do, and so does anything else the page ran meanwhile (the sync engine).
 */
export function mainThreadMs(events: TraceEvent[], ids: readonly number[]): number[] {
  const mark = (name: string) => events.find((e) => e.name === name && e.cat?.includes('blink.user_timing'));
  const first = mark(`board-start-${ids[0]}`);
  if (!first) throw new Error(`the trace has no board-start-${ids[0]} mark`);
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === first.pid && e.tid === first.tid && e.dur !== undefined)
    .map((e) => [e.ts, e.ts + e.dur!] as const)
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const i of ids) {
    const s = mark(`board-start-${i}`)?.ts;
    const e = mark(`board-end-${i}`)?.ts;
    if (s === undefined || e === undefined) throw new Error(`the trace lacks the marks of update ${i}`);
    let sum = 0;
    let reach = s;
    for (const [a, b] of tasks) {
      if (b <= reach || a >= e) continue;
      const from = Math.max(a, reach);
      const to = Math.min(b, e);
      if (to > from) sum += to - from;
      reach = Math.max(reach, to);
    }
    out.push(sum / 1000);
  }
  return out;
}

async function signInAsLead(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Badge').fill('U5001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /^Shift lead/ }).click();
}

/** A lead action through the API from elsewhere (another session): the server pokes every device after it. */
function poker(url: string, orderId: string) {
  let token: string | null = null;
  let high = false;
  return async () => {
    if (!token) {
      const r = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ badge: 'U5001', pin: '1234', deviceId: 'bench-board-poker' }) });
      token = ((await r.json()) as { token: string }).token;
    }
    high = !high;
    const r = await fetch(`${url}/api/orders/${encodeURIComponent(orderId)}/priority`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ priority: high ? 'high' : 'normal' }),
    });
    if (!r.ok) throw new Error(`priority ${r.status} ${await r.text()}`);
  };
}

/**
 * The live board's update with 200 devices and 50 waves, in headless Chromium: main-thread
 * time per update, from the trigger to the painted update; again with the CPU throttled 4x.
 */
export async function boardFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tote-bench-board-'));
  const { db } = await prepareDatabase({ databaseUrl: undefined, dataDir: dir });
  const order = await db.db.selectFrom('orders').select('id').where('status', '=', 'released').orderBy('id').executeTakeFirstOrThrow();
  await db.close();
  const server = await startServer({ DATA_DIR: dir });
  const browser = await chromium.launch(launchOptions());
  try {
    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' });
    const page = await context.newPage();
    // The board's three reads answered by stand-ins of a busy floor; each answer moves the work on.
    let tick = 0;
    const bytes = { summary: 0, live: 0, updates: 0 };
    for (const [path, part] of [['/api/board/summary', 'stats'], ['/api/board/waves', 'waves'], ['/api/devices', 'devices']] as const) {
      await page.route(
        (u) => u.pathname === path,
        (route) => {
          // As the server's summary answers: everyone's buckets left out but the charted person's.
          const d = floorData({ waves: WAVES, devices: DEVICES, tick });
          const body = JSON.stringify(part === 'stats' ? leanStats(d.stats, new URL(route.request().url()).searchParams.get('person') ?? undefined) : d[part]);
          if (part === 'stats') bytes.summary = body.length;
          else bytes.live += body.length;
          return route.fulfill({ status: 200, contentType: 'application/json', body });
        },
      );
    }
    await signInAsLead(page);
    const board = page.getByTestId('live-board');
    await page.locator('[data-testid="live-board"][data-version="1"]').waitFor({ timeout: 60_000 });
    await page.getByTestId('live-wave').first().waitFor();
    // Let the lead's own first sync finish, so the updates are measured on a settled page.
    await page.locator('[data-testid="sync-indicator"][data-pending="0"][data-syncing="false"]').waitFor({ timeout: 60_000 }).catch(() => undefined);
    const shown = { waves: await page.getByTestId('live-wave').count(), people: await page.getByTestId('live-person').count() };
    const poke = poker(server.url, order.id);
    const cdp = await context.newCDPSession(page);
    let version = Number(await board.getAttribute('data-version'));
    let n = 0;
    const update = async (by: 'poke' | 'refresh') => {
      const i = n++;
      tick += 1;
      version += 1;
      await page.evaluate(`(${ARM})(${JSON.stringify({ i, version, click: by === 'refresh' })})`);
      if (by === 'poke') await poke();
      const wall = (await page.evaluate(`(${FINISH})()`)) as number;
      // Past the 2 s pacing, so the next poke reloads at once.
      await page.waitForTimeout(POKE_SPACING_MS);
      return { i, wall };
    };
    /** Pokes then refreshes at a CPU throttle, traced: main-thread ms of each. */
    const run = async (throttle: number, pokes: number, refreshes: number) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      for (let k = 0; k < WARM_UP; k++) await update('poke');
      bytes.live = 0;
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'] });
      const done: { i: number; wall: number }[] = [];
      for (let k = 0; k < pokes; k++) done.push(await update('poke'));
      const liveBytes = bytes.live / pokes / 2;
      for (let k = 0; k < refreshes; k++) done.push(await update('refresh'));
      const raw = (await browser.stopTracing()).toString('utf8');
      if (process.env.BOARD_TRACE) (await import('node:fs')).writeFileSync(`${process.env.BOARD_TRACE}.${throttle}x.json`, raw);
      const main = mainThreadMs((JSON.parse(raw) as { traceEvents: TraceEvent[] }).traceEvents, done.map((d) => d.i));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      return { main, byPoke: main.slice(0, pokes), byRefresh: main.slice(pokes), walls: done.map((d) => d.wall), liveBytes };
    };
    // The figure as asked (the built app in headless Chromium), then on a CPU slowed 4x
    // (a cheap tablet) for the note.
    const { main, byPoke, byRefresh, walls, liveBytes } = await run(1, POKES, REFRESHES);
    const slow = await run(THROTTLE, 20, 5);
    await context.close();
    const kB = (n: number) => `${Math.round(n / 1024)} kB`;
    return [
      figure(
        BOARD_FIGURE,
        percentile(main, 95),
        'ms',
        '<=',
        BUDGET_MS,
        `${POKES} updates set off by a real server poke (a lead action from another session; the board's own 30 s reads of the shift's figures fall among them) and ${REFRESHES} by Refresh (everything read), no CPU throttle; ` +
          `the board's reads answered by page.route stand-ins of ${DEVICES} devices, ${WAVES} waves, ${shown.people} people shown of 200 (waves + devices ${kB(liveBytes)}, summary ${kB(bytes.summary)}); ` +
          `main-thread tasks from the trigger to the painted update (Chrome trace, the lead's own sync pull after the poke included): poke p50 ${percentile(byPoke, 50).toFixed(1)} / p95 ${percentile(byPoke, 95).toFixed(1)} ms, ` +
          `refresh p50 ${percentile(byRefresh, 50).toFixed(1)} / p95 ${percentile(byRefresh, 95).toFixed(1)} ms, max ${Math.max(...main).toFixed(1)} ms; wall time incl. network p95 ${percentile(walls, 95).toFixed(0)} ms; ` +
          `with the CPU throttled ${THROTTLE}x (20 pokes, 5 refreshes) p95 ${percentile(slow.main, 95).toFixed(1)} ms, ${percentile(slow.main, 95) > BUDGET_MS ? 'over' : 'within'} the budget (poke p50 ${percentile(slow.byPoke, 50).toFixed(1)}, refresh p50 ${percentile(slow.byRefresh, 50).toFixed(1)})`,
      ),
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

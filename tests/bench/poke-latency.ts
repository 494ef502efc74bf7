import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { launchOptions } from '../e2e/support/browser';
import { waitForServiceWorker } from '../e2e/support/tote';
import { figure, percentile, type Figure } from './figures';
import { startServer } from './server-process';

const WAVE_ID = 'wave-W-0001';
const PAT = 'u-1001';
const PILAR = 'u-1002';
/** Reassignments measured: every one is a poke; every other one puts the wave on the device's list. */
const RUNS = 60;

/**
 * Runs in the page before the app: the app reads /api/sync/events with fetch streaming
 * (server-events.ts), so the stream is teed here and each poke's version is stamped with
 * the page's clock the moment its bytes reach the page, beside the app's own reader. A
 * MutationObserver stamps each time the wave's link appears on or leaves the wave list.
 * Plain source text: tsx would otherwise wrap named helpers in a `__name` call the page lacks.
 */
const INSTRUMENT = `(() => {
  window.__pokes = [];
  window.__list = [];
  const own = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await own(input, init);
    const url = typeof input === 'string' ? input : input.url;
    if (!url.includes('/api/sync/events') || !res.body) return res;
    const [app, mine] = res.body.tee();
    (async () => {
      const reader = mine.getReader();
      const dec = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const at = Date.now();
        for (const m of dec.decode(value, { stream: true }).matchAll(/"version":(\\d+)/g)) window.__pokes.push({ version: Number(m[1]), at });
      }
    })();
    return new Response(app, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  let shown = false;
  const check = () => {
    const now = document.querySelector('a[href="/pick/${WAVE_ID}"]') !== null;
    if (now !== shown) { shown = now; window.__list.push({ shown, at: Date.now() }); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})()`;

interface Stamps {
  pokes: { version: number; at: number }[];
  list: { shown: boolean; at: number }[];
}
const stamps = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __pokes: Stamps['pokes']; __list: Stamps['list'] };
    return { pokes: w.__pokes, list: w.__list } as Stamps;
  });

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A lead's reassignment reaching an online handheld: the production server, a real
 * headless Chromium running the app signed in as Pilar (picker) on her wave list, and
 * the demo wave W-0001 reassigned whole between Pat and Pilar through
 * POST /api/waves/:id/reassign. Timed from sending the request (Node's clock) to the
 * poke of that change arriving in the page (the page's clock; same machine), and to the
 * wave's link showing on her list (poke, pull, live query, render).
 */
export async function pokeFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tote-bench-poke-'));
  const server = await startServer({ DATA_DIR: dir });
  const browser = await chromium.launch(launchOptions());
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ badge: 'U5001', pin: '1234', deviceId: 'bench-poke-lead' }),
    });
    const { token } = (await login.json()) as { token: string };

    const context = await browser.newContext({ baseURL: server.url, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto('/');
    await waitForServiceWorker(page);
    await page.getByLabel('Badge').fill('U1002');
    await page.getByLabel('PIN').fill('1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in once the form is gone (Pilar's screens are in Spanish).
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
    await page.goto('/pick');
    await page.locator('h1').waitFor();
    // The event stream is open once a poke arrives: the first reassignment's poke proves it, unmeasured.
    await page.waitForTimeout(1000);

    const pokeMs: number[] = [];
    const listMs: number[] = [];
    let holder = PAT;
    for (let i = 0; i < RUNS + 1; i++) {
      const to = holder === PAT ? PILAR : PAT;
      const t0 = Date.now();
      const r = await fetch(`${server.url}/api/waves/${WAVE_ID}/reassign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ userId: to, scope: 'wave' }),
      });
      if (!r.ok) throw new Error(`reassign ${r.status} ${await r.text()}`);
      const { version } = (await r.json()) as { version: number };
      holder = to;
      const poke = await waitFor(`poke ${version}`, async () => (await stamps(page)).pokes.find((p) => p.version === version));
      // Pilar's list follows: the wave shows (given to her) or leaves (given back to Pat).
      const seen = await waitFor('the wave list', async () => (await stamps(page)).list.find((l) => l.at >= t0 && l.shown === (to === PILAR)));
      if (i === 0) continue; // warm-up
      pokeMs.push(poke.at - t0);
      if (to === PILAR) listMs.push(seen.at - t0);
      // A floor does not reassign back to back: let the pull finish before the next one.
      await page.waitForTimeout(150);
    }
    await context.close();
    const note = `${pokeMs.length} reassignments of W-0001 (whole wave, Pat <-> Pilar), headless Chromium page signed in, SSE via fetch streaming, SQLite`;
    return [
      figure('Reassign to poke on an online device p95', percentile(pokeMs, 95), 'ms', '<=', 500, `${note}; median ${percentile(pokeMs, 50)} ms`),
      figure("Reassign to the device's wave list showing it p95", percentile(listMs, 95), 'ms', '<=', 2000, `${listMs.length} given to Pilar: poke, pull, live query, render; median ${percentile(listMs, 50)} ms`),
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

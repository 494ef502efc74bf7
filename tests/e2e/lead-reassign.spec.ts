import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';
import { apiLogin, apiPullAll, burst, readTask, waitForServiceWorker } from './support/tote';

/**
 * Issue 7's proof of a live reassignment, on a server of its own (it releases and moves a
 * demo order): Pat (picker A) is offline mid-wave with a pick the server has not seen;
 * Lee (the lead) gives the wave's remaining lines to Pilar (picker B) from the console;
 * Pilar's list shows the wave, she picks every remaining line, including the one Pat
 * picked offline; Pat comes back: his pick is refused LINE_ALREADY_PICKED with a
 * return-to-bin exception (DESIGN.md section 4), and each of the three sees what happened.
 */
const test = testOnOwnServer('reassign');

const PAT = 'u-1001';
const PILAR = 'u-1002';

async function signIn(browser: Browser, badge: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await waitForServiceWorker(page);
  await page.getByLabel('Badge').fill(badge);
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'true');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeHidden();
  return { context, page };
}

/**
 * One scan, repeated until the screen moved on: three browsers on a busy machine can
 * stretch a burst's key gaps until it reads as typing. A repeat is always harmless here:
 * the step that already took the code refuses it again and records nothing.
 */
async function scan(page: Page, code: string, moved: () => Promise<boolean>) {
  for (let i = 0; i < 4; i++) {
    await burst(page, code);
    try {
      await expect.poll(moved, { timeout: 3_000 }).toBe(true);
      return;
    } catch {
      // not taken: scan again
    }
  }
  throw new Error(`the scan of ${code} was never taken`);
}

const closed = async (page: Page) => Number(/^\s*(\d+)/.exec((await page.getByTestId('progress').textContent()) ?? '')![1]);

/** Bin, every unit, then the tote: one line picked on the wave screen. */
async function pickCurrent(page: Page, tote: string) {
  const task = await readTask(page);
  const before = await closed(page);
  const step = () => page.getByTestId('step').getAttribute('data-step');
  const inHand = async () => Number((await page.getByTestId('task-qty').getAttribute('data-picked')) ?? 0);
  await scan(page, task.bin, async () => (await step()) !== 'bin');
  for (let u = 0; u < task.open; u++) {
    const had = await inHand();
    await scan(page, task.sku, async () => (await step()) === 'tote' || (await inHand()) > had);
  }
  await scan(page, tote, async () => (await closed(page)) > before);
  return task;
}

/** A one-order wave of the planning demo, released and handed to Pat through the lead's routes. */
async function releaseToPat(request: APIRequestContext, lead: string, orderId: string) {
  const auth = { authorization: `Bearer ${lead}` };
  const rel = await request.post('/api/waves/release', { headers: auth, data: { waves: [{ mode: 'single', orderIds: [orderId] }] } });
  expect(rel.status()).toBe(201);
  const wave = ((await rel.json()) as { waves: { id: string; code: string }[] }).waves[0]!;
  expect((await request.post(`/api/waves/${wave.id}/assign`, { headers: auth, data: { userId: PAT } })).status()).toBe(200);
  return wave;
}

/** Lee opens the wave's card on the console's board and gives its remaining lines to Pilar. */
async function reassignRemainingToPilar(page: Page, code: string, picked: number, total: number) {
  await page.getByRole('link', { name: /^Shift lead/ }).click();
  await page.getByRole('tab', { name: 'Waves board' }).click();
  const card = page.locator(`[data-testid="wave-card"][data-wave="${code}"]`);
  await expect(card).toContainText('Assigned to Pat Picker · assignment 1', { timeout: 30_000 });
  await expect(card).toContainText(`${picked} of ${total} lines picked`, { timeout: 30_000 });
  await card.getByRole('button', { name: `Reassign ${code}` }).click();
  await card.getByLabel(`New picker for ${code}`).selectOption({ label: 'Pilar Recogedora' });
  await card.getByRole('radio', { name: /^Remaining lines only/ }).check();
  await card.getByRole('button', { name: `Reassign ${code}…` }).click();
  const ask = card.getByRole('alertdialog');
  await expect(ask).toContainText(`Give the remaining lines of ${code} to Pilar Recogedora?`);
  return { card, ask };
}

test('the lead gives the remaining lines to another picker while the first is offline; the stale pick is refused and everyone is told', async ({ browser, request }) => {
  const lead = await apiLogin(request, 'U5001', '1234');
  const { id: waveId, code } = await releaseToPat(request, lead, 'ord-plan-3');

  const a = await signIn(browser, 'U1001');
  const b = await signIn(browser, 'U1002');
  const l = await signIn(browser, 'U5001');

  // Pat opens the wave and picks its first line online: it reaches the server.
  await a.page.goto(`/pick/${encodeURIComponent(waveId)}`);
  const progress = a.page.getByTestId('progress');
  await expect(progress).toHaveText(/^\s*0\s*\/\s*\d+/);
  const total = Number(/\/\s*(\d+)/.exec((await progress.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThanOrEqual(3);
  const first = await pickCurrent(a.page, 'T0201');
  await expect(progress).toHaveText(new RegExp(`^\\s*1\\s*/\\s*${total}`));
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // Then the radio drops in the aisle; the next line is picked on the handheld only.
  await a.context.setOffline(true);
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');
  const stale = await pickCurrent(a.page, 'T0201');
  await expect(progress).toHaveText(new RegExp(`^\\s*2\\s*/\\s*${total}`));
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '1');

  // Pilar waits on her (Spanish) wave list: nothing yet.
  await b.page.goto('/pick');
  // The wave itself, not its split wave <code>.2.
  const bWave = b.page.getByRole('link', { name: new RegExp(`${code}(?!\\.)`) });
  await expect(b.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(bWave).toHaveCount(0);

  // Lee reassigns the remaining lines from the console, after a confirmation naming both;
  // the wave's orders, read from the server, come with the lead's order actions.
  const { card, ask } = await reassignRemainingToPilar(l.page, code, 1, total);
  await card.getByRole('button', { name: `Orders of ${code}` }).click();
  await expect(card.getByTestId('wave-order')).toContainText('SO-PLAN-0003');
  await expect(card.getByTestId('wave-order')).toContainText(`priority normal · ${total - 1} of`);
  await expectAccessible(l.page);
  await ask.getByRole('button', { name: 'Yes, give it to Pilar Recogedora' }).click();
  await expect(l.page.getByTestId('board-notice')).toHaveText(
    `${code}'s remaining lines now belong to Pilar Recogedora (assignment 2). Pat Picker keeps the 1 finished line as ${code}.2, to drop off.`,
  );

  // The claim: an online device shows it within 2 s (poke, pull, live query).
  await expect(bWave).toBeVisible({ timeout: 2_000 });
  await expect(card).toContainText('Assigned to Pilar Recogedora · assignment 2');

  // Pilar picks every remaining line, the one Pat holds offline included.
  await bWave.click();
  const bProgress = b.page.getByTestId('progress');
  const remaining = total - 1;
  await expect(bProgress).toHaveText(new RegExp(`^\\s*0\\s*/\\s*${remaining}`));
  const pickedByPilar: string[] = [];
  for (let done = 0; done < remaining; done++) {
    const t = await pickCurrent(b.page, 'T0202');
    pickedByPilar.push(`${t.bin}|${t.sku}`);
    await expect(bProgress).toHaveText(new RegExp(`^\\s*${done + 1}\\s*/\\s*${remaining}`));
  }
  expect(pickedByPilar).toContain(`${stale.bin}|${stale.sku}`);
  await expect(b.page.getByTestId('wave-done')).toBeVisible();
  await expect(b.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });

  // Pat's handheld comes back with its stale pick.
  await a.context.setOffline(false);
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  const handover = a.page.getByTestId('handover');
  await expect(handover).toContainText(`${code}'s remaining lines were given to Pilar Recogedora.`, { timeout: 30_000 });
  await expect(handover).toContainText(`Your finished lines of ${code} are now ${code}.2: drop them off at a pack bench.`);
  await expect(a.page.getByTestId('task-bin')).toHaveCount(0);
  await expectAccessible(a.page);
  const fix = a.page.getByRole('link', { name: '1 thing to fix: see what to do' });
  await expect(fix).toBeVisible({ timeout: 30_000 });
  await fix.click();
  const cardA = a.page.getByRole('article');
  await expect(cardA).toHaveCount(1);
  await expect(cardA).toHaveAccessibleName('Pilar Recogedora already picked this line');
  await expect(cardA.getByText(new RegExp(`^Take ${stale.open} x .+ out of tote T0201 and put (it|them) back in bin ${stale.bin}\\.$`))).toBeVisible();

  // The lead's board names whose pick goes back to the bin.
  await expect(card.getByTestId('wave-alerts')).toHaveText('1 pick by Pat Picker refused: the line was already picked; the units go back to the bin', { timeout: 30_000 });

  // The server's state follows the rule: Pilar's picks stand, Pat's stale one is refused and asked back.
  const server = await apiPullAll(request, lead);
  const wave = server.waves.find((w) => w.id === waveId)!;
  expect(wave).toMatchObject({ assignedUserId: PILAR, assignmentEpoch: 2, status: 'done' });
  const split = server.waves.find((w) => w.code === `${code}.2`)!;
  expect(split).toMatchObject({ assignedUserId: PAT, status: 'done' });
  const splitTasks = server.tasks.filter((t) => t.waveId === split.id);
  expect(splitTasks.map((t) => [t.status, t.pickedBy, t.toteCode])).toEqual([['picked', PAT, 'T0201']]);
  const sku = (code: string) => server.skus.find((s) => s.code === code)!.id;
  expect(splitTasks[0]!.skuId).toBe(sku(first.sku));
  const tasks = server.tasks.filter((t) => t.waveId === waveId);
  expect(tasks).toHaveLength(remaining);
  for (const t of tasks) expect([t.status, t.pickedQty, t.pickedBy, t.toteCode]).toEqual(['picked', t.qty, PILAR, 'T0202']);
  const staleTask = tasks.find((t) => t.skuId === sku(stale.sku))!;
  const exceptions = server.exceptions.filter((e) => e.waveId === waveId);
  expect(exceptions.map((e) => [e.type, e.taskId, e.raisedBy, e.qty, e.status])).toEqual([['line_already_picked', staleTask.id, PAT, stale.open, 'open']]);
  // Nothing was accepted as a stale pick: Pat's line was closed by the time his pick arrived.
  expect(server.exceptions.filter((e) => e.type === 'stale_assignment')).toEqual([]);

  await a.context.close();
  await b.context.close();
  await l.context.close();
});

test('a stale pick on a line still open is accepted, attributed to the old picker, and the new holder and the lead are told', async ({ browser, request }) => {
  const lead = await apiLogin(request, 'U5001', '1234');
  const { id: waveId, code } = await releaseToPat(request, lead, 'ord-plan-6');
  const a = await signIn(browser, 'U1001');
  const b = await signIn(browser, 'U1002');
  const l = await signIn(browser, 'U5001');

  await a.page.goto(`/pick/${encodeURIComponent(waveId)}`);
  const progress = a.page.getByTestId('progress');
  await expect(progress).toHaveText(/^\s*0\s*\/\s*2/);
  await pickCurrent(a.page, 'T0211');
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  await a.context.setOffline(true);
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-online', 'false');
  const stale = await pickCurrent(a.page, 'T0211');
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '1');

  await b.page.goto('/pick');
  const bWave = b.page.getByRole('link', { name: new RegExp(`${code}(?!\\.)`) });
  const { card, ask } = await reassignRemainingToPilar(l.page, code, 1, 2);
  await ask.getByRole('button', { name: 'Yes, give it to Pilar Recogedora' }).click();
  await expect(l.page.getByTestId('board-notice')).toContainText(`${code}'s remaining lines now belong to Pilar Recogedora (assignment 2).`);
  await expect(bWave).toBeVisible({ timeout: 2_000 });

  // Pilar has not reached the line when Pat's handheld comes back: his pick stands.
  await a.context.setOffline(false);
  await expect(a.page.getByTestId('sync-indicator')).toHaveAttribute('data-pending', '0', { timeout: 30_000 });
  await expect(a.page.getByTestId('handover')).toContainText(`${code}'s remaining lines were given to Pilar Recogedora.`, { timeout: 30_000 });
  await a.page.getByRole('link', { name: '1 thing to fix: see what to do' }).click();
  await expect(a.page.getByRole('article')).toHaveAccessibleName('Wave given to Pilar Recogedora');
  await expect(a.page.getByRole('article')).toContainText(`Your pick of ${stale.open} x`);

  // Pilar's list says who closed the line; the lead's card names the accepted stale pick.
  await expect(bWave.getByTestId('stale-picks')).toHaveText(`Pat Picker recogió 1 línea de ${code} después de que te la dieran: está hecha, no hay nada que recoger ahí.`, {
    timeout: 30_000,
  });
  await expect(card.getByTestId('wave-alerts')).toHaveText('1 stale pick by Pat Picker accepted (made after the wave was reassigned)', { timeout: 30_000 });

  const server = await apiPullAll(request, lead);
  const sku = server.skus.find((s) => s.code === stale.sku)!.id;
  const task = server.tasks.find((t) => t.waveId === waveId && t.skuId === sku)!;
  expect([task.status, task.pickedQty, task.pickedBy, task.toteCode]).toEqual(['picked', task.qty, PAT, 'T0211']);
  expect(server.waves.find((w) => w.id === waveId)).toMatchObject({ assignedUserId: PILAR, assignmentEpoch: 2, status: 'done' });
  const exceptions = server.exceptions.filter((e) => e.waveId === waveId);
  expect(exceptions.map((e) => [e.type, e.taskId, e.raisedBy, e.qty, e.status])).toEqual([['stale_assignment', task.id, PAT, stale.open, 'open']]);

  await a.context.close();
  await b.context.close();
  await l.context.close();
});

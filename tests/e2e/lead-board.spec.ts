import { expect } from '@playwright/test';
import { uuidv7 } from 'uuidv7';
import { SCHEMA_VERSION } from '../../src/domain/sync';
import { expectAccessible } from './support/bench';
import { testOnOwnServer } from './support/own-server';
import { apiPullAll } from './support/tote';

/** On a server of its own: a pick is pushed to the demo's wave W-0001. */
const test = testOnOwnServer('board');

test("the live board shows the floor, moves on when a picker's scan reaches the server, and is accessible", async ({ page, request, context }) => {
  await page.goto('/');
  await page.getByLabel('Badge').fill('U5001');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /^Shift lead/ }).click();
  await expect(page.getByRole('heading', { name: 'The floor now' })).toBeVisible();

  // The demo's waves: W-0001 released to Pat, W-0003 picked and dropped at a pack bench.
  const released = page.getByTestId('live-waves-released');
  const w1 = released.getByTestId('live-wave').filter({ hasText: 'W-0001' });
  await expect(w1).toContainText('Pat Picker');
  await expect(w1).toContainText(/0 of \d+ lines/);
  await expect(w1).toContainText('No estimate yet');
  await expect(page.getByTestId('live-waves-finished')).toContainText('W-0003');
  await expect(page.getByTestId('live-person').filter({ hasText: 'Pat Picker' })).toContainText('Next: W-0001 (not started)');
  await expect(page.getByTestId('live-devices-online')).toContainText(/\d+ of \d+/);
  await expect(page.getByRole('img', { name: /^Units per hour across the shift for Whole floor: no work recorded yet/ })).toBeVisible();
  await expectAccessible(page);

  // Pat picks W-0001's first line on a handheld; the server's poke moves the board on.
  const deviceId = `e2e-board-pat-${Date.now()}`;
  const login = await request.post('/api/auth/login', { data: { badge: 'U1001', pin: '1234', deviceId } });
  const token = (await login.json()).token as string;
  const all = await apiPullAll(request, token);
  const wave = all.waves.find((w) => w.code === 'W-0001')!;
  const task = all.tasks.filter((t) => t.waveId === wave.id).sort((a, b) => a.walkSeq - b.walkSeq)[0]!;
  const total = all.tasks.filter((t) => t.waveId === wave.id).length;
  const push = await request.post('/api/sync/push', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      deviceId,
      schemaVersion: SCHEMA_VERSION,
      appVersion: 'e2e',
      mutations: [
        {
          id: uuidv7(), deviceId, seq: 1, name: 'pick.confirm', argsVersion: 1, userId: 'u-1001', createdAt: new Date().toISOString(),
          args: { waveId: wave.id, taskId: task.id, qty: task.qty, toteCode: 'T0999', assignmentEpoch: wave.assignmentEpoch },
        },
      ],
    },
  });
  expect((await push.json()).results[0].status).toBe('applied');
  const picking = page.getByTestId('live-waves-picking').getByTestId('live-wave').filter({ hasText: 'W-0001' });
  await expect(picking).toContainText(`1 of ${total} lines`, { timeout: 15_000 });
  const pat = page.getByTestId('live-person').filter({ hasText: 'Pat Picker' });
  await expect(pat).toContainText(`Picking W-0001 (1 of ${total})`);
  await expect(pat).toContainText(/Picked on W-0001, \d+ seconds? ago/);
  await page.getByText('Show the numbers').first().click();
  await expect(page.getByTestId('live-chart-flows').getByRole('table')).toBeVisible();
  await expectAccessible(page);

  // Offline the console says it needs the network; back online the board returns.
  await context.setOffline(true);
  await expect(page.getByTestId('needs-network')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('live-wave').first()).toBeVisible();
});

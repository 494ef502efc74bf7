// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Wave, WarehouseException } from '../../../domain/model';
import '../../i18n';
import { db } from '../../local/db';
import { makeTask } from '../../local/test-db';
import { emitServerPoke } from '../../sync/pokes';
import { useSyncStore } from '../../sync/sync-store';
import type { WaveOrder } from './lead-api';
import { openConsole, standInFetch, type Call, type Reply } from './lead-test-kit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useSyncStore.setState({ online: true });
});

const picking: Wave = { id: 'w1', code: 'W-0001', status: 'picking', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1 };

/** The lead's device holds W-0001 (Pat's, one of three lines picked) and two pickers. */
async function seedBoard(extra: { exceptions?: WarehouseException[] } = {}) {
  await db().waves.put(picking);
  await db().tasks.bulkPut([makeTask('t1', 1, 'o1', { status: 'picked', pickedQty: 1, pickedBy: 'u1' }), makeTask('t2', 1, 'o1'), makeTask('t3', 2, 'o2')]);
  await db().users.bulkPut([
    { id: 'u1', name: 'Pat', roles: ['picker'], language: 'en', version: 1 },
    { id: 'u2', name: 'Pilar', roles: ['picker'], language: 'es', version: 1 },
    { id: 'u5', name: 'Lee', roles: ['lead'], language: 'en', version: 1 },
  ]);
  if (extra.exceptions) await db().exceptions.bulkPut(extra.exceptions);
  fireEvent.click(screen.getByRole('tab', { name: 'Waves board' }));
  return screen.findByTestId('wave-card');
}

const reassignAnswer = (scope: 'wave' | 'remaining') => ({
  waveId: 'w1', code: 'W-0001', scope, assignedUserId: 'u2', previousUserId: 'u1', assignmentEpoch: 2, version: 9, openTaskIds: ['t2', 't3'],
  splitWave: scope === 'remaining' ? { id: 'wave-W-0001.2', code: 'W-0001.2', assignedUserId: 'u1', taskIds: ['t1'] } : null,
});

async function chooseReassign(card: HTMLElement, scope: RegExp) {
  fireEvent.click(within(card).getByRole('button', { name: 'Reassign W-0001' }));
  const select = within(card).getByLabelText('New picker for W-0001');
  // The current holder is not offered, nor anyone who cannot pick.
  expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Choose a picker', 'Pilar']);
  fireEvent.change(select, { target: { value: 'u2' } });
  fireEvent.click(within(card).getByRole('radio', { name: scope }));
  fireEvent.click(within(card).getByRole('button', { name: 'Reassign W-0001…' }));
}

describe('reassigning from the board', () => {
  it('asks first, naming the picker and the wave, then posts the remaining lines and waits for the pull to show the new holder', async () => {
    const calls = standInFetch((c) => (c.path === '/api/waves/w1/reassign' ? { status: 200, body: reassignAnswer('remaining') } : { status: 404, body: null }));
    await openConsole();
    const card = await seedBoard();
    expect(card.textContent).toContain('Assigned to Pat · assignment 1');
    await chooseReassign(card, /^Remaining lines only/);
    // The question is the dialog's name.
    const ask = within(card).getByRole('alertdialog', {
      name: "Give the remaining lines of W-0001 to Pilar? Pat's device is told at its next sync; a line Pat picks meanwhile still counts.",
    });
    // Nothing is sent before the lead says yes.
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.click(within(ask).getByRole('button', { name: 'Yes, give it to Pilar' }));
    expect((await screen.findByTestId('board-notice')).textContent).toBe(
      "W-0001's remaining lines now belong to Pilar (assignment 2). Pat keeps the 1 finished line as W-0001.2, to drop off.",
    );
    expect(calls).toContainEqual({ method: 'POST', path: '/api/waves/w1/reassign', auth: 'Bearer tok', body: { userId: 'u2', scope: 'remaining' } });
    expect(within(card).getByRole('status').textContent).toBe('Done on the server; this board shows it with the next sync.');

    // The poke's pull brings the wave at its new epoch.
    await act(() => db().waves.put({ ...picking, assignedUserId: 'u2', assignmentEpoch: 2, version: 9 }));
    await waitFor(() => expect(screen.getByTestId('wave-assignee').textContent).toBe('Assigned to Pilar · assignment 2'));
    expect(within(screen.getByTestId('wave-card')).queryByRole('status')).toBeNull();
  });

  it('moves the whole wave when asked, and a cancel at the question sends nothing', async () => {
    const calls = standInFetch(() => ({ status: 200, body: reassignAnswer('wave') }));
    await openConsole();
    const card = await seedBoard();
    await chooseReassign(card, /^The whole wave/);
    const ask = within(card).getByRole('alertdialog');
    expect(ask.textContent).toContain('Give the whole of W-0001 to Pilar?');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(within(card).queryByRole('alertdialog')).toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.click(within(card).getByRole('button', { name: 'Reassign W-0001…' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, give it to Pilar' }));
    expect((await screen.findByTestId('board-notice')).textContent).toBe('W-0001 now belongs to Pilar (assignment 2).');
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ userId: 'u2', scope: 'wave' }]);
  });

  it('shows a refusal in words, and the offline state when the server cannot be reached', async () => {
    let reply: Reply = { status: 409, body: { error: { code: 'WAVE_NOTHING_OPEN', message: 'nothing open' } } };
    standInFetch(() => reply);
    await openConsole();
    const card = await seedBoard();
    await chooseReassign(card, /^Remaining lines only/);
    fireEvent.click(within(card).getByRole('button', { name: 'Yes, give it to Pilar' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This wave has no open task left to hand over.');
    reply = 'network-down';
    await chooseReassign(screen.getByTestId('wave-card'), /^Remaining lines only/);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, give it to Pilar' }));
    expect((await screen.findByTestId('needs-network')).textContent).toContain("The shift lead's console needs the network.");
  });

  it("names who made stale picks and whose picks must go back to the bin, from the pulled exceptions", async () => {
    standInFetch(() => ({ status: 404, body: null }));
    await openConsole();
    const ex = (id: string, type: WarehouseException['type'], by: string, status: 'open' | 'resolved' = 'open'): WarehouseException => ({
      id, type, status, waveId: 'w1', taskId: 't2', locationId: 'l1', skuId: 's1', qty: 1, raisedBy: by, mutationId: `m-${id}`, createdAt: '2026-11-25T03:00:00.000Z', version: 3,
    });
    const card = await seedBoard({ exceptions: [ex('e1', 'stale_assignment', 'u1'), ex('e2', 'line_already_picked', 'u1'), ex('e3', 'line_already_picked', 'u1'), ex('e4', 'stale_assignment', 'u2', 'resolved'), ex('e5', 'short_pick', 'u1')] });
    const alerts = within(card).getByTestId('wave-alerts');
    expect([...alerts.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '2 picks by Pat refused: the lines were already picked; the units go back to the bin',
      '1 stale pick by Pat accepted (made after the wave was reassigned)',
    ]);
  });

  it('offers nothing to reassign on a done wave', async () => {
    standInFetch(() => ({ status: 404, body: null }));
    await openConsole();
    await db().waves.put({ ...picking, status: 'done' });
    fireEvent.click(screen.getByRole('tab', { name: 'Waves board' }));
    const card = await screen.findByTestId('wave-card');
    expect(within(card).queryByRole('button', { name: 'Reassign W-0001' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Orders of W-0001' })).toBeNull();
  });
});

describe("a wave's orders", () => {
  const order = (over: Partial<WaveOrder> = {}): WaveOrder => ({
    id: 'o1', orderRef: 'SO-1', status: 'released', priority: 'normal', onHold: false, holdReason: null,
    lines: [
      { lineNo: 1, skuId: 's1', skuCode: 'SKU-1', qty: 2, pickedQty: 2, cancelled: false },
      { lineNo: 2, skuId: 's2', skuCode: 'SKU-2', qty: 1, pickedQty: 0, cancelled: false },
    ],
    ...over,
  });

  function ordersServer(first: WaveOrder) {
    let current = first;
    const answer = (c: Call): Reply => {
      if (c.method === 'GET' && c.path === '/api/waves/w1/orders') return { status: 200, body: { waveId: 'w1', code: 'W-0001', orders: [current] } };
      const body = c.body as Record<string, unknown>;
      if (c.path === '/api/orders/o1/hold') {
        current = { ...current, onHold: body.hold as boolean, status: body.hold ? 'on_hold' : 'released', holdReason: (body.reason as string) ?? null };
        return { status: 200, body: current };
      }
      if (c.path === '/api/orders/o1/priority') {
        current = { ...current, priority: body.priority as WaveOrder['priority'] };
        return { status: 200, body: current };
      }
      if (c.path === '/api/orders/o1/cancel-lines') return { status: 409, body: { error: { code: 'ORDER_ALREADY_PACKED', message: 'packed' } } };
      return { status: 404, body: null };
    };
    return standInFetch(answer);
  }

  it('lists them from the server with their lines, holds with a reason, raises the priority, and reloads on a poke', async () => {
    const calls = ordersServer(order());
    await openConsole();
    const card = await seedBoard();
    fireEvent.click(within(card).getByRole('button', { name: 'Orders of W-0001' }));
    const row = await within(card).findByTestId('wave-order');
    expect(row.textContent).toContain('Released · priority normal · 1 of 2 lines still to pick');
    expect(row.textContent).toContain('Line 1: SKU-1, 2 of 2 picked');
    expect(row.textContent).toContain('Line 2: SKU-2, 0 of 1 picked');

    fireEvent.change(within(row).getByLabelText('Reason to hold SO-1 (optional)'), { target: { value: ' address check ' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Hold SO-1' }));
    expect((await within(card).findByTestId('orders-notice')).textContent).toBe('SO-1 is on hold.');
    expect(calls).toContainEqual({ method: 'POST', path: '/api/orders/o1/hold', auth: 'Bearer tok', body: { hold: true, reason: 'address check' } });
    expect(await within(card).findByText('On hold: address check')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Make SO-1 urgent' }));
    await waitFor(() => expect(within(card).getByTestId('orders-notice').textContent).toBe('SO-1 is now urgent.'));
    expect(calls).toContainEqual({ method: 'POST', path: '/api/orders/o1/priority', auth: 'Bearer tok', body: { priority: 'urgent' } });
    await waitFor(() => expect(within(card).queryByRole('button', { name: /^Make SO-1/ })).toBeNull());

    fireEvent.click(within(card).getByRole('button', { name: 'Release the hold on SO-1' }));
    await waitFor(() => expect(within(card).getByTestId('orders-notice').textContent).toBe('SO-1 is no longer on hold.'));
    expect(calls.filter((c) => c.path === '/api/orders/o1/hold').map((c) => c.body)).toEqual([{ hold: true, reason: 'address check' }, { hold: false }]);

    const gets = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/waves/w1/orders').length;
    const before = gets();
    act(() => emitServerPoke());
    await waitFor(() => expect(gets()).toBe(before + 1));
  });

  it('cancels what is left only after a confirmation, and says why the server refused', async () => {
    const calls = ordersServer(order());
    await openConsole();
    const card = await seedBoard();
    fireEvent.click(within(card).getByRole('button', { name: 'Orders of W-0001' }));
    const row = await within(card).findByTestId('wave-order');
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel what is left of SO-1' }));
    const ask = within(row).getByRole('alertdialog');
    expect(ask.textContent).toContain('Cancel the 1 line of SO-1 not yet picked?');
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep them' }));
    expect(calls.some((c) => c.path === '/api/orders/o1/cancel-lines')).toBe(false);
    fireEvent.click(within(row).getByRole('button', { name: 'Cancel what is left of SO-1' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, cancel them' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(
      (await import('../../i18n')).default.t('errors.ORDER_ALREADY_PACKED'),
    );
    expect(calls).toContainEqual({ method: 'POST', path: '/api/orders/o1/cancel-lines', auth: 'Bearer tok', body: {} });
  });
});

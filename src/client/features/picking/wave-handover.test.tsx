// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Wave } from '../../../domain/model';
import '../../i18n';
import { db } from '../../local/db';
import { rebuildView } from '../../local/outbox';
import { freshDb, makeTask, WAVE } from '../../local/test-db';
import { publishScan } from '../../scan/scan-bus';
import { usePickStore } from './pick-store';
import WaveListPage from './wave-list-page';
import WavePage from './wave-page';

const loc = { id: 'l1', code: 'A01-03-2', zone: 'A', type: 'pick_face' as const, aisle: 1, bay: 3, level: 2, walkSeq: 1, capacity: null, version: 1 };

/** What a pull brings after the lead's reassignment: W-1 is Pilar's, and (scope remaining) Pat's finished line is W-1.2. */
async function pullReassigned(scope: 'wave' | 'remaining') {
  const moved: Wave = { ...WAVE, status: 'picking', assignedUserId: 'u2', assignmentEpoch: 2, version: 5 };
  await db().srvWaves.bulkPut(
    scope === 'remaining' ? [moved, { ...WAVE, id: 'wave-W-1.2', code: 'W-1.2', status: 'done', assignedUserId: 'u1', assignmentEpoch: 1, version: 5 }] : [moved],
  );
  if (scope === 'remaining') {
    await db().srvTasks.delete('t1');
    await db().srvTasks.put(makeTask('t1', 1, 'o1', { waveId: 'wave-W-1.2', status: 'picked', pickedQty: 1, pickedBy: 'u1', toteCode: 'T0001', version: 5 }));
  }
  await act(() => rebuildView());
}

function open(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/pick', element: <WaveListPage /> },
      { path: '/pick/:waveId', element: <WavePage /> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

beforeEach(async () => {
  await freshDb();
  usePickStore.setState({ flows: {}, selected: {} });
  await db().locations.put(loc);
  await db().users.bulkPut([
    { id: 'u1', name: 'Pat', roles: ['picker'], language: 'en', version: 1 },
    { id: 'u2', name: 'Pilar', roles: ['picker'], language: 'es', version: 1 },
  ]);
});
afterEach(cleanup);

describe('a wave reassigned away from the picker', () => {
  it('the pick screen says the remaining lines went to Pilar, stops the picking, and leads to the split wave', async () => {
    const router = open('/pick/w1');
    await screen.findByTestId('task-bin');
    await pullReassigned('remaining');
    const panel = await screen.findByTestId('handover');
    expect(panel.getAttribute('role')).toBe('alert');
    expect(panel.textContent).toContain("W-1's remaining lines were given to Pilar.");
    expect(panel.textContent).toContain('Your finished lines of W-1 are now W-1.2: drop them off at a pack bench.');
    expect(panel.textContent).toContain('What you picked before you were told still counts.');
    expect(screen.queryByTestId('task-bin')).toBeNull();
    // A scan here records nothing any more.
    // The pick screen still listens (the scan is taken) but its handler drops it at once.
    const flowBefore = usePickStore.getState().flows.w1;
    let taken = false;
    await act(async () => {
      taken = publishScan({ source: 'wedge', raw: 'A01-03-2', at: 0 });
    });
    expect(taken).toBe(true);
    // A bin scan would have moved the flow on to the item.
    expect(usePickStore.getState().flows.w1).toEqual(flowBefore);
    expect(screen.queryByTestId('step')).toBeNull();
    expect(await db().outbox.count()).toBe(0);
    fireEvent.click(within(panel).getByRole('link', { name: 'Drop off W-1.2' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/pick/wave-W-1.2'));
    expect(await screen.findByTestId('dropoff')).toBeTruthy();
  });

  it('the wave list tells what happened to a wave it showed, until the picker says OK', async () => {
    open('/pick');
    expect((await screen.findByRole('link', { name: /W-1/ })).textContent).toContain('W-1');
    // The list remembered W-1 as Pat's before the reassignment arrives.
    await waitFor(async () => expect((await db().meta.get('pick-mine:u1'))?.value).toEqual({ w1: 'W-1' }));
    await pullReassigned('wave');
    const notice = await screen.findByTestId('handover');
    expect(notice.getAttribute('data-scope')).toBe('wave');
    expect(notice.textContent).toContain('W-1 was reassigned to Pilar, with what is already picked: hand the totes over to Pilar.');
    expect(screen.queryByRole('link', { name: /W-1/ })).toBeNull();
    fireEvent.click(within(notice).getByRole('button', { name: 'OK, got it (W-1)' }));
    await waitFor(() => expect(screen.queryByTestId('handover')).toBeNull());
    expect(screen.getByText('No waves assigned to you right now.')).toBeTruthy();
  });

  it('the list names the split wave when only the remaining lines moved, and shows it to drop off', async () => {
    open('/pick');
    await screen.findByRole('link', { name: /W-1/ });
    await waitFor(async () => expect((await db().meta.get('pick-mine:u1'))?.value).toEqual({ w1: 'W-1' }));
    await pullReassigned('remaining');
    const notice = await screen.findByTestId('handover');
    expect(notice.textContent).toBe("W-1's remaining lines were given to Pilar.Your finished lines of W-1 are now W-1.2: drop them off at a pack bench.OK, got it (W-1)");
    expect(screen.getByRole('link', { name: /W-1\.2/ })).toBeTruthy();
  });

  it('says nothing about waves that were never shown as this picker\'s', async () => {
    await db().srvWaves.put({ ...WAVE, id: 'w9', code: 'W-9', assignedUserId: 'u2' });
    await rebuildView();
    open('/pick');
    await screen.findByRole('link', { name: /W-1/ });
    await waitFor(async () => expect((await db().meta.get('pick-mine:u1'))?.value).toEqual({ w1: 'W-1' }));
    expect(screen.queryByTestId('handover')).toBeNull();
  });
});

describe('a wave given to this picker after someone picked on it offline', () => {
  const stale = (id: string, by: string, status: 'open' | 'resolved' = 'open', type: 'stale_assignment' | 'short_pick' = 'stale_assignment') => ({
    id, type, status, waveId: 'w1', taskId: 't2', locationId: 'l1', skuId: 's1', qty: 1, raisedBy: by, mutationId: `m-${id}`, createdAt: '2026-11-25T03:00:00.000Z', version: 4,
  });

  it('the list and the pick screen say who picked lines of it after it was given to them', async () => {
    // Pilar (u2) had W-1 before; her offline picks were accepted after it became Pat's.
    await db().exceptions.bulkPut([stale('e1', 'u2'), stale('e2', 'u2'), stale('e3', 'u2', 'resolved'), stale('e4', 'u1'), stale('e5', 'u2', 'open', 'short_pick')]);
    open('/pick');
    const note = await screen.findByTestId('stale-picks');
    expect(note.textContent).toBe('Pilar picked 2 lines of W-1 after it was given to you: they are done, nothing to pick there.');
    cleanup();
    open('/pick/w1');
    await screen.findByTestId('task-bin');
    expect((await screen.findByTestId('stale-picks')).textContent).toContain('Pilar picked 2 lines of W-1');
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { db } from '../../local/db';
import { rebuildView } from '../../local/outbox';
import { freshDb, makeTask, WAVE } from '../../local/test-db';
import { scanAndWait } from '../../scan/test-scan';
import { usePickStore } from './pick-store';
import WavePage from './wave-page';

const scan = scanAndWait;
const step = () => screen.getByTestId('step').getAttribute('data-step');
const mount = async () => {
  const router = createMemoryRouter([{ path: '/pick/:waveId', element: <WavePage /> }], { initialEntries: ['/pick/w1'] });
  render(<RouterProvider router={router} />);
  await screen.findByTestId('step');
};

// Three orders at one bin and SKU (one merged stop), and a fourth order's line further on.
beforeEach(async () => {
  await freshDb();
  usePickStore.setState({ flows: {}, selected: {} });
  const d = db();
  await d.srvWaves.put({ ...WAVE, kind: 'cluster' });
  await d.srvTasks.clear();
  await d.srvTasks.bulkPut([
    makeTask('t1', 1, 'o1', { walkSeq: 1 }),
    makeTask('t2', 2, 'o2', { walkSeq: 1 }),
    makeTask('t3', 1, 'o3', { walkSeq: 1 }),
    makeTask('t4', 1, 'o4', { walkSeq: 2, locationId: 'l2' }),
  ]);
  await rebuildView();
  await d.locations.bulkPut([
    { id: 'l1', code: 'A01-03-2', zone: 'A', type: 'pick_face', aisle: 1, bay: 3, level: 2, walkSeq: 1, capacity: null, version: 1 },
    { id: 'l2', code: 'A02-01-1', zone: 'A', type: 'pick_face', aisle: 2, bay: 1, level: 1, walkSeq: 2, capacity: null, version: 1 },
  ]);
  await d.skus.put({
    id: 's1', sellerId: 'x', code: 'LUMA-0007', name: 'Desk lamp', lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, casePackQty: 6,
    lotTracked: false, expiryTracked: false, lowStockThreshold: 0, version: 1,
    barcodes: [{ value: '05012345678900', kind: 'gtin', packQty: 1 }], barcodeValues: ['LUMA-0007', '05012345678900'],
  });
  await d.totes.bulkPut([1, 2, 3, 4, 5].map((i) => ({ id: `tt${i}`, code: `T000${i}`, version: 1 })));
  await mount();
});
afterEach(cleanup);

describe('cluster wave screen', () => {
  it('loads the cart, then a merged stop goes tote by tote; a wrong tote records nothing', async () => {
    expect(step()).toBe('cart');
    await scan('T0001', 'T0002', 'T0001');
    expect(screen.getByRole('alert').textContent).toBe('Tote T0001 is already on this cart, in slot 1. Scan another tote.');
    await scan('T0003', 'T0004');
    await waitFor(() => expect(step()).toBe('bin'));
    await scan('A01-03-2', 'LUMA-0007', 'LUMA-0007', 'LUMA-0007', 'LUMA-0007');
    expect(step()).toBe('tote');
    expect(screen.getByTestId('step').textContent).toBe('Put 1 in slot 1: scan its tote');
    // Slot 4's order has nothing at this stop.
    await scan('T0004');
    expect(screen.getByRole('alert').textContent).toBe('Wrong tote: that is slot 4, this item goes in slot 1');
    expect(await db().outbox.count()).toBe(0);
    await scan('T0003', 'T0001', 'T0002');
    await waitFor(async () => expect(await db().outbox.count()).toBe(3));
    const rows = await db().outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.name, (r.args as { taskId: string }).taskId, (r.args as { toteCode: string }).toteCode])).toEqual([
      ['pick.confirm', 't3', 'T0003'],
      ['pick.confirm', 't1', 'T0001'],
      ['pick.confirm', 't2', 'T0002'],
    ]);
    await waitFor(() => expect(screen.getByTestId('task-bin').textContent).toBe('A02-01-1'));
  });

  it('keeps the loaded cart across a reload', async () => {
    await scan('T0001', 'T0002');
    cleanup();
    usePickStore.setState({ flows: {}, selected: {} });
    await mount();
    const slots = await screen.findAllByRole('listitem');
    expect(slots.map((li) => li.getAttribute('data-tote'))).toEqual(['T0001', 'T0002', '', '']);
  });

  it('skip moves the stop to the end of the walk', async () => {
    await scan('T0001', 'T0002', 'T0003', 'T0004');
    await waitFor(() => expect(step()).toBe('bin'));
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.getByTestId('task-bin').textContent).toBe('A02-01-1'));
    expect((await db().outbox.toArray()).map((r) => r.name)).toEqual(['pick.skip']);
  });

  it('undoes the last pick after a confirm dialog', async () => {
    await scan('T0001', 'T0002', 'T0003', 'T0004', 'A01-03-2', 'LUMA-0007', 'LUMA-0007', 'LUMA-0007', 'LUMA-0007', 'T0001');
    await waitFor(async () => expect(await db().outbox.count()).toBe(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo recent picks' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo 1 × LUMA-0007 from T0001' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('put them back in bin A01-03-2');
    fireEvent.click(screen.getByRole('button', { name: 'Undo pick' }));
    await waitFor(async () => expect(await db().outbox.count()).toBe(2));
    const [confirm, undo] = await db().outbox.orderBy('seq').toArray();
    expect(undo).toMatchObject({ name: 'pick.undo', args: { taskId: 't1', mutationIdToUndo: confirm!.id, qty: 1, toteCode: 'T0001' } });
  });
});

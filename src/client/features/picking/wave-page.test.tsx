// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { db } from '../../local/db';
import { freshDb } from '../../local/test-db';
import { publishScan } from '../../scan/scan-bus';
import WavePage from './wave-page';
import { usePickStore } from './pick-store';

async function scan(raw: string) {
  await act(async () => {
    publishScan({ source: 'wedge', raw, at: 0 });
    await new Promise((r) => setTimeout(r, 30));
  });
}

beforeEach(async () => {
  await freshDb();
  usePickStore.setState({ flows: {}, selected: {} });
  await db().locations.put({ id: 'l1', code: 'A01-03-2', zone: 'A', type: 'pick_face', aisle: 1, bay: 3, level: 2, walkSeq: 1, capacity: null, version: 1 });
  await db().skus.put({
    id: 's1', sellerId: 'x', code: 'LUMA-0007', name: 'Desk lamp', lengthMm: 1, widthMm: 1, heightMm: 1, weightG: 1, casePackQty: 6,
    lotTracked: false, expiryTracked: false, lowStockThreshold: 0, version: 1,
    barcodes: [{ value: '05012345678900', kind: 'gtin', packQty: 1 }], barcodeValues: ['LUMA-0007', '05012345678900'],
  });
  await db().totes.bulkPut([{ id: 'tt1', code: 'T0001', version: 1 }, { id: 'tt2', code: 'T0002', version: 1 }]);
  const router = createMemoryRouter([{ path: '/pick/:waveId', element: <WavePage /> }], { initialEntries: ['/pick/w1'] });
  render(<RouterProvider router={router} />);
  await screen.findByTestId('task-bin');
});
afterEach(cleanup);

describe('wave screen', () => {
  it('shows the current task with the contract hooks', () => {
    expect(screen.getByTestId('task-bin').textContent).toBe('A01-03-2');
    expect(screen.getByTestId('task-sku').textContent).toBe('LUMA-0007');
    expect(screen.getByTestId('task-order').textContent).toBe('R-o1');
    expect(screen.getByTestId('task-qty').textContent).toBe('0 / 1');
    expect(screen.getByTestId('progress').textContent).toBe('0 / 3');
    expect(screen.getByTestId('step').getAttribute('data-step')).toBe('bin');
  });

  it('wrong bin, wrong item and unknown tote record nothing', async () => {
    await scan('B02-01-1');
    expect(screen.getByRole('alert').textContent).toBe('Wrong bin: go to A01-03-2');
    await scan('A01-03-2');
    await scan('LUMA-0008');
    expect(screen.getByRole('alert').textContent).toBe('Wrong item: pick LUMA-0007');
    await scan('LUMA-0007');
    expect(screen.getByTestId('step').getAttribute('data-step')).toBe('tote');
    await scan('T9999');
    expect(screen.getByRole('alert').textContent).toBe('Not a known tote: T9999');
    expect(await db().outbox.count()).toBe(0);
    expect(screen.getByTestId('progress').textContent).toBe('0 / 3');
  });

  it('records one pick.confirm for bin, item, tote and moves to the next task', async () => {
    await scan('A01-03-2');
    await scan('05012345678900');
    await scan('t0001');
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('1 / 3'));
    const rows = await db().outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'pick.confirm', args: { taskId: 't1', qty: 1, toteCode: 'T0001', assignmentEpoch: 1 } });
    expect(screen.getByTestId('task-qty').textContent).toBe('0 / 3');
    expect(screen.getByTestId('step').getAttribute('data-step')).toBe('bin');
  });

  it('handles scans arriving back to back, faster than the screen re-renders', async () => {
    await act(async () => {
      for (const raw of ['A01-03-2', 'LUMA-0007', 'T0001', 'A01-03-2', 'LUMA-0007', 'LUMA-0007', 'LUMA-0007', 'T0002']) {
        publishScan({ source: 'wedge', raw, at: 0 });
      }
      await new Promise((r) => setTimeout(r, 100));
    });
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('2 / 3'));
    const rows = await db().outbox.orderBy('seq').toArray();
    expect(rows.map((r) => (r.args as { taskId: string }).taskId)).toEqual(['t1', 't2']);
    expect(rows[1]).toMatchObject({ args: { qty: 3, toteCode: 'T0002' } });
  });

  it('refuses a tote that holds another order in the wave', async () => {
    await scan('A01-03-2');
    await scan('LUMA-0007');
    await scan('T0001');
    await waitFor(() => expect(screen.getByTestId('progress').textContent).toBe('1 / 3'));
    await scan('A01-03-2');
    await scan('LUMA-0007');
    await scan('LUMA-0007');
    await scan('LUMA-0007');
    await scan('T0001');
    expect(screen.getByRole('alert').textContent).toBe('Tote T0001 holds another order');
    expect(await db().outbox.count()).toBe(1);
  });
});

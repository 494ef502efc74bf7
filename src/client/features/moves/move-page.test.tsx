// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { db } from '../../local/db';
import { inventoryDb } from '../../local/lookup-fixture';
import { scanAndWait as scan } from '../../scan/test-scan';
import MovePage from './move-page';
import { useMoveSession } from './move-session';

beforeEach(async () => {
  useMoveSession.getState().reset();
  await inventoryDb(['receiver']);
  const router = createMemoryRouter([{ path: '/move', element: <MovePage /> }], { initialEntries: ['/move'] });
  render(<RouterProvider router={router} />);
  await screen.findByRole('heading', { name: 'Move stock' });
});
afterEach(cleanup);

const message = () => screen.getByTestId('move-message').textContent;

describe('move screen', () => {
  it('refuses more than the bin holds, then records the move once the quantity is right', async () => {
    await scan('A-01-01', '10000000000014');
    expect(screen.getByTestId('move-step').getAttribute('data-step')).toBe('to');
    expect(screen.getByTestId('move-qty').textContent).toBe('6 units to move');
    await scan('A-01-02');
    expect(message()).toBe('A-01-01 holds only 5 of MUG-1. Move fewer units, or count the bin.');
    expect(await db().outbox.count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Change the number of units' }));
    fireEvent.change(screen.getByLabelText('Units to move'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    await waitFor(() => expect(screen.getByTestId('move-qty').getAttribute('data-qty')).toBe('4'));
    await scan('A-01-02');
    expect(message()).toBe('Moved 4 × MUG-1 from A-01-01 to A-01-02.');
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => [r.name, r.args])).toEqual([['stock.move', { fromLocationId: 'l-a1', toLocationId: 'l-a2', skuId: 's-mug', lot: null, qty: 4 }]]);
    expect(screen.getByTestId('move-step').getAttribute('data-step')).toBe('from');
  });

  it('tells a picker moving stock is not their job', async () => {
    cleanup();
    await inventoryDb(['picker']);
    const router = createMemoryRouter([{ path: '/move', element: <MovePage /> }], { initialEntries: ['/move'] });
    render(<RouterProvider router={router} />);
    expect((await screen.findByTestId('move-not-allowed')).textContent).toBe('Moving stock needs the receiver, returns clerk or shift lead role.');
  });

  it('asks which lot when the bin holds several, and refuses a bin that is not storage', async () => {
    await scan('A-01-01', '00000000000024');
    expect(screen.getByTestId('move-step').getAttribute('data-step')).toBe('lot');
    fireEvent.click(screen.getByRole('button', { name: 'Lot L2 (2 in the bin)' }));
    await waitFor(() => expect(screen.getByTestId('move-step').getAttribute('data-step')).toBe('to'));
    await scan('RET-01');
    expect(message()).toBe('That is not a storage bin. Scan a pick face or reserve bin.');
    await scan('R-01-01');
    expect((await db().outbox.toArray()).map((r) => r.args)).toEqual([{ fromLocationId: 'l-a1', toLocationId: 'l-r1', skuId: 's-tea', lot: 'L2', qty: 1 }]);
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import '../../i18n';
import type { ReplenishTask } from '../../../domain/replenish/types';
import { db } from '../../local/db';
import { inventoryDb } from '../../local/lookup-fixture';
import { applyPullPage } from '../../local/server-state';
import { emptyPull } from '../../local/test-db';
import { scanAndWait as scan } from '../../scan/test-scan';
import ReplenishPage from './replenish-page';
import { useReplenishSession } from './replenish-session';

const task = (id: string, locationId: string, skuId: string, qty: number): ReplenishTask => ({
  id, locationId, skuId, fromLocationId: 'l-r1', lot: null, expiry: null, qty, status: 'open', minQty: 5, maxQty: 20, createdAt: '2026-01-01T00:00:00Z', version: 2,
});

async function open(roles: string[]) {
  useReplenishSession.getState().reset();
  await inventoryDb(roles);
  await applyPullPage(emptyPull({ cursor: 2, replenish: { tasks: [task('rt-2', 'l-a2', 's-pan', 6), task('rt-1', 'l-a1', 's-mug', 12)] } }), { final: true, userId: 'u1' });
  const router = createMemoryRouter([{ path: '/replenish', element: <ReplenishPage /> }], { initialEntries: ['/replenish'] });
  render(<RouterProvider router={router} />);
}
afterEach(cleanup);

const message = () => screen.getByTestId('replenish-message').textContent;
const step = () => screen.getByTestId('replenish-step').getAttribute('data-step');

describe('replenish screen', () => {
  it('lists open tasks in walk order, takes the reserve bin, the item and the face, and records one confirm', async () => {
    await open(['receiver']);
    await screen.findByRole('heading', { name: 'Replenish' });
    const list = await screen.findByTestId('replenish-list');
    await waitFor(() => expect(within(list).getAllByTestId('replenish-task').map((b) => b.textContent)).toEqual([
      'MUG-1 → A-01-0112 units from R-01-01 · lot none',
      'PAN-1 → A-01-026 units from R-01-01 · lot none',
    ]));
    await scan('A-01-02');
    expect(message()).toBe('No replenishment takes from A-01-02. Choose one from the list.');
    await scan('R-01-01');
    expect(step()).toBe('item');
    await scan('00000000000031');
    expect(message()).toBe('Wrong item.');
    await scan('10000000000014');
    expect(step()).toBe('to');
    expect(screen.getByTestId('replenish-qty').textContent).toBe('12 units to bring');
    fireEvent.click(screen.getByRole('button', { name: 'Change the number of units' }));
    fireEvent.change(screen.getByLabelText('Units to bring'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    await waitFor(() => expect(screen.getByTestId('replenish-qty').getAttribute('data-qty')).toBe('10'));
    await scan('A-01-02');
    expect(message()).toBe('That is not the pick face of this replenishment. Scan A-01-01.');
    expect(await db().outbox.count()).toBe(0);
    await scan('A-01-01');
    expect(message()).toBe('Brought 10 × MUG-1 from R-01-01 to A-01-01.');
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => [r.name, r.args])).toEqual([['replenish.confirm', { taskId: 'rt-1', fromLocationId: 'l-r1', toLocationId: 'l-a1', lot: null, qty: 10 }]]);
    // Done on this device: gone from the list, and a second confirm is refused before anything is written.
    await waitFor(() => expect(within(screen.getByTestId('replenish-list')).getAllByTestId('replenish-task')).toHaveLength(1));
    fireEvent.click(within(screen.getByTestId('replenish-list')).getByRole('button'));
    await waitFor(() => expect(step()).toBe('from'));
    await scan('A-01-01');
    expect(message()).toBe('That bin is not a reserve bin. Scan the reserve bin you are taking from.');
    expect(await db().outbox.count()).toBe(1);
  });

  it('tells a picker replenishing is not their job', async () => {
    await open(['picker']);
    expect((await screen.findByTestId('replenish-not-allowed')).textContent).toBe('Replenishing needs the receiver or shift lead role.');
  });
});

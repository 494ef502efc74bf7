// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from 'i18next';
import '../../i18n';
import type { PutawayTask } from '../../../domain/inbound/snapshot';
import { db } from '../../local/db';
import { GTIN, SNAPSHOT, pullInbound, signInAsReceiver } from '../../local/receiving-fixture';
import { freshDb } from '../../local/test-db';
import { scanAndWait as scan } from '../../scan/test-scan';
import PutawayPage from './putaway-page';
import { usePutawaySession } from './putaway-session';

const task = (id: string, skuId: string, qty: number, suggestedLocationId: string | null): PutawayTask => ({
  id, receiptId: 'r1', returnId: null, skuId, lot: null, expiry: null, qty, condition: 'ok',
  fromLocationId: 'loc-RCV-01', suggestedLocationId, status: 'open', createdAt: '2026-11-25T00:00:00.000Z',
});

beforeEach(async () => {
  usePutawaySession.getState().reset();
  await freshDb();
  await signInAsReceiver();
  await pullInbound({ ...SNAPSHOT, putawayTasks: [task('p1', 'sku-cream', 5, 'loc-C-01')] });
  const router = createMemoryRouter([{ path: '/putaway', element: <PutawayPage /> }], { initialEntries: ['/putaway'] });
  render(<RouterProvider router={router} />);
  await screen.findByRole('button', { name: /CREAM/ });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
});
afterEach(cleanup);

const message = () => screen.getByTestId('putaway-message').textContent;

describe('the putaway screen', () => {
  it('item, then the suggested bin, then Confirm: one putaway.confirm with no reason', async () => {
    await scan('C-01');
    expect(message()).toBe('Scan the item first, then the bin.');
    await scan(GTIN.cream);
    expect(within(screen.getByTestId('putaway-task')).getByTestId('putaway-suggested').textContent).toBe('C-01');
    await scan('C-01');
    expect(screen.getByTestId('putaway-to').textContent).toBe('Into C-01');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm putaway' }));
    await waitFor(() => expect(message()).toBe('Put away: 5 units in C-01'));
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => [r.name, r.args])).toEqual([['putaway.confirm', { taskId: 'p1', toLocationId: 'loc-C-01', qty: 5, reason: null }]]);
    await screen.findByText('Nothing to put away.');
  });

  it('another bin needs a reason before Confirm; fewer units leave the rest open', async () => {
    await scan(GTIN.cream, 'C-02');
    const confirm = () => screen.getByRole('button', { name: 'Confirm putaway' }) as HTMLButtonElement;
    expect(message()).toBe('C-02 is not the suggested bin: say why.');
    expect(confirm().disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Why another bin?'), { target: { value: 'full' } });
    fireEvent.change(screen.getByLabelText('Units put away'), { target: { value: '2' } });
    expect(confirm().disabled).toBe(false);
    fireEvent.click(confirm());
    await waitFor(() => expect(message()).toBe('Put away: 2 units in C-02. 3 still to put away.'));
    expect((await db().outbox.toArray()).map((r) => r.args)).toEqual([{ taskId: 'p1', toLocationId: 'loc-C-02', qty: 2, reason: 'full' }]);
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Units put away' })).toHaveProperty('value', '3'));
  });

  it('a dock is refused as destination at its scan and nothing is written', async () => {
    await scan(GTIN.cream, 'RCV-01');
    expect(message()).toBe(i18n.t('errors.NOT_A_STORAGE_LOCATION'));
    expect(screen.getByTestId('putaway-to').textContent).toBe('Scan the destination bin.');
    expect((screen.getByRole('button', { name: 'Confirm putaway' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await db().outbox.count()).toBe(0);
  });
});

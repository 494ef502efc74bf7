// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import type { ReturnGradeArgs } from '../../../domain/commands/inbound';
import { db } from '../../local/db';
import { inventoryDb } from '../../local/lookup-fixture';
import { scanAndWait as scan } from '../../scan/test-scan';
import ReturnsPage from './returns-page';
import { useReturnsSession } from './returns-session';

beforeEach(async () => {
  useReturnsSession.getState().clear();
  await inventoryDb(['returns']);
  const router = createMemoryRouter([{ path: '/returns', element: <ReturnsPage /> }], { initialEntries: ['/returns'] });
  render(<RouterProvider router={router} />);
  await screen.findByTestId('returns-bench');
});
afterEach(cleanup);

const message = () => screen.getByTestId('returns-message').textContent;

describe('returns screen', () => {
  it('finds the order by tracking number, grades a sealed sellable unit and a wrong item, and writes one return.grade with the restock task', async () => {
    await scan('LT000000019US');
    expect(await screen.findByRole('heading', { name: 'Order SO-9001' })).toBeTruthy();
    await scan('00000000000017');
    const [card] = await screen.findAllByTestId('return-unit');
    fireEvent.click(within(card!).getByLabelText('Sellable'));
    expect(within(card!).getByTestId('return-disposition').getAttribute('data-disposition')).toBe('quarantine');
    fireEvent.click(within(card!).getByLabelText('Still sealed in its original packaging'));
    expect(within(card!).getByTestId('return-disposition').getAttribute('data-disposition')).toBe('restock');
    fireEvent.click(screen.getByRole('button', { name: 'Grade 1 unit' }));
    await waitFor(() => expect(message()).toBe('Give a reason for this grade.'));
    expect(await db().outbox.count()).toBe(0);
    fireEvent.change(within(card!).getByLabelText('Reason (required)'), { target: { value: 'Did not fit' } });

    fireEvent.click(screen.getByRole('button', { name: 'Add a returned PAN-1' }));
    const second = (await screen.findAllByTestId('return-unit'))[1]!;
    fireEvent.click(within(second).getByLabelText('Wrong item'));
    fireEvent.change(within(second).getByLabelText('Reason (required)'), { target: { value: 'Sent a tea instead' } });
    await scan('00000000000024');
    await waitFor(() => expect(within(second).getByTestId('return-found').textContent).toBe('Found instead: TEA-1'));

    fireEvent.click(screen.getByRole('button', { name: 'Grade 2 units' }));
    await waitFor(() => expect(message()).toBe('2 units graded (1 to put away).'));
    const rows = await db().outbox.toArray();
    expect(rows).toHaveLength(1);
    const args = rows[0]!.args as ReturnGradeArgs;
    expect(args).toMatchObject({ orderId: 'o-9', locationId: 'l-ret', scannedRef: 'LT000000019US' });
    expect(args.units.map((u) => [u.skuId, u.grade, u.sealed, u.foundSkuId, u.reason])).toEqual([
      ['s-mug', 'sellable', true, null, 'Did not fit'],
      ['s-pan', 'wrong_item', false, 's-tea', 'Sent a tea instead'],
    ]);
    expect((await db().putawayTasks.toArray()).map((t) => [t.id, t.skuId, t.qty])).toEqual([[`${rows[0]!.id}:putaway:0`, 's-mug', 1]]);
    // The returned quantity shows at once; a wrong item does not use up the order's pan.
    await waitFor(() => expect(screen.getAllByTestId('return-line-qty').map((e) => e.textContent)).toEqual(['Sent 2 · returned 1', 'Sent 1 · returned 0']));
 
  }, 20_000);

  it('tells a receiver grading is not their job', async () => {
    cleanup();
    await inventoryDb(['receiver']);
    const router = createMemoryRouter([{ path: '/returns', element: <ReturnsPage /> }], { initialEntries: ['/returns'] });
    render(<RouterProvider router={router} />);
    expect((await screen.findByTestId('returns-not-allowed')).textContent).toBe('Grading returns needs the returns clerk or shift lead role.');
  });

  it('refuses an unknown order and an item not on the order', async () => {
    await scan('SO-0000');
    expect(message()).toBe('No order on this device matches SO-0000. Check the number, or sync and scan again.');
    expect(screen.getByTestId('returns-message').getAttribute('data-kind')).toBe('error');
    await scan('SO-9001', '00000000000024');
    expect(message()).toBe('This item is not on the order. Grade it as a wrong item against an item of the order.');
  });
});

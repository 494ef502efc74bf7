// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import type { CountSubmitArgs } from '../../../domain/commands/inbound';
import { db } from '../../local/db';
import { inventoryDb } from '../../local/lookup-fixture';
import { useFeedbackStore } from '../../scan/feedback-store';
import { scanAndWait as scan } from '../../scan/test-scan';
import CountPage from './count-page';
import { useCountSession } from './count-session';

beforeEach(async () => {
  useCountSession.getState().clear();
  await inventoryDb(['picker']);
  const router = createMemoryRouter([{ path: '/count', element: <CountPage /> }], { initialEntries: ['/count'] });
  render(<RouterProvider router={router} />);
  await screen.findByRole('heading', { name: 'Count' });
});
afterEach(cleanup);

const submitted = async () => (await db().outbox.toArray()).map((r) => [r.name, r.args as CountSubmitArgs]);

describe('count screen', () => {
  it('counts blind: the bin first, then each unit (a case counts its pack), typed quantities, submit', async () => {
    expect((await screen.findAllByTestId('count-task')).map((b) => b.textContent)).toEqual([
      expect.stringContaining('A-01-01'),
      expect.stringContaining('A-01-02'),
    ]);
    fireEvent.click(screen.getAllByTestId('count-task')[0]!);
    await scan('00000000000017');
    expect(useFeedbackStore.getState().flash?.kind).toBe('error');
    await scan('A-01-02');
    expect((await screen.findByTestId('count-message')).textContent).toMatch(/not the bin/);
    await scan('A-01-01', '00000000000017', '00000000000017', '10000000000014', '00000000000024');
    // The tea is counted by lot and its plain barcode does not carry one: it is asked for first.
    await scan('00000000000017');
    expect(screen.getByTestId('count-message').textContent).toBe('Type the lot of TEA-1 first.');
    fireEvent.change(screen.getByLabelText('Lot of TEA-1'), { target: { value: 'L1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record lot' }));
    // A GS1 barcode carries its lot.
    await scan(']C10100000000000024' + '10L2');
    await waitFor(() =>
      expect(screen.getAllByTestId('count-line').map((l) => [l.getAttribute('data-sku'), l.getAttribute('data-qty')])).toEqual([['MUG-1', '8'], ['TEA-1', '1'], ['TEA-1', '1']]),
    );
    // The ledger holds 5 mugs here: nothing on the screen says so.
    expect(document.body.textContent).not.toMatch(/\b5\b/);
    fireEvent.click(screen.getAllByRole('button', { name: 'Type units of TEA-1' })[0]!);
    fireEvent.change(screen.getByLabelText('Units of TEA-1'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(screen.getAllByTestId('count-line')[1]!.textContent).toContain('4 units');
    fireEvent.click(screen.getByTestId('count-submit'));
    await waitFor(async () => expect(await submitted()).toHaveLength(1));
    expect(await submitted()).toEqual([
      ['count.submit', { countTaskId: 'ct-1', locationId: 'l-a1', lines: [{ skuId: 's-mug', lot: null, qty: 8 }, { skuId: 's-tea', lot: 'L1', qty: 4 }, { skuId: 's-tea', lot: 'L2', qty: 1 }] }],
    ]);
    await waitFor(() => expect(screen.getAllByTestId('count-task').map((b) => b.textContent)).toEqual([expect.stringContaining('A-01-02')]));
 
  }, 20_000);

  it('takes an empty bin as a count, opened by scanning its label', async () => {
    await screen.findAllByTestId('count-task');
    await scan('A-01-02');
    fireEvent.click(await screen.findByRole('button', { name: 'The bin is empty: submit' }));
    await waitFor(async () => expect(await submitted()).toEqual([['count.submit', { countTaskId: 'ct-2', locationId: 'l-a2', lines: [] }]]));
  });
});

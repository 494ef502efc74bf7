// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { inventoryDb } from '../../local/lookup-fixture';
import { scanAndWait as scan } from '../../scan/test-scan';
import LookupPage from './lookup-page';

beforeEach(async () => {
  await inventoryDb();
  const router = createMemoryRouter([{ path: '/lookup', element: <LookupPage /> }], { initialEntries: ['/lookup'] });
  render(<RouterProvider router={router} />);
  await screen.findByRole('heading', { name: 'Look up' });
});
afterEach(cleanup);

describe('look-up screen', () => {
  it('shows a scanned bin’s contents with lots and expiry, and how long the look-up took', async () => {
    await scan('A-01-01');
    const result = await screen.findByTestId('lookup-result');
    await waitFor(() => expect(result.getAttribute('data-kind')).toBe('bin'));
    expect(Number(result.getAttribute('data-lookup-ms'))).toBeGreaterThanOrEqual(0);
    const rows = within(result).getAllByRole('row').map((r) => r.textContent);
    expect(rows.slice(1)).toEqual(['MUG-1 Item MUG-1––5', 'TEA-1 Item TEA-1L12027-01-313', 'TEA-1 Item TEA-1L22027-06-302']);
  });

  it('shows a SKU’s bins and an unknown code', async () => {
    await scan('00000000000017');
    await waitFor(() => expect(screen.getByTestId('lookup-result').getAttribute('data-kind')).toBe('sku'));
    expect(screen.getByTestId('lookup-total').textContent).toBe('29 units in 2 bins.');
    await scan('ZZZ-404');
    await waitFor(() => expect(screen.getByTestId('lookup-result').getAttribute('data-kind')).toBe('unknown'));
  });
});

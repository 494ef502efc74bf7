// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import type { IncomingOrder } from './intake-api';
import { openConsole, standInFetch } from './lead-test-kit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const order = (id: string, ref: string): IncomingOrder => ({
  id, ref, seller: 'LUMA', status: 'received', lines: 2, units: 3, shipBy: '2026-12-01T17:00:00.000Z', createdAt: '2026-11-25T01:00:00.000Z',
});

const openPlan = async () => {
  await openConsole();
  fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
};

describe('incoming orders on the plan tab', () => {
  it("lists sellers' orders waiting and releases them all with one tap", async () => {
    let waiting = [order('o1', 'EXT-1'), order('o2', 'EXT-2')];
    const calls = standInFetch((c) => {
      if (c.path === '/api/orders/incoming') return { status: 200, body: { count: waiting.length, orders: waiting } };
      if (c.path === '/api/orders/release') {
        const ids = (c.body as { orderIds: string[] }).orderIds;
        waiting = waiting.filter((o) => !ids.includes(o.id));
        return { status: 200, body: { released: ids, alreadyReleased: [] } };
      }
      return { status: 404, body: null };
    });
    await openPlan();
    const box = await screen.findByTestId('incoming-orders');
    expect(screen.getByRole('heading', { name: '2 new orders waiting' })).toBeTruthy();
    expect(box.textContent).toContain('EXT-1');
    expect(box.textContent).toContain('LUMA · 2 lines, 3 units');
    fireEvent.click(screen.getByRole('button', { name: 'Release 2 orders for planning' }));
    expect((await screen.findByTestId('intake-notice')).textContent).toBe('2 orders released. Preview waves to plan them.');
    expect(calls).toContainEqual({ method: 'POST', path: '/api/orders/release', auth: 'Bearer tok', body: { orderIds: ['o1', 'o2'] } });
    await waitFor(() => expect(screen.queryByRole('button', { name: /for planning/ })).toBeNull());
  });

  it('shows nothing when no order is waiting', async () => {
    let answered = 0;
    standInFetch((c) => {
      if (c.path !== '/api/orders/incoming') return { status: 404, body: null };
      answered++;
      return { status: 200, body: { count: 0, orders: [] } };
    });
    await openPlan();
    await screen.findByRole('button', { name: 'Preview waves' });
    await waitFor(() => expect(answered).toBeGreaterThan(0));
    // Let the answer reach the screen before looking.
    await act(async () => {});
    expect(screen.queryByTestId('incoming-orders')).toBeNull();
  });

  it('says why when the release is refused, and releases nothing', async () => {
    standInFetch((c) => {
      if (c.path === '/api/orders/incoming') return { status: 200, body: { count: 1, orders: [order('o1', 'EXT-1')] } };
      return { status: 409, body: { error: { code: 'ORDER_NOT_RELEASABLE', message: 'held' } } };
    });
    await openPlan();
    fireEvent.click(await screen.findByRole('button', { name: 'Release 1 order for planning' }));
    expect((await screen.findByTestId('intake-notice')).textContent).toBe(
      'An order is on hold, cancelled or already further on, so none were released. Refresh and try again.',
    );
    expect(screen.getByRole('heading', { name: '1 new order waiting' })).toBeTruthy();
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import type { WavePreview } from './lead-api';
import { openConsole, standInFetch, type Call } from './lead-test-kit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wave = (seq: number, orderIds: string[], mode: 'single' | 'multi' = 'multi') => ({
  seq, mode, groupTime: '2026-11-25T16:00:00.000Z', orderIds, orderRefs: orderIds.map((o) => `R-${o}`),
  orders: orderIds.length, lines: 3 * orderIds.length, units: 5 * orderIds.length, zones: ['A', 'B'], totes: orderIds.length,
  walk: { stops: 4, firstSeq: 10, lastSeq: 90, span: 80, seconds: 185 },
});

const PREVIEW: WavePreview = {
  considered: 5,
  waves: [wave(1, ['o1', 'o2']), wave(2, ['o3'], 'single')],
  leftOut: [
    { orderId: 'o4', ref: 'R-BIG', reason: 'too_large', limit: 'maxUnits' },
    { orderId: 'o5', ref: 'R-SHORT', reason: 'no_stock', shortLines: [{ lineId: 'l1', skuId: 's1', qty: 2, shortQty: 1 }] },
  ],
};

/** The plan tab also asks for incoming orders; these tests answer "none" and leave that call out. */
function server(release: (c: Call) => { status: number; body: unknown }) {
  return standInFetch((c) => {
    if (c.path === '/api/orders/incoming') return { status: 200, body: { count: 0, orders: [] } };
    if (c.path === '/api/waves/preview') return { status: 200, body: PREVIEW };
    if (c.path === '/api/waves/release') return release(c);
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no' } } };
  });
}
const planning = (calls: Call[]) => calls.filter((c) => c.path !== '/api/orders/incoming');

describe('plan waves', () => {
  it('previews with the rules typed, shows the waves and the orders left out with their reasons', async () => {
    const calls = server(() => ({ status: 500, body: null }));
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
    fireEvent.click(screen.getByLabelText('Ship-by date'));
    fireEvent.click(screen.getByLabelText('Only these zones'));
    fireEvent.change(screen.getByLabelText('Zone codes'), { target: { value: 'a, b' } });
    fireEvent.change(screen.getByLabelText('Most orders'), { target: { value: '8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview waves' }));
    const cards = await screen.findAllByTestId('proposed-wave');
    expect(planning(calls)).toEqual([
      { method: 'POST', path: '/api/waves/preview', auth: 'Bearer tok', body: { groupBy: 'ship_by', zones: ['A', 'B'], mode: 'multi', maxOrders: 8, maxLines: 100, maxUnits: 300, maxTotes: 12 } },
    ]);
    expect(screen.getByRole('heading', { name: '2 waves proposed (5 orders considered)' })).toBeTruthy();
    expect(cards).toHaveLength(2);
    expect(cards[0]!.textContent).toContain('2 orders · 6 lines · 10 units · 2 totes');
    expect(cards[0]!.textContent).toContain('Zones: A, B');
    expect(cards[0]!.textContent).toContain('Walk about 3 min (4 stops)');
    expect(cards[1]!.textContent).toContain('Single order');
    const left = screen.getByTestId('left-out');
    expect(within(left).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'R-BIG has more units than one wave may hold.',
      'R-SHORT cannot be picked: not enough stock. (1 line short)',
    ]);
  });

  it('refuses a limit out of range without asking the server', async () => {
    const calls = server(() => ({ status: 500, body: null }));
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
    fireEvent.change(screen.getByLabelText('Most totes'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview waves' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Most totes must be a whole number from 1 to 200.');
    expect(planning(calls)).toEqual([]);
  });

  it('releases only the waves chosen and shows the codes created', async () => {
    const calls = server(() => ({ status: 201, body: { waves: [{ id: 'w9', code: 'W-0009', kind: 'single', orderIds: ['o3'], tasks: 3 }] } }));
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
    fireEvent.click(screen.getByRole('button', { name: 'Preview waves' }));
    await screen.findAllByTestId('proposed-wave');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Release Wave 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Release 1 wave' }));
    expect((await screen.findByTestId('plan-notice')).textContent).toBe('Released 1 wave: W-0009.');
    expect(planning(calls)[1]).toEqual({ method: 'POST', path: '/api/waves/release', auth: 'Bearer tok', body: { waves: [{ mode: 'single', orderIds: ['o3'] }] } });
    expect(screen.getByTestId('released-waves').textContent).toContain('W-0009');
    expect(screen.queryByTestId('proposed-wave')).toBeNull();
  });

  it('a refused release shows its code in words and keeps the proposal', async () => {
    server(() => ({ status: 409, body: { error: { code: 'ORDER_ALREADY_IN_WAVE', message: 'order o1 is already in a wave' } } }));
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
    fireEvent.click(screen.getByRole('button', { name: 'Preview waves' }));
    await screen.findAllByTestId('proposed-wave');
    fireEvent.click(screen.getByRole('button', { name: 'Release 2 waves' }));
    await waitFor(() => expect(screen.getByTestId('plan-notice').textContent).toBe('This order is already in a wave.'));
    expect(screen.getByTestId('plan-notice').getAttribute('role')).toBe('alert');
    expect(screen.getAllByTestId('proposed-wave')).toHaveLength(2);
  });

  it('says the console needs the network when the server cannot be reached', async () => {
    server(() => ({ status: 500, body: null }));
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    fireEvent.click(screen.getByRole('button', { name: 'Preview waves' }));
    expect((await screen.findByTestId('needs-network')).textContent).toContain('needs the network');
  });

  it('tells a picker the console is not theirs', async () => {
    server(() => ({ status: 500, body: null }));
    await openConsole(['picker']);
    expect(screen.getByTestId('lead-not-allowed').textContent).toBe("The shift lead's console needs the shift lead role.");
  });
});

// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplenishmentView } from '../../../domain/replenish/api';
import '../../i18n';
import { emitServerPoke } from '../../sync/pokes';
import { standInFetch } from './lead-test-kit';
import { ReplenishmentsPanel } from './replenishments-panel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NOW = '2026-11-25T03:00:00.000Z';
const row = (id: string, extra: Partial<ReplenishmentView> = {}): ReplenishmentView => ({
  id, status: 'open', pickFace: { id: 'loc-A01-01-1', code: 'A01-01-1' }, sku: { id: 'sku-1', code: 'NORD-0001', name: 'Merino Beanie S Black' },
  sellerId: 'seller-nord', from: { id: 'loc-C01-01-1', code: 'C01-01-1' }, lot: null, expiry: null, qty: 24, minQty: 10, maxQty: 40, onHandAtRaise: 7,
  createdAt: '2026-11-25T02:55:00.000Z', doneBy: null, doneQty: null, doneAt: null, ...extra,
});

describe('replenishments panel', () => {
  it('lists open ones and faces with nothing in reserve, and reloads on a server poke', async () => {
    let rows = [row('r1'), row('r2', { status: 'no_stock', from: null, qty: 33, sku: { id: 'sku-2', code: 'BEAN-0002', name: 'Kenya AA' } })];
    const calls = standInFetch((c) => (c.path === '/api/replenishments?status=active' ? { status: 200, body: { now: NOW, replenishments: rows } } : { status: 404, body: null }));
    render(<ReplenishmentsPanel token="tok" onOffline={() => undefined} />);
    const items = await screen.findAllByTestId('replenishment');
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['open', 'no_stock']);
    expect(items[0]!.textContent).toContain('NORD-0001 to A01-01-1');
    expect(items[0]!.textContent).toContain('Bring 24 units from C01-01-1 (minimum 10, 7 on the face when raised)');
    expect(items[0]!.textContent).toContain('Raised 5 minutes ago');
    expect(items[1]!.textContent).toContain('No reserve stock');
    expect(screen.getByTestId('replenishments-summary').textContent).toBe('1 replenishment to bring down from reserve. 1 pick face is low with nothing in reserve.');
    expect(calls[0]!.auth).toBe('Bearer tok');
    rows = [];
    act(() => emitServerPoke());
    expect(await screen.findByTestId('replenishments-empty')).toBeTruthy();
  });

  it('says when the server could not be reached, and shows a refusal in words', async () => {
    const onOffline = vi.fn();
    standInFetch(() => 'network-down');
    render(<ReplenishmentsPanel token="tok" onOffline={onOffline} />);
    await waitFor(() => expect(onOffline).toHaveBeenCalled());
    cleanup();
    standInFetch(() => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'no' } } }));
    render(<ReplenishmentsPanel token="tok" onOffline={onOffline} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Your role cannot do that.');
  });
});

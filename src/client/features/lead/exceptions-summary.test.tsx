// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../i18n';
import { emitServerPoke } from '../../sync/pokes';
import type { ExceptionItem } from './exceptions-api';
import { summarise } from './exceptions-summary';
import { openConsole, standInFetch } from './lead-test-kit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const item = (id: string, type: string, ageSeconds: number): ExceptionItem => ({
  id, type, status: 'open', qty: 1, createdAt: '2026-11-25T01:00:00.000Z', ageSeconds, sku: null, location: null, order: null, wave: null,
  raisedBy: null, toteCode: null, details: null, allowedActions: ['resolve'], handled: null,
});

describe('summarise', () => {
  it.each([
    { name: 'nothing open', items: [], want: { open: 0, oldestSec: null, byType: [] } },
    {
      name: 'counts by type, most first, ties by name, and the oldest age',
      items: [item('a', 'short_pick', 60), item('b', 'damaged_stock', 900), item('c', 'short_pick', 30), item('d', 'weight_override', 5)],
      want: { open: 4, oldestSec: 900, byType: [{ type: 'short_pick', count: 2 }, { type: 'damaged_stock', count: 1 }, { type: 'weight_override', count: 1 }] },
    },
  ])('$name', ({ items, want }) => {
    expect(summarise(items)).toEqual(want);
  });
});

describe('the live board names the open exceptions', () => {
  it('shows how many and how old, opens the queue, and reads again after a burst of pokes only once', async () => {
    let open = [item('a', 'short_pick', 125), item('b', 'damaged_stock', 40)];
    const calls = standInFetch((c) => {
      if (c.path.startsWith('/api/exceptions')) return { status: 200, body: { exceptions: open, counters: [], now: '2026-11-25T02:00:00.000Z' } };
      return { status: 404, body: null };
    });
    await openConsole();
    const box = await screen.findByTestId('exceptions-summary');
    expect(screen.getByRole('heading', { name: '2 open exceptions' })).toBeTruthy();
    expect(box.textContent).toContain('oldest 2 minutes ago');
    expect(box.textContent).toContain('Damaged stock 1 · Short pick 1');

    open = [];
    const before = calls.filter((c) => c.path === '/api/exceptions?status=open').length;
    act(() => {
      for (let i = 0; i < 20; i++) emitServerPoke();
    });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'No open exceptions' })).toBeTruthy(), { timeout: 8000 });
    expect(calls.filter((c) => c.path === '/api/exceptions?status=open').length).toBe(before + 1);

    fireEvent.click(screen.getByRole('button', { name: 'Open the exceptions queue' }));
    expect(screen.getByRole('tab', { name: 'Exceptions' }).getAttribute('aria-selected')).toBe('true');
  }, 15_000);
});

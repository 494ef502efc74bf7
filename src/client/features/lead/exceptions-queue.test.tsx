// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { emitServerPoke } from '../../sync/pokes';
import { useSyncStore } from '../../sync/sync-store';
import type { ExceptionItem } from './exceptions-api';
import { openConsole, standInFetch, type Call, type Reply } from './lead-test-kit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useSyncStore.setState({ online: true });
});

const NOW = '2026-11-25T03:00:00.000Z';
const item = (id: string, extra: Partial<ExceptionItem> = {}): ExceptionItem => ({
  id, type: 'short_pick', status: 'open', qty: 2, createdAt: '2026-11-25T02:40:00.000Z', ageSeconds: 1200,
  sku: { id: 's1', code: 'SER-001', name: 'Serum' }, location: { id: 'l1', code: 'A01-03-2' }, order: { id: 'o1', ref: 'SO-30001', status: 'picking' },
  wave: { id: 'w1', code: 'W-0002' }, raisedBy: { id: 'u1', name: 'Pat Picker' }, toteCode: null, details: null,
  allowedActions: ['reallocate', 'accept_short', 'cancel_line', 'assign_count', 'resolve'], handled: null, ...extra,
});
const COUNTERS = [{ id: 'u1', name: 'Pat Picker' }, { id: 'u3', name: 'Rita Receiver' }];

/** A stand-in for /api/exceptions: the open and handled lists, and an answer to each action. */
function queueServer(open: ExceptionItem[], handled: ExceptionItem[] = [], onAction: (c: Call) => Reply = () => ({ status: 200, body: { exception: {}, result: {}, version: 9 } })) {
  return standInFetch((c) => {
    if (c.method === 'GET' && c.path.startsWith('/api/exceptions?')) {
      const q = new URLSearchParams(c.path.split('?')[1]);
      const list = q.get('status') === 'handled' ? handled : open;
      const type = q.get('type');
      return { status: 200, body: { now: NOW, counters: COUNTERS, exceptions: type ? list.filter((e) => e.type === type) : list } };
    }
    if (c.method === 'POST' && c.path.startsWith('/api/exceptions/')) return onAction(c);
    return { status: 404, body: null };
  });
}
const openQueue = async () => {
  fireEvent.click(screen.getByRole('tab', { name: 'Exceptions' }));
  return screen.findAllByTestId('exception');
};
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

describe('exceptions queue', () => {
  it('shows each exception with what, where, who and how long ago, and its actions; filters by type', async () => {
    const calls = queueServer([item('x1'), item('x2', { type: 'weight_override', sku: null, qty: 1, allowedActions: ['resolve'], raisedBy: null, wave: null })]);
    await openConsole();
    const cards = await openQueue();
    expect(cards).toHaveLength(2);
    const c1 = cards[0]!;
    expect(c1.textContent).toContain('Short pick');
    expect(c1.textContent).toContain('2 × SER-001 Serum could not be picked');
    expect(c1.textContent).toContain('A01-03-2');
    expect(c1.textContent).toContain('SO-30001');
    expect(c1.textContent).toContain('W-0002');
    expect(c1.textContent).toContain('Pat Picker');
    expect(c1.textContent).toContain('20 minutes ago');
    const names = within(c1).getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Pick from another bin: 2 × SER-001 Serum could not be picked',
      'Ship without them: 2 × SER-001 Serum could not be picked',
      'Cancel the line: 2 × SER-001 Serum could not be picked',
      'Count the bin: 2 × SER-001 Serum could not be picked',
      'Resolve: 2 × SER-001 Serum could not be picked',
    ]);
    expect(within(cards[1]!).getAllByRole('button').map((b) => b.textContent)).toEqual(['Resolve']);
    expect(cards[1]!.textContent).toContain('the system');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('2 open');
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'weight_override' } });
    await waitFor(() => expect(screen.getAllByTestId('exception')).toHaveLength(1));
    expect(calls.at(-1)!.path).toBe('/api/exceptions?status=open&type=weight_override');
    expect(calls.every((c) => c.auth === 'Bearer tok')).toBe(true);
  });

  it('reloads on a server poke and every 30 seconds', async () => {
    const every = vi.spyOn(globalThis, 'setInterval');
    const calls = queueServer([item('x1')]);
    await openConsole();
    await openQueue();
    const before = calls.length;
    act(() => emitServerPoke());
    await waitFor(() => expect(calls.length).toBe(before + 1));
    // The last 30 s timer is this panel's (the live tab's panels, shown first, have their own).
    const i = every.mock.calls.findLastIndex(([, ms]) => ms === 30_000);
    expect(i).toBeGreaterThanOrEqual(0);
    act(() => (every.mock.calls[i]![0] as () => void)());
    await waitFor(() => expect(calls.length).toBe(before + 2));
  });

  it('resolve needs a note; with one it is sent, the result said in words and the list reloaded', async () => {
    const calls = queueServer([item('x1')]);
    await openConsole();
    const [card] = await openQueue();
    fireEvent.click(within(card!).getByRole('button', { name: /^Resolve:/ }));
    expect(within(card!).getByRole('alert').textContent).toBe('Write a note to resolve it.');
    expect(posts(calls)).toEqual([]);
    fireEvent.change(within(card!).getByLabelText('Note for 2 × SER-001 Serum could not be picked'), { target: { value: 'found on the next shelf' } });
    const gets = calls.length;
    fireEvent.click(within(card!).getByRole('button', { name: /^Resolve:/ }));
    expect((await screen.findByTestId('exception-done')).textContent).toBe('2 × SER-001 Serum could not be picked: Resolved.');
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([['/api/exceptions/x1/actions', { action: 'resolve', note: 'found on the next shelf' }]]);
    // The list is read again after the action.
    await waitFor(() => expect(calls.slice(gets + 1).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/exceptions?status=open']));
  });

  it('shipping short and cancelling the line are asked twice; Go back sends nothing', async () => {
    const calls = queueServer([item('x1')]);
    await openConsole();
    const [card] = await openQueue();
    fireEvent.click(within(card!).getByRole('button', { name: /^Ship without them:/ }));
    const ask = within(card!).getByRole('alertdialog');
    expect(ask.textContent).toContain('Ship order SO-30001 without 2 × SER-001? The seller is told.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Go back' }));
    expect(within(card!).queryByRole('alertdialog')).toBeNull();
    expect(posts(calls)).toEqual([]);
    fireEvent.click(within(card!).getByRole('button', { name: /^Cancel the line:/ }));
    fireEvent.click(within(within(card!).getByRole('alertdialog')).getByRole('button', { name: 'Yes, do it' }));
    await screen.findByTestId('exception-done');
    expect(posts(calls).map((c) => c.body)).toEqual([{ action: 'cancel_line' }]);
  });

  it('counts the bin for the person picked in the list', async () => {
    const calls = queueServer([item('x1')], [], () => ({ status: 200, body: { exception: {}, result: { countTaskId: 'c1' }, version: 9 } }));
    await openConsole();
    const [card] = await openQueue();
    const who = within(card!).getByLabelText('Who counts, for 2 × SER-001 Serum could not be picked');
    expect([...(who as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Anyone who counts', 'Pat Picker', 'Rita Receiver']);
    fireEvent.change(who, { target: { value: 'u3' } });
    fireEvent.click(within(card!).getByRole('button', { name: /^Count the bin:/ }));
    expect((await screen.findByTestId('exception-done')).textContent).toContain('A count of the bin is waiting.');
    expect(posts(calls).map((c) => c.body)).toEqual([{ action: 'assign_count', userId: 'u3' }]);
  });

  it('says a refusal in words', async () => {
    queueServer([item('x1')], [], () => ({ status: 409, body: { error: { code: 'REALLOCATE_NO_STOCK', message: 'only 1 of 2', details: { available: 1, needed: 2 } } } }));
    await openConsole();
    const [card] = await openQueue();
    fireEvent.click(within(card!).getByRole('button', { name: /^Pick from another bin:/ }));

    expect((await screen.findByTestId('exception-error')).textContent).toBe(
      '2 × SER-001 Serum could not be picked: No other bin has enough free stock to pick the missing units.',
    );
  });

  it('the Handled view says who handled what, how and when', async () => {
    const done = item('x9', {
      status: 'handled', allowedActions: [],
      handled: { by: { id: 'u5', name: 'Lee Lead' }, at: '2026-11-25T02:55:00.000Z', action: 'assign_count', note: 'check the back', result: { countTaskId: 'x9:count' } },
    });
    const floor = item('x8', { status: 'handled', allowedActions: [], handled: { by: null, at: '2026-11-25T02:00:00.000Z', action: null, note: null, result: null } });
    const calls = queueServer([], [done, floor]);
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Exceptions' }));
    expect((await screen.findByTestId('exceptions-empty')).textContent).toBe('Nothing to handle. Well done.');
    fireEvent.click(screen.getByRole('button', { name: 'Handled' }));
    const rows = await screen.findAllByTestId('handled');
    expect(rows[0]!.textContent).toContain('Count the bin by Lee Lead, 5 minutes ago');
    expect(rows[0]!.textContent).toContain('Note: check the back');
    expect(rows[0]!.textContent).toContain('Count task x9:count');
    expect(rows[1]!.textContent).toContain('Closed on the floor (the worker marked it done), 1 hour ago');
    expect(screen.queryAllByRole('button', { name: /^Resolve/ })).toEqual([]);
    expect(calls.at(-1)!.path).toBe('/api/exceptions?status=handled');
  });

  it('speaks Spanish to a Spanish lead, refusals included', async () => {
    queueServer([item('x1')], [], () => ({ status: 409, body: { error: { code: 'EXCEPTION_ALREADY_HANDLED', message: 'handled' } } }));
    await openConsole();
    await act(() => i18n.changeLanguage('es'));
    try {
      fireEvent.click(screen.getByRole('tab', { name: 'Incidencias' }));
      const [card] = await screen.findAllByTestId('exception');
      expect(card!.textContent).toContain('No se pudieron recoger 2 × SER-001 Serum');
      fireEvent.click(within(card!).getByRole('button', { name: /^Recoger de otra ubicación:/ }));
      expect((await screen.findByTestId('exception-error')).textContent).toBe(
        'No se pudieron recoger 2 × SER-001 Serum: Alguien ya atendió esta incidencia. La lista ya está al día.',
      );
    } finally {
      await act(() => i18n.changeLanguage('en'));
    }
  });

  it('a lost connection shows the console needs the network', async () => {
    standInFetch((c) => (c.path.startsWith('/api/exceptions') ? 'network-down' : { status: 404, body: null }));
    await openConsole();
    fireEvent.click(screen.getByRole('tab', { name: 'Exceptions' }));
    expect(await screen.findByTestId('needs-network')).toBeTruthy();
  });
});

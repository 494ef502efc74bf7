// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardIdFor } from '../../../domain/picking/conflict-card';
import i18n from '../../i18n';
import { db, type ConflictRow } from '../../local/db';
import { freshDb } from '../../local/test-db';
import ConflictsBanner from './conflicts-banner';
import ConflictsPage from './conflicts-page';
import { useConflictsStore } from './conflicts-store';

const M1 = '00000000-0000-7000-8000-000000000001';
const M2 = '00000000-0000-7000-8000-000000000002';
const conflict = (id: string, seq: number, qty: number): ConflictRow => ({
  id, seq, name: 'pick.confirm', args: { waveId: 'w1', taskId: 't1', qty, toteCode: 'T0007', assignmentEpoch: 1 },
  code: 'LINE_ALREADY_PICKED', status: 'rejected', userId: 'u1', otherUserId: 'u2', createdAt: '2026-11-24T10:00:00.000Z', resolvedAt: null,
});
const exception = (mutationId: string, qty: number) => ({
  id: `e-${mutationId}`, type: 'line_already_picked' as const, status: 'open' as const, waveId: 'w1', taskId: 't1', locationId: 'l1',
  skuId: 's1', qty, raisedBy: 'u1', mutationId, createdAt: '2026-11-24T10:00:01.000Z', version: 3,
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/conflicts', element: <><ConflictsBanner /><ConflictsPage /></> },
      { path: '/pick/:waveId', element: <ConflictsBanner /> },
      { path: '/pick', element: <p>picking</p> },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
}

beforeEach(async () => {
  await freshDb();
  useConflictsStore.setState({ done: new Set() });
  await i18n.changeLanguage('en');
  await db().skus.put({ id: 's1', code: 'MUG', name: 'Blue Mug', barcodes: [], barcodeValues: ['MUG'] } as never);
  await db().locations.put({ id: 'l1', code: 'A-03-2-B' } as never);
  await db().users.put({ id: 'u2', name: 'Ben', roles: ['picker'], language: 'en', version: 1 });
  await db().conflicts.bulkPut([conflict(M1, 1, 2), conflict(M2, 2, 1)]);
  await db().exceptions.bulkPut([exception(M1, 2), exception(M2, 1)]);
});
afterEach(cleanup);

describe('conflicts page', () => {
  it('lists each card with its title, plain-words body and a Done button named by its action', async () => {
    renderAt('/conflicts');
    const list = await screen.findByRole('list', { name: '2 cards' });
    const cards = within(list).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-card-id'))).toEqual([cardIdFor(M1), cardIdFor(M2)]);
    expect(screen.getAllByRole('article', { name: 'Ben already picked this line' })).toEqual(cards);
    expect(within(cards[0]!).getByText('Take 2 x Blue Mug out of tote T0007 and put them back in bin A-03-2-B.')).toBeTruthy();
    expect(within(cards[1]!).getByText('Take 1 x Blue Mug out of tote T0007 and put it back in bin A-03-2-B.')).toBeTruthy();
    const done = within(cards[0]!).getByRole('button', { name: 'Done: put back' });
    expect(done.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('Done records conflict.resolve in the outbox and the card goes at once, for good', async () => {
    renderAt('/conflicts');
    const list = await screen.findByRole('list', { name: '2 cards' });
    fireEvent.click(within(within(list).getAllByRole('article')[0]!).getByRole('button', { name: 'Done: put back' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    await waitFor(async () => expect((await db().outbox.toArray()).map((r) => [r.name, r.args, r.status])).toEqual([
      ['conflict.resolve', { cardId: cardIdFor(M1) }, 'pending'],
    ]));
    expect((await db().conflicts.get(M1))?.resolvedAt).toEqual(expect.any(String));
    // A fresh screen (a reload) reads the same.
    cleanup();
    useConflictsStore.setState({ done: new Set() });
    renderAt('/conflicts');
    expect(await screen.findByRole('list', { name: '1 card' })).toBeTruthy();
  });

  it('says so when nothing is left, in Spanish too', async () => {
    await db().conflicts.clear();
    await i18n.changeLanguage('es');
    renderAt('/conflicts');
    expect(await screen.findByText('No hay nada por resolver.')).toBeTruthy();
    await i18n.changeLanguage('en');
  });
});

describe('conflicts banner', () => {
  it('counts the open cards in a status region and links to them, on the pick screen too', async () => {
    renderAt('/pick/w1');
    const status = screen.getByRole('status');
    const link = await within(status).findByRole('link', { name: '2 things to fix: see what to do' });
    expect(link.getAttribute('href')).toBe('/conflicts');
    // Never takes focus on its own: scans keep going to the wedge input.
    expect(status.contains(document.activeElement)).toBe(false);
  });

  it('is empty with nothing open', async () => {
    await db().conflicts.clear();
    renderAt('/pick/w1');
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.getAttribute('data-count')).toBe('0'));
    expect(within(status).queryByRole('link')).toBeNull();
  });
});

// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardWave } from '../../../domain/board/waves';
import '../../i18n';
import { emitServerPoke } from '../../sync/pokes';
import { useSyncStore } from '../../sync/sync-store';
import type { BoardData } from './board-api';
import { floorData } from './board-fixtures';
import { openConsole, standInFetch, type Reply } from './lead-test-kit';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useSyncStore.setState({ online: true });
  await i18n.changeLanguage('en');
});

const BOARD_PATHS = ['/api/board/summary?bucketMinutes=60', '/api/board/waves', '/api/devices'];

/** The board's three answers from `data`; everything else (other panels) is not found. */
function boardServer(data: () => BoardData, override?: (path: string) => Reply | null) {
  return standInFetch((c) => {
    const o = override?.(c.path);
    if (o) return o;
    const d = data();
    if (c.path.startsWith('/api/board/summary')) return { status: 200, body: d.stats };
    if (c.path === '/api/board/waves') return { status: 200, body: d.waves };
    if (c.path === '/api/devices') return { status: 200, body: d.devices };
    return { status: 404, body: null };
  });
}
const boardCalls = (calls: { path: string }[]) => calls.filter((c) => BOARD_PATHS.some((p) => c.path.startsWith(p.split('?')[0]!))).length;
const statsCalls = (calls: { path: string }[]) => calls.filter((c) => c.path.startsWith('/api/board/summary'));

/** A small floor: 8 waves (2 in each group), 4 people, 6 devices (none stranded unless said). */
function smallFloor(): BoardData {
  const d = floorData({ waves: 8, devices: 6, people: 4 });
  const w = d.waves.waves;
  // The first picking wave: 5 of 20 lines, Pat's own rate, finishing in 45 minutes.
  const now = Date.parse(d.waves.now);
  Object.assign(w[0]!, { code: 'W-PICK', linesDone: 5, lines: 20, shorts: 2, eta: { basis: 'picker', linesPerHour: 20, remainingMinutes: 45, finishAt: new Date(now + 45 * 60_000).toISOString(), linesAhead: 0 } } satisfies Partial<BoardWave>);
  Object.assign(w[1]!, { code: 'W-NOPICKER', assignee: null, eta: { basis: 'unassigned', linesPerHour: 10, remainingMinutes: 90, finishAt: null, linesAhead: 0 } } satisfies Partial<BoardWave>);
  Object.assign(w[5]!, { code: 'W-NOEST', eta: { basis: 'none', linesPerHour: null, remainingMinutes: null, finishAt: null, linesAhead: 0 } } satisfies Partial<BoardWave>);
  return d;
}

describe('the live board', () => {
  it('shows the waves by status with progress and finish, the people, the devices and the charts', async () => {
    const calls = boardServer(smallFloor);
    await openConsole();
    const picking = await screen.findByTestId('live-waves-picking');
    const pick = within(picking).getAllByTestId('live-wave').find((li) => li.getAttribute('data-wave') === 'W-PICK')!;
    expect(pick.textContent).toContain('5 of 20 lines · 2 short');
    expect(pick.textContent).toMatch(/Finish about .+ \(in 45 min\)/);
    expect(within(pick).getByRole('progressbar', { name: 'Progress of W-PICK' }).getAttribute('aria-valuenow')).toBe('5');
    const released = screen.getByTestId('live-waves-released');
    expect(within(released).getByRole('heading').textContent).toBe('Released (2)');
    expect(released.textContent).toContain('W-NOPICKERNo picker yet');
    expect(released.textContent).toContain('About 1 h 30 min of work; no picker yet');
    expect(released.textContent).toContain('No estimate yet');
    expect(screen.getByTestId('live-waves-finished').textContent).toContain('Picked at');
    expect(screen.getByTestId('live-waves-finished').textContent).toContain('Dropped at a pack bench at');

    const people = screen.getAllByTestId('live-person');
    // The quietest first: Person 004 acted 3 minutes ago, Person 001 just now.
    expect(people.map((p) => p.querySelector('th')!.textContent)).toEqual(['Person 004', 'Person 003', 'Person 002', 'Person 001']);
    expect(people[3]!.textContent).toContain('Picking W-0001 (0 of 20) +1 more waiting');
    expect(people[3]!.textContent).toContain('Packed on W-0001, 0 seconds ago');
    expect(people[0]!.textContent).toContain('No wave');
    expect(people[0]!.textContent).toContain('Picked, 3 minutes ago');

    expect(screen.getByTestId('live-devices-online').textContent).toBe('6 of 6');
    expect(screen.queryByTestId('live-stranded')).toBeNull();

    const charts = screen.getAllByRole('img');
    expect(charts.map((c) => c.getAttribute('aria-label')!.split(':')[0]!.split(' for ')[0])).toEqual([
      'Units per hour',
      'Units per hour this shift',
      '240 orders shipped this shift',
      'Wrong scans per 100 pick lines',
    ]);
    expect(charts[0]!.getAttribute('aria-label')).toContain('Whole floor');
    expect(screen.getByTestId('live-cycle-p50').textContent).toBe('3 h 0 min');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the board' }));
    await waitFor(() => expect(screen.getByTestId('live-board').getAttribute('data-version')).toBe('2'));
    expect(calls.map((c) => [c.method, c.path, c.auth]).sort()).toEqual(BOARD_PATHS.map((p) => ['GET', p, 'Bearer tok']).sort());
  });

  it("shows one person's flows over the shift when the lead picks them, and the numbers as a table", async () => {
    const calls = boardServer(smallFloor);
    await openConsole();
    const flows = await screen.findByTestId('live-chart-flows');
    fireEvent.change(within(flows).getByLabelText('Show'), { target: { value: 'u-2' } });
    // Their own buckets come with the stats, read at once.
    await waitFor(() => expect(statsCalls(calls).map((c) => c.path)).toEqual(['/api/board/summary?bucketMinutes=60&person=u-2']));
    expect(within(flows).getByRole('img').getAttribute('aria-label')).toMatch(/^Units per hour for Person 002, .+ stacked by flow\. This shift: Packing [\d.]+ units\/h\.$/);
    const details = flows.querySelector('details')!;
    expect(within(flows).queryByRole('table')).toBeNull();
    act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    const table = within(flows).getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['From', 'Packing']);
    expect(within(table).getAllByRole('row')).toHaveLength(9);
  });

  it('lists the 30 quietest people until the lead asks for everyone', async () => {
    boardServer(() => floorData({ waves: 4, devices: 45, people: 45 }));
    await openConsole();
    await screen.findByTestId('live-waves-picking');
    expect(screen.getAllByTestId('live-person')).toHaveLength(30);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 45 people' }));
    expect(screen.getAllByTestId('live-person')).toHaveLength(45);
    fireEvent.click(screen.getByRole('button', { name: 'Show the 30 quietest only' }));
    expect(screen.getAllByTestId('live-person')).toHaveLength(30);
  });

  it('tells the lead to open the Devices tab when handhelds are stranded', async () => {
    boardServer(() => floorData({ waves: 4, devices: 60, people: 10 }));
    await openConsole();
    expect((await screen.findByTestId('live-stranded')).textContent).toBe('2 handhelds hold work nobody is syncing: open the Devices tab to find them.');
    expect(screen.getByTestId('live-devices-stranded').textContent).toBe('2');
  });

  it('reloads once for a burst of server pokes, and again after the pause between reloads', async () => {
    let tick = 0;
    const calls = boardServer(() => floorData({ waves: 8, devices: 6, people: 4, tick }));
    await openConsole();
    await screen.findByTestId('live-waves-picking');
    const board = screen.getByTestId('live-board');
    await waitFor(() => expect(board.getAttribute('data-version')).toBe('1'));
    const before = boardCalls(calls);
    tick = 1;
    act(() => {
      for (let i = 0; i < 200; i++) emitServerPoke();
    });
    await waitFor(() => expect(board.getAttribute('data-version')).toBe('2'), { timeout: 4000 });
    // A poke reads the waves and the devices; the shift's figures wait for the 30 s reload.
    expect(boardCalls(calls)).toBe(before + 2);
    expect(statsCalls(calls)).toEqual([]);
  });

  it('reloads 30 seconds after the last reload and on Refresh, and stops when the lead leaves the tab', async () => {
    const calls = boardServer(smallFloor);
    const later = vi.spyOn(globalThis, 'setTimeout');
    const stop = vi.spyOn(globalThis, 'clearTimeout');
    await openConsole();
    const board = screen.getByTestId('live-board');
    await waitFor(() => expect(board.getAttribute('data-version')).toBe('1'));
    const i = later.mock.calls.findLastIndex(([, ms]) => ms === 30_000);
    expect(i).toBeGreaterThanOrEqual(0);
    const before = boardCalls(calls);
    act(() => (later.mock.calls[i]![0] as () => void)());
    await waitFor(() => expect(board.getAttribute('data-version')).toBe('2'));
    expect(boardCalls(calls)).toBeGreaterThanOrEqual(before + 2);
    const afterTimer = boardCalls(calls);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the board' }));
    await waitFor(() => expect(board.getAttribute('data-version')).toBe('3'));
    // Refresh reads everything, the shift's figures too.
    expect(boardCalls(calls)).toBe(afterTimer + 3);
    const j = later.mock.calls.findLastIndex(([, ms]) => ms === 30_000);
    fireEvent.click(screen.getByRole('tab', { name: 'Devices' }));
    expect(stop).toHaveBeenCalledWith(later.mock.results[j]!.value);
  });

  it('says the console needs the network when the server cannot be reached', async () => {
    boardServer(smallFloor, (p) => (p === '/api/board/waves' ? 'network-down' : null));
    await openConsole();
    expect((await screen.findByTestId('needs-network')).textContent).toContain("The shift lead's console needs the network.");
    expect(screen.queryByTestId('live-wave')).toBeNull();
  });

  it('shows a refusal in words', async () => {
    boardServer(smallFloor, (p) => (p.startsWith('/api/board/summary') ? { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no' } } } : null));
    await openConsole();
    const board = await screen.findByTestId('live-board');
    expect((await within(board).findByRole('alert')).textContent).toBe('Your role cannot do that.');
    expect(board.textContent).not.toContain('Loading');
    expect(screen.queryByTestId('live-wave')).toBeNull();
  });

  it('works in Spanish', async () => {
    boardServer(smallFloor);
    await openConsole();
    await screen.findByTestId('live-waves-released');
    await act(() => i18n.changeLanguage('es'));
    const released = screen.getByTestId('live-waves-released');
    expect(within(released).getByRole('heading').textContent).toBe('Liberadas (2)');
    expect(released.textContent).toContain('Unos 1 h 30 min de trabajo; aún sin preparador');
    expect(screen.getByRole('button', { name: 'Actualizar el tablero' })).toBeTruthy();
  });
});

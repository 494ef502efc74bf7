// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceView } from '../../../domain/devices';
import type { Wave } from '../../../domain/model';
import '../../i18n';
import { db } from '../../local/db';
import { makeTask } from '../../local/test-db';
import { emitServerPoke } from '../../sync/pokes';
import { useSyncStore } from '../../sync/sync-store';
import { openConsole, standInFetch } from './lead-test-kit';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useSyncStore.setState({ online: true });
});

const NOW = '2026-11-25T02:00:00.000Z';
const device = (id: string, extra: Partial<DeviceView> = {}): DeviceView => ({
  id, name: `Handheld ${id}`, user: { id: 'u1', name: 'Ana' }, lastSeen: '2026-11-25T01:59:30.000Z', appVersion: '1.7.0',
  pending: 0, oldestPendingAt: null, oldestPendingAgeSec: null, rejectedUnseen: 0, batteryPct: 80, reportedAt: NOW, lastSeq: 5,
  stranded: false, ...extra,
});

function devicesServer(devices: DeviceView[]) {
  return standInFetch((c) => (c.path === '/api/devices' ? { status: 200, body: { now: NOW, strandedAfterMinutes: 10, devices } } : { status: 404, body: null }));
}

const openDevices = async () => fireEvent.click(screen.getByRole('tab', { name: 'Devices' }));

describe('devices', () => {
  it('lists stranded devices first with their waiting work, and reloads on a server poke', async () => {
    const calls = devicesServer([
      device('d1'),
      device('d2', { name: null, user: null, lastSeen: '2026-11-25T01:15:00.000Z', pending: 3, oldestPendingAt: '2026-11-25T01:00:00.000Z', oldestPendingAgeSec: 3600, rejectedUnseen: 1, batteryPct: null, stranded: true }),
    ]);
    await openConsole();
    await openDevices();
    const rows = await screen.findAllByTestId('device');
    expect(rows.map((r) => r.getAttribute('data-stranded'))).toEqual(['true', 'false']);
    expect(rows[0]!.textContent).toContain('Stranded d2');
    expect(rows[0]!.textContent).toContain('Last seen 45 minutes ago');
    expect(rows[0]!.textContent).toContain('3 commands waiting, oldest 1 hour ago');
    expect(rows[0]!.textContent).toContain('1 refused command nobody has looked at');
    expect(rows[0]!.textContent).toContain('Battery unknown');
    expect(rows[1]!.textContent).toContain('Last seen 30 seconds ago');
    expect(rows[1]!.textContent).toContain('Nothing waiting to sync');
    expect(rows[1]!.textContent).toContain('App 1.7.0 · Battery 80%');
    expect(calls.every((c) => c.auth === 'Bearer tok' && c.method === 'GET')).toBe(true);
    const before = calls.length;
    act(() => emitServerPoke());
    await waitFor(() => expect(calls.length).toBe(before + 1));
  });

  it('refreshes every 15 seconds while shown, and stops when the lead leaves the tab', async () => {
    const calls = devicesServer([device('d1')]);
    const every = vi.spyOn(globalThis, 'setInterval');
    const stop = vi.spyOn(globalThis, 'clearInterval');
    await openConsole();
    await openDevices();
    await screen.findAllByTestId('device');
    const i = every.mock.calls.findIndex(([, ms]) => ms === 15_000);
    expect(i).toBeGreaterThanOrEqual(0);
    const before = calls.length;
    act(() => (every.mock.calls[i]![0] as () => void)());
    await waitFor(() => expect(calls.length).toBe(before + 1));
    fireEvent.click(screen.getByRole('tab', { name: 'Plan waves' }));
    expect(stop).toHaveBeenCalledWith(every.mock.results[i]!.value);
  });

  it('says so when no device has signed in', async () => {
    devicesServer([]);
    await openConsole();
    await openDevices();
    expect((await screen.findByTestId('devices-empty')).textContent).toBe('No device has signed in to this warehouse yet.');
  });

  it('shows the needs-the-network message offline, and nothing is asked of the server', async () => {
    const calls = devicesServer([device('d1')]);
    await openConsole();
    act(() => useSyncStore.setState({ online: false }));
    expect(screen.getByTestId('needs-network').textContent).toContain("The shift lead's console needs the network.");
    expect(screen.queryByTestId('device')).toBeNull();
    await openDevices();
    expect(screen.getByTestId('needs-network')).toBeTruthy();
    expect(calls).toEqual([]);
    act(() => useSyncStore.setState({ online: true }));
    await openDevices();
    expect(await screen.findAllByTestId('device')).toHaveLength(1);
  });
});

describe('waves board', () => {
  it('shows the waves by status with picked lines of lines, without cancelled ones', async () => {
    standInFetch(() => ({ status: 404, body: null }));
    await openConsole();
    const w = (id: string, code: string, status: Wave['status']): Wave => ({
      id, code, status, kind: 'cluster', assignedUserId: id === 'w1' ? 'u1' : null, assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1,
    });
    await db().waves.bulkPut([w('w1', 'W-0001', 'picking'), w('w2', 'W-0002', 'released'), w('w3', 'W-0003', 'cancelled')]);
    await db().tasks.bulkPut([makeTask('t1', 1, 'o1', { status: 'picked' }), makeTask('t2', 1, 'o1'), makeTask('t3', 2, 'o2', { status: 'short' })]);
    fireEvent.click(screen.getByRole('tab', { name: 'Waves board' }));
    const picking = await screen.findByTestId('board-picking');
    expect(picking.textContent).toContain('W-0001');
    expect(picking.textContent).toContain('2 of 3 lines picked');
    expect(screen.getByRole('heading', { name: 'Released (1)' })).toBeTruthy();
    expect(screen.getByTestId('board-released').textContent).toContain('0 of 0 lines picked');
    expect(screen.queryByText('W-0003')).toBeNull();
  });
});

describe('assigning from the board', () => {
  const released: Wave = { id: 'w2', code: 'W-0002', status: 'released', kind: 'single', assignedUserId: null, assignmentEpoch: 0, releasedAt: null, completedAt: null, version: 1 };
  const seed = async () => {
    await db().waves.put(released);
    await db().users.bulkPut([
      { id: 'u7', name: 'Pilar', roles: ['picker'], language: 'es', version: 1 },
      { id: 'u8', name: 'Rita', roles: ['receiver'], language: 'en', version: 1 },
    ]);
    fireEvent.click(screen.getByRole('tab', { name: 'Waves board' }));
    const select = await screen.findByLabelText('Picker for W-0002');
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Choose a picker', 'Pilar']);
    fireEvent.change(select, { target: { value: 'u7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign W-0002' }));
  };

  it('posts the chosen picker for the unassigned wave', async () => {
    const calls = standInFetch(() => ({ status: 200, body: { waveId: 'w2', code: 'W-0002', assignedUserId: 'u7', assignmentEpoch: 1, version: 2 } }));
    await openConsole();
    await seed();
    expect((await screen.findByTestId('board-notice')).textContent).toBe('W-0002 assigned to Pilar.');
    expect(calls).toContainEqual({ method: 'POST', path: '/api/waves/w2/assign', auth: 'Bearer tok', body: { userId: 'u7' } });
  });

  it('shows a refusal in words', async () => {
    standInFetch(() => ({ status: 409, body: { error: { code: 'WAVE_ALREADY_ASSIGNED', message: 'taken' } } }));
    await openConsole();
    await seed();
    expect((await screen.findByTestId('board-notice')).textContent).toBe('This wave already has a picker. Reassign it instead.');
  });
});

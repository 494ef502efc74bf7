// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import { db } from '../../local/db';
import { rebuildView } from '../../local/outbox';
import { freshDb, makeTask, WAVE } from '../../local/test-db';
import { scanAndWait } from '../../scan/test-scan';
import WaveListPage from './wave-list-page';
import WavePage from './wave-page';
import { usePickStore } from './pick-store';

const scan = scanAndWait;

const loc = (id: string, code: string, type: 'pick_face' | 'pack_bench') =>
  ({ id, code, zone: 'A', type, aisle: null, bay: null, level: null, walkSeq: 1, capacity: null, version: 1 });

beforeEach(async () => {
  await freshDb();
  usePickStore.setState({ flows: {}, selected: {} });
  await db().locations.bulkPut([loc('l1', 'A01-03-2', 'pick_face'), loc('loc-PACK-01', 'PACK-01', 'pack_bench')]);
  // The wave as pulled once every line was picked or short.
  await db().srvWaves.put({ ...WAVE, status: 'done' });
  await db().srvTasks.bulkPut([
    makeTask('t1', 1, 'o1', { status: 'picked', pickedQty: 1, toteCode: 'T0001' }),
    makeTask('t2', 3, 'o2', { status: 'short', pickedQty: 2, toteCode: 'T0002' }),
    makeTask('t3', 2, 'o3', { status: 'short', pickedQty: 0 }),
  ]);
  await rebuildView();
  const router = createMemoryRouter(
    [
      { path: '/pick', element: <WaveListPage /> },
      { path: '/pick/:waveId', element: <WavePage /> },
    ],
    { initialEntries: ['/pick/w1'] },
  );
  render(<RouterProvider router={router} />);
  await screen.findByTestId('dropoff');
});
afterEach(cleanup);

describe('finished wave: drop the totes at a pack bench', () => {
  it('asks for the pack bench and refuses a bin with nothing recorded', async () => {
    expect(screen.getByText('Scan the pack bench where you leave the totes.')).toBeTruthy();
    await scan('A01-03-2');
    expect(screen.getByRole('alert').textContent).toMatch(/not a pack bench/);
    await scan('NOPE-1');
    expect(screen.getByRole('alert').textContent).toMatch(/not a pack bench/);
    expect(await db().outbox.count()).toBe(0);
  });

  it('records wave.dropoff at the bench, says where the totes are and goes back to the wave list', async () => {
    await scan('pack-01');
    expect((await screen.findByTestId('notice')).textContent).toBe('Totes at PACK-01 awaiting packing');
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => [r.name, r.args])).toEqual([
      ['wave.dropoff', { waveId: 'w1', locationId: 'loc-PACK-01', locationCode: 'PACK-01', assignmentEpoch: 1 }],
    ]);
    // Applied on the device at once: the wave has left the picker's list.
    expect((await db().waves.get('w1'))?.dropoffLocationId).toBe('loc-PACK-01');
    await screen.findByText('No waves assigned to you right now.');
    expect(screen.queryByText('Wave W-1')).toBeNull();
  });
});

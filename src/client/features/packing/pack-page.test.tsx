// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../i18n';
import type { PackSnapshot } from '../../../domain/packing/types';
import type { PackConfirmArgs } from '../../../domain/commands/pack';
import { db } from '../../local/db';
import { loadBenchWork, saveBenchWork, setBench } from '../../local/pack-store';
import { applyPullPage } from '../../local/server-state';
import { emptyPull, freshDb } from '../../local/test-db';
import { useFeedbackStore } from '../../scan/feedback-store';
import { currentScanRequest } from '../../scan/scan-bus';
import { scanAndWait as scan } from '../../scan/test-scan';
import PackPage from './pack-page';
import { usePackSession } from './pack-session';

const addr = { name: 'Ann Lee', line1: '1 Main St', city: 'Reno', region: 'NV', postalCode: '89502', country: 'US' };
const sku = (id: string, code: string, gtin: string, dims: [number, number, number], weightG: number) => ({
  id, sellerId: 's1', code, name: `Item ${code}`, barcodes: [{ value: gtin, kind: 'gtin' as const, packQty: 1 }],
  lengthMm: dims[0], widthMm: dims[1], heightMm: dims[2], weightG, casePackQty: 1, lotTracked: false, expiryTracked: false,
  lowStockThreshold: 0, version: 1,
});
const order = (id: string, ref: string, items: PackSnapshot['orders'][number]['items']) => ({
  orderId: id, orderRef: ref, sellerId: 's1', status: 'picked' as const, toteCode: 'T0401', benchId: 'loc-PACK-01', shipTo: addr,
  carrierService: 'UPS Ground', items,
});
const box = (id: string, mm: number, tareG: number) => ({
  id, code: id, name: `Box ${id}`, innerLengthMm: mm, innerWidthMm: mm, innerHeightMm: mm, maxWeightG: 20_000, tareG, active: true, version: 1,
});

function snapshot(leaseSize: number): PackSnapshot {
  return {
    config: {
      packingFactor: 1.2, weightTolerancePct: 5, weightToleranceMinG: 50, shipFrom: addr, gs1CompanyPrefix: '0614141', ssccExtension: 3,
      trackingPrefix: 'LT', trackingSuffix: 'US', leaseBlock: 10, leaseLowWater: 0,
    },
    boxTypes: [box('BOX-S', 150, 100), box('BOX-L', 400, 300)],
    orders: [
      order('o1', 'SO-1', [{ skuId: 'mug', lot: null, expiry: null, qty: 2 }]),
      order('o2', 'SO-2', [{ skuId: 'pan', lot: null, expiry: null, qty: 1 }]),
    ],
    leases: leaseSize
      ? [
          { id: 'lt', kind: 'tracking', first: 1, last: leaseSize },
          { id: 'ls', kind: 'sscc', first: 1, last: leaseSize },
        ]
      : [],
    verifiers: [],
    printers: [],
  };
}

function renderPage() {
  const router = createMemoryRouter([{ path: '/pack', element: <PackPage /> }], { initialEntries: ['/pack'] });
  render(<RouterProvider router={router} />);
}

async function open(leaseSize = 5) {
  usePackSession.getState().clear();
  await freshDb();
  usePackSession.getState().say(null);
  const c = emptyPull().changes;
  await applyPullPage(
    emptyPull({
      changes: {
        ...c,
        locations: [{ id: 'loc-PACK-01', code: 'PACK-01', zone: 'P', type: 'pack_bench', aisle: null, bay: null, level: null, walkSeq: 1, capacity: null, version: 1 }],
        skus: [sku('mug', 'MUG-1', '00000000000017', [100, 100, 100], 300), sku('pan', 'PAN-1', '00000000000024', [300, 300, 80], 1500)],
        totes: [{ id: 't1', code: 'T0401', version: 1 }, { id: 't2', code: 'T0999', version: 1 }],
      },
      pack: snapshot(leaseSize),
    }),
    { final: true, userId: 'u1' },
  );
  await setBench('loc-PACK-01');
  await saveBenchWork(null);
  renderPage();
  await screen.findByTestId('pack-prompt');
  // The DOM can be there before the screen's effects: wait until it listens for scans.
  await waitFor(() => expect(currentScanRequest()).not.toBeNull());
}

const message = () => screen.getByTestId('pack-message').textContent;
const orderCard = (ref: string) => screen.getAllByTestId('pack-order').find((el) => el.dataset.orderRef === ref)!;

afterEach(cleanup);

describe('pack bench: totes and verification', () => {
  beforeEach(() => open());

  it('refuses a tote it does not know and one nobody picked into', async () => {
    await scan('T0000');
    expect(message()).toBe('Not a known tote.');
    await scan('T0999');
    expect(message()).toBe('Nobody picked into this tote: there is nothing in it to pack.');
    expect(screen.queryAllByTestId('pack-order')).toHaveLength(0);
  });

  it('names the order of each item and refuses a wrong or extra unit with nothing recorded', async () => {
    await scan('T0401');
    expect(screen.getAllByTestId('pack-order')).toHaveLength(2);
    await scan('00000000000031');
    expect(message()).toMatch(/^Wrong item/);
    await scan('PAN-1');
    expect(message()).toBe('SO-2: every unit verified. Weigh the carton.');
    await scan('PAN-1');
    expect(message()).toMatch(/^Extra unit/);
    await scan('00000000000017');
    expect(message()).toBe('Item MUG-1 → SO-1 (1 of 2)');
    expect(within(orderCard('SO-1')).getByTestId('still-missing').textContent).toBe('Still to scan: MUG-1 ×1');
    expect(await db().outbox.count()).toBe(0);
  });

  it('reports a missing unit: that order goes on hold, the other carries on', async () => {
    await scan('T0401', 'MUG-1');
    fireEvent.click(within(orderCard('SO-1')).getByRole('button', { name: 'Report missing' }));
    fireEvent.click(within(orderCard('SO-1')).getByRole('button', { name: 'Item MUG-1 ×1 missing' }));
    await waitFor(() => expect(orderCard('SO-1').dataset.status).toBe('on_hold'));
    const rows = await db().outbox.toArray();
    expect(rows.map((r) => [r.name, r.args])).toEqual([
      ['pack.missing', { orderId: 'o1', toteCode: 'T0401', benchId: 'loc-PACK-01', skuId: 'mug', lot: null, qty: 1 }],
    ]);
    await scan('MUG-1');
    expect(message()).toMatch(/^The order is on hold/);
    await scan('PAN-1');
    expect(message()).toBe('SO-2: every unit verified. Weigh the carton.');
  });
});

describe('pack bench: a pull while a tote is on the bench', () => {
  it('shows an order cancelled upstream at once and refuses its items', async () => {
    await open();
    await scan('T0401', 'MUG-1');
    const snap = snapshot(5);
    await act(async () => {
      await applyPullPage(emptyPull({ pack: { ...snap, orders: snap.orders.map((o) => (o.orderId === 'o2' ? { ...o, status: 'cancelled' as const } : o)) } }), {
        final: true,
        userId: 'u1',
      });
    });
    await waitFor(() => expect(orderCard('SO-2').dataset.status).toBe('cancelled'));
    await scan('PAN-1');
    expect(message()).toBe('The order was cancelled. Do not ship it: put its items aside for restocking.');
    // The other order keeps what was verified.
    expect(within(orderCard('SO-1')).getByTestId('still-missing').textContent).toBe('Still to scan: MUG-1 ×1');
  });
});

describe('pack bench: the weight field', () => {
  it('takes a barcode typed into it by a scanner as a scan, and refuses a zero weight', async () => {
    await open();
    await scan('T0401', 'PAN-1');
    const field = () => within(orderCard('SO-2')).getByLabelText('Weight (g or kg)');
    // Typed and Enter, then the screen's answer: every one ends in a tone and a flash.
    const type = async (text: string) => {
      let answered = false;
      const off = useFeedbackStore.subscribe((st, prev) => {
        if (st.flash && st.flash !== prev.flash) answered = true;
      });
      try {
        await act(async () => {
          fireEvent.change(field(), { target: { value: text } });
          fireEvent.submit(field().closest('form')!);
        });
        await waitFor(() => expect(answered).toBe(true));
      } finally {
        off();
      }
      return useFeedbackStore.getState().flash!;
    };
    expect(await type('BOX-S')).toMatchObject({ kind: 'success', message: 'Box BOX-S' });
    expect(within(orderCard('SO-2')).getByTestId('box-fit').textContent).toMatch(/^An item is longer than this box/);
    expect(await type('0')).toMatchObject({ kind: 'error', message: "Type the carton's weight: a number above zero, in grams or kg." });
    expect(within(orderCard('SO-2')).queryByTestId('weight-result')).toBeNull();
    expect(await type('00000000000017')).toMatchObject({ kind: 'success', message: 'Item MUG-1 → SO-1 (1 of 2)' });
    expect(await db().outbox.count()).toBe(0);
  });
});

describe('pack bench: a reload', () => {
  it('brings back the tote in hand with what was verified and weighed', async () => {
    await open();
    await scan('T0401', 'MUG-1', 'PAN-1');
    const weight = within(orderCard('SO-2')).getByLabelText('Weight (g or kg)');
    fireEvent.change(weight, { target: { value: '1800' } });
    fireEvent.submit(weight.closest('form')!);
    await waitFor(async () => expect((await loadBenchWork()) as { work: Record<string, { cartons: { weightG: number }[] }> }).toMatchObject({ work: { o2: { cartons: [{ weightG: 1800 }] } } }));
    // A reload: the page and the memory go, the device's database stays.
    const saved = await loadBenchWork();
    cleanup();
    usePackSession.getState().clear();
    await saveBenchWork(saved);
    renderPage();
    await waitFor(() => expect(screen.getAllByTestId('pack-order')).toHaveLength(2));
    expect(within(orderCard('SO-1')).getByTestId('still-missing').textContent).toBe('Still to scan: MUG-1 ×1');
    expect(within(orderCard('SO-2')).getByTestId('weight-result').textContent).toBe('1800 g: within tolerance');
    expect(within(orderCard('SO-2')).getByRole('button', { name: 'Confirm SO-2' }).hasAttribute('disabled')).toBe(false);
  });
});

describe('pack bench: cartons and confirm', () => {
  it('takes back a new carton left empty; a carton with units cannot be removed', async () => {
    await open();
    await scan('T0401', 'MUG-1');
    const card = () => orderCard('SO-1');
    expect(within(card()).queryByRole('button', { name: /Remove empty carton/ })).toBeNull();
    fireEvent.click(within(card()).getByRole('button', { name: 'New carton' }));
    await waitFor(() => expect(within(card()).getAllByTestId('carton')).toHaveLength(2));
    // Only the empty second carton offers to go.
    expect(within(card()).getAllByRole('button', { name: /Remove empty carton/ }).map((b) => b.textContent)).toEqual(['Remove empty carton 2']);
    fireEvent.click(within(card()).getByRole('button', { name: 'Remove empty carton 2' }));
    await waitFor(() => expect(within(card()).getAllByTestId('carton')).toHaveLength(1));
    expect(within(card()).getByTestId('carton-contents').textContent).toContain('MUG-1 ×1');
  });

  it('packs an order in two cartons, a box scanned for one, each with its own numbers', async () => {
    await open();
    await scan('T0401', 'MUG-1');
    const card = () => orderCard('SO-1');
    fireEvent.click(within(card()).getByRole('button', { name: 'New carton' }));
    await scan('BOX-L');
    expect(message()).toBe('Box BOX-L');
    await scan('MUG-1');
    const weights = within(card()).getAllByLabelText('Weight (g or kg)');
    expect(weights).toHaveLength(2);
    for (const [i, grams] of ['0.4 kg', '620'].entries()) {
      fireEvent.change(weights[i]!, { target: { value: grams } });
      fireEvent.submit(weights[i]!.closest('form')!);
    }
    await waitFor(() => expect(within(card()).getAllByTestId('weight-result').map((e) => e.textContent)).toEqual(['400 g: within tolerance', '620 g: within tolerance']));
    fireEvent.click(within(card()).getByRole('button', { name: 'Confirm SO-1' }));
    await waitFor(() => expect(card().dataset.status).toBe('packed'));
    const [row] = await db().outbox.toArray();
    const args = row!.args as PackConfirmArgs;
    expect(args.cartons.map((c) => [c.boxTypeId, c.weightG, c.items])).toEqual([
      ['BOX-S', 400, [{ skuId: 'mug', lot: null, qty: 1 }]],
      ['BOX-L', 620, [{ skuId: 'mug', lot: null, qty: 1 }]],
    ]);
    expect(new Set(args.cartons.map((c) => c.trackingNumber)).size).toBe(2);
    expect(within(card()).getAllByTestId('tracking').map((e) => e.textContent)).toEqual(args.cartons.map((c) => c.trackingNumber));
  });

  it('says LEASE_EXHAUSTED and records nothing when the device has no numbers left', async () => {
    await open(0);
    await scan('T0401', 'PAN-1');
    const card = orderCard('SO-2');
    const weight = within(card).getByLabelText('Weight (g or kg)');
    fireEvent.change(weight, { target: { value: '1850' } });
    fireEvent.submit(weight.closest('form')!);
    await waitFor(() => expect(within(card).getByRole('button', { name: 'Confirm SO-2' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(within(card).getByRole('button', { name: 'Confirm SO-2' }));
    await waitFor(() => expect(message()).toMatch(/^No label numbers left on this device/));
    expect(await db().outbox.count()).toBe(0);
    expect(orderCard('SO-2').dataset.status).toBe('picked');
  });
});

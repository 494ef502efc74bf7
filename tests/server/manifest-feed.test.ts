import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './helpers/backends';
import type { Harness } from './helpers/harness';
import { WH } from './helpers/shipment-fixture';
import { caller, startShippingHarness, type Call } from './helpers/shipping-harness';

const BASE = 1_000_000;

/** The seller feed's cursor is a version; events of one change share it and a page never splits them. */
describe.each(BACKENDS)('seller event feed paging on %s', (kind) => {
  let h: Harness;
  let lead: Call;
  beforeAll(async () => {
    h = await startShippingHarness(kind);
    lead = await caller(h.app, 'U5001');
    const versions = [10, 11, 11, 11, 12, 13];
    await h.db.db
      .insertInto('seller_events')
      .values(versions.map((v, i) => ({ id: `ev-${i}`, warehouse_id: WH, seller_id: 'seller-nord', type: 'order.shipped', payload: JSON.stringify({ i }), created_at: new Date().toISOString(), version: BASE + v })))
      .execute();
  });
  afterAll(async () => h?.close());

  type Page = { events: { id: string; version: number }[]; next: number; more: boolean };
  const read = async (after: number, limit: number) => (await lead('GET', `/api/seller-events?after=${after}&limit=${limit}`)).json() as Page;

  it.each([1, 2, 3, 4, 5, 6, 7])('reads every event exactly once with pages of %i', async (limit) => {
    const seen: string[] = [];
    let after = BASE;
    for (let guard = 0; guard < 20; guard++) {
      const page = await read(after, limit);
      seen.push(...page.events.map((e) => e.id));
      after = page.next;
      if (!page.more) break;
    }
    expect(seen).toEqual(['ev-0', 'ev-1', 'ev-2', 'ev-3', 'ev-4', 'ev-5']);
  });

  it('a version bigger than the page comes whole', async () => {
    const page = await read(BASE + 10, 2);
    expect(page.events.map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3']);
    expect([page.next, page.more]).toEqual([BASE + 11, true]);
    const tail = await read(BASE + 12, 5);
    expect(tail.events.map((e) => e.id)).toEqual(['ev-5']);
    expect(tail.more).toBe(false);
    expect((await read(BASE + 13, 5)).events).toEqual([]);
  });
});

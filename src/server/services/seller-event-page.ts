import type { Kysely } from 'kysely';
import { skuIdsIn, withSkuCodes } from '../../domain/seller-api/event-codes';
import type { Database } from '../db/schema';

export interface SellerEventRow {
  id: string;
  sellerId: string;
  type: string;
  payload: unknown;
  createdAt: string;
  version: number;
}

/**
 * One page of the sellers' event feed after a version cursor; pass `next` back as `after`.
 * Events raised by one change share its version, so a page never ends inside a version:
 * it is trimmed to the last whole version or, when one version fills the page, holds all
 * of it. Versions commit in order (db/version.ts), so a reader never skips one.
 */
export async function pageSellerEvents(
  db: Kysely<Database>,
  q: { warehouseId: string; sellerId?: string; after: number; limit: number },
): Promise<{ events: SellerEventRow[]; next: number; more: boolean }> {
  const base = () => {
    let query = db
      .selectFrom('seller_events')
      .select(['id', 'seller_id', 'type', 'payload', 'created_at', 'version'])
      .where('warehouse_id', '=', q.warehouseId);
    if (q.sellerId) query = query.where('seller_id', '=', q.sellerId);
    return query;
  };
  const rows = await base().where('version', '>', q.after).orderBy('version').orderBy('id').limit(q.limit + 1).execute();
  let page = rows.slice(0, q.limit);
  let more = rows.length > q.limit;
  if (more && Number(rows[q.limit]!.version) === Number(page.at(-1)!.version)) {
    const split = Number(page.at(-1)!.version);
    const whole = page.filter((r) => Number(r.version) !== split);
    if (whole.length > 0) page = whole;
    else {
      page = await base().where('version', '=', split).orderBy('id').execute();
      more = (await base().where('version', '>', split).select('id').limit(1).execute()).length > 0;
    }
  }
  const payloads = page.map((r) => JSON.parse(r.payload) as unknown);
  const ids = new Set<string>();
  for (const p of payloads) skuIdsIn(p, ids);
  const codes = new Map<string, string>();
  if (ids.size > 0) {
    const skus = await db.selectFrom('skus').select(['id', 'code']).where('warehouse_id', '=', q.warehouseId).where('id', 'in', [...ids]).execute();
    for (const s of skus) codes.set(s.id, s.code);
  }
  return {
    events: page.map((r, i) => ({
      id: r.id,
      sellerId: r.seller_id,
      type: r.type,
      payload: withSkuCodes(payloads[i], codes),
      createdAt: r.created_at,
      version: Number(r.version),
    })),
    next: page.length > 0 ? Number(page.at(-1)!.version) : q.after,
    more,
  };
}

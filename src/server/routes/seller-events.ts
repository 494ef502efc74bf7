import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { Id, requireRole } from './print';

export const SellerEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  sellerId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const SellerEvent = z.object({
  id: z.string(),
  sellerId: z.string(),
  type: z.string(),
  payload: z.unknown(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const SellerEventsResponse = z.object({ events: z.array(SellerEvent), next: z.number().int(), more: z.boolean() });

/**
 * The sellers' event feed, read by version: pass `next` back as `after` to continue.
 * Events raised by one change share its version; a page never splits a version. Leads
 * and admins read it for now; sellers get their own keyed feed later.
 */
export function sellerEventRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/api/seller-events', async (req) => {
    const auth = requireRole(req, ['lead']);
    const q = parseOr400(SellerEventsQuery, req.query);
    const base = () => {
      let query = db
        .selectFrom('seller_events')
        .select(['id', 'seller_id', 'type', 'payload', 'created_at', 'version'])
        .where('warehouse_id', '=', auth.warehouseId);
      if (q.sellerId) query = query.where('seller_id', '=', q.sellerId);
      return query;
    };
    const rows = await base().where('version', '>', q.after).orderBy('version').orderBy('id').limit(q.limit + 1).execute();
    let page = rows.slice(0, q.limit);
    let more = rows.length > q.limit;
    // The cursor is a version, so a page must not end inside one: trim to the last whole
    // version, or, when one version fills the page, take all of it.
    if (more && Number(rows[q.limit]!.version) === Number(page.at(-1)!.version)) {
      const split = Number(page.at(-1)!.version);
      const whole = page.filter((r) => Number(r.version) !== split);
      if (whole.length > 0) page = whole;
      else {
        page = await base().where('version', '=', split).orderBy('id').execute();
        more = (await base().where('version', '>', split).select('id').limit(1).execute()).length > 0;
      }
    }
    return {
      events: page.map((r) => ({
        id: r.id,
        sellerId: r.seller_id,
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        createdAt: r.created_at,
        version: Number(r.version),
      })),
      next: page.length > 0 ? Number(page.at(-1)!.version) : q.after,
      more,
    };
  });
}

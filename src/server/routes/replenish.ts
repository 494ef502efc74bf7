import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { PickFaceParams, PickFaceSkuParams, ReplenishmentsQuery } from '../../domain/replenish/api';
import { FaceLimitsBody } from '../../domain/replenish/limits';
import { ErrorCode } from '../../domain/errors';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { ApiError } from '../services/api-error';
import type { EventHub } from '../services/events';
import { listReplenishments, readFaceLimits } from '../services/replenish-read';
import { withReplenish } from '../services/replenish-schema';
import { versionedWrite } from '../services/shipping-tx';
import { requireRole } from './print';

/**
 * Replenishment for leads and admins (docs/replenishment.md): the open replenishments on
 * the board, and each pick face's minimum and fill-to level per SKU. The tasks themselves
 * are made by the push (services/replenish-trigger.ts) and done on handhelds.
 */
export function replenishRoutes(app: FastifyInstance, { db, events }: { db: Kysely<Database>; events: EventHub }) {
  app.get('/api/replenishments', async (req) => {
    const auth = requireRole(req, ['lead']);
    const q = parseOr400(ReplenishmentsQuery, req.query);
    return { replenishments: await listReplenishments(db, auth.warehouseId, q), now: new Date().toISOString() };
  });

  app.get('/api/pick-faces/:locationId/limits', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { locationId } = parseOr400(PickFaceParams, req.params);
    return readFaceLimits(db, await pickFace(db, auth.warehouseId, locationId));
  });

  app.put('/api/pick-faces/:locationId/limits/:skuId', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { locationId, skuId } = parseOr400(PickFaceSkuParams, req.params);
    const body = parseOr400(FaceLimitsBody, req.body);
    return versionedWrite(db, events, async (trx, clock) => {
      await pickFace(trx, auth.warehouseId, locationId);
      const sku = await trx.selectFrom('skus').select('id').where('id', '=', skuId).where('warehouse_id', '=', auth.warehouseId).executeTakeFirst();
      if (!sku) throw new ApiError(404, ErrorCode.SKU_NOT_FOUND, `SKU ${skuId} not found`);
      const version = clock.tick();
      const row = {
        location_id: locationId, sku_id: skuId, warehouse_id: auth.warehouseId, min_qty: body.minQty, max_qty: body.maxQty,
        updated_by: auth.user.id, updated_at: new Date().toISOString(), version,
      };
      await withReplenish(trx)
        .insertInto('pick_face_limits')
        .values(row)
        .onConflict((oc) => oc.columns(['location_id', 'sku_id']).doUpdateSet({ min_qty: body.minQty, max_qty: body.maxQty, updated_by: row.updated_by, updated_at: row.updated_at, version }))
        .execute();
      return { locationId, skuId, minQty: body.minQty, maxQty: body.maxQty, version };
    });
  });
}

/** The pick face of this warehouse, or 404 (unknown) / 422 NOT_A_PICK_FACE (another kind of bin). */
async function pickFace(db: Kysely<Database>, warehouseId: string, id: string): Promise<{ id: string; code: string }> {
  const loc = await db.selectFrom('locations').select(['id', 'code', 'type']).where('id', '=', id).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!loc) throw new ApiError(404, ErrorCode.LOCATION_NOT_FOUND, `location ${id} not found`);
  if (loc.type !== 'pick_face') throw new ApiError(422, ErrorCode.NOT_A_PICK_FACE, `location ${id} is not a pick face`);
  return { id: loc.id, code: loc.code };
}

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { PRIORITIES } from '../../domain/lead/orders';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { ApiError } from '../services/api-error';
import { Id, requireRole } from './print';

const IdParams = z.strictObject({ id: Id });

export const WaveOrderLine = z.object({
  lineNo: z.number().int(),
  skuId: z.string(),
  skuCode: z.string(),
  qty: z.number().int(),
  /** Units picked for the line, over every wave (a split wave's tasks count too). */
  pickedQty: z.number().int(),
  cancelled: z.boolean(),
});
export const WaveOrder = z.object({
  id: z.string(),
  orderRef: z.string(),
  status: z.string(),
  priority: z.enum(PRIORITIES),
  onHold: z.boolean(),
  holdReason: z.string().nullable(),
  lines: z.array(WaveOrderLine),
});
export const WaveOrdersResponse = z.object({ waveId: z.string(), code: z.string(), orders: z.array(WaveOrder) });
export type WaveOrdersResponse = z.infer<typeof WaveOrdersResponse>;

/**
 * The orders of one wave with their lines, for the lead's console: the device tables
 * hold the wave's tasks but not its orders (status, priority, hold). Read-only.
 */
export async function readWaveOrders(db: Kysely<Database>, warehouseId: string, waveId: string): Promise<WaveOrdersResponse> {
  const wave = await db.selectFrom('waves').select(['id', 'code']).where('id', '=', waveId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!wave) throw new ApiError(404, ErrorCode.WAVE_NOT_FOUND, 'no such wave');
  const ids = (await db.selectFrom('pick_tasks').select('order_id').distinct().where('wave_id', '=', waveId).execute()).map((r) => r.order_id);
  if (ids.length === 0) return { waveId, code: wave.code, orders: [] };
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'external_id', 'status', 'priority', 'hold_reason'])
    .where('id', 'in', ids)
    .where('warehouse_id', '=', warehouseId)
    .orderBy('external_id')
    .execute();
  const lines = await db
    .selectFrom('order_lines')
    .innerJoin('skus', 'skus.id', 'order_lines.sku_id')
    .select(['order_lines.id', 'order_lines.order_id', 'order_lines.line_no', 'order_lines.sku_id', 'skus.code as sku_code', 'order_lines.qty', 'order_lines.cancelled_at'])
    .where('order_lines.order_id', 'in', ids)
    .orderBy('order_lines.line_no')
    .execute();
  const picked = await db
    .selectFrom('pick_tasks')
    .select(['order_line_id', (eb) => eb.fn.sum<number | string>('picked_qty').as('picked')])
    .where('order_id', 'in', ids)
    .groupBy('order_line_id')
    .execute();
  const pickedOf = new Map(picked.map((p) => [p.order_line_id, Number(p.picked)]));
  return {
    waveId,
    code: wave.code,
    orders: orders.map((o) => ({
      id: o.id,
      orderRef: o.external_id,
      status: o.status,
      priority: o.priority as (typeof PRIORITIES)[number],
      onHold: o.status === 'on_hold',
      holdReason: o.hold_reason,
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          lineNo: Number(l.line_no),
          skuId: l.sku_id,
          skuCode: l.sku_code,
          qty: Number(l.qty),
          pickedQty: pickedOf.get(l.id) ?? 0,
          cancelled: l.cancelled_at !== null,
        })),
    })),
  };
}

/** GET /api/waves/:id/orders (leads, admins): docs/lead-actions.md. */
export function leadWaveOrderRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/api/waves/:id/orders', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    return readWaveOrders(db, auth.warehouseId, id);
  });
}

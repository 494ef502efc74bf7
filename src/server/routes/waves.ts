import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';
import { parseOr400, requireAuth } from '../http';
import { ApiError } from '../services/api-error';

export const WavePick = z.object({
  mutationId: z.string(),
  name: z.string(),
  taskId: z.string(),
  deviceId: z.string(),
  seq: z.number().int(),
  userId: z.string(),
  /** Units that went into the tote (0 for a short with nothing found). */
  qty: z.number().int(),
  toteCode: z.string().nullable(),
  createdAt: z.string(),
  receivedAt: z.string(),
});
export const WavePicks = z.object({ waveId: z.string(), picks: z.array(WavePick) });
const Params = z.strictObject({ waveId: z.string().min(1).max(64) });

/** Lead view of what was applied to a wave, one entry per applied pick command. */
export function waveRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/api/waves/:waveId/picks', async (req) => {
    const auth = requireAuth(req);
    if (!hasAnyRole(auth.user.roles, ['lead'])) throw new ApiError(403, ErrorCode.FORBIDDEN, 'leads only');
    const { waveId } = parseOr400(Params, req.params);
    const wave = await db.selectFrom('waves').select('id').where('id', '=', waveId).where('warehouse_id', '=', auth.warehouseId).executeTakeFirst();
    if (!wave) throw new ApiError(404, ErrorCode.WAVE_NOT_FOUND, `wave ${waveId} not found`);
    const rows = await db
      .selectFrom('mutations')
      .select(['id', 'name', 'args', 'device_id', 'seq', 'user_id', 'created_at', 'received_at'])
      .where('wave_id', '=', waveId)
      .where('status', '=', 'applied')
      .where('name', 'in', ['pick.confirm', 'pick.short'])
      .orderBy('version')
      .execute();
    const moved = new Map<string, number>();
    for (let i = 0; i < rows.length; i += 500) {
      const sums = await db
        .selectFrom('stock_ledger')
        .select(['mutation_id', (eb) => eb.fn.sum<number>('delta').as('units')])
        .where('mutation_id', 'in', rows.slice(i, i + 500).map((r) => r.id))
        .where('container_code', 'is not', null)
        .groupBy('mutation_id')
        .execute();
      for (const s of sums) moved.set(s.mutation_id!, Number(s.units));
    }
    return {
      waveId,
      picks: rows.map((r) => {
        const args = JSON.parse(r.args) as { taskId: string; toteCode?: string | null };
        return {
          mutationId: r.id,
          name: r.name,
          taskId: args.taskId,
          deviceId: r.device_id,
          seq: Number(r.seq),
          userId: r.user_id,
          qty: moved.get(r.id) ?? 0,
          toteCode: args.toteCode ?? null,
          createdAt: r.created_at,
          receivedAt: r.received_at,
        };
      }),
    };
  });
}

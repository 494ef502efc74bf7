import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CountSettingsPatch } from '../../domain/inventory/count-settings';
import { CountTaskView } from '../../domain/inventory/snapshot';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { loadCountSettings, saveCountSettings } from '../services/count-settings';
import { requestCount, runPeriodicCounts } from '../services/count-tasks';
import type { EventHub } from '../services/events';
import { Id, requireRole } from './print';

export const CountRequestBody = z.strictObject({ locationId: Id, skuId: Id.nullable().optional() });
export const PeriodicBody = z.strictObject({ everyDays: z.number().int().min(1).max(365).optional() }).optional();
export const CountRequestResponse = z.object({ created: z.boolean(), task: CountTaskView });
export const PeriodicResponse = z.object({ zones: z.array(z.string()), created: z.number().int() });
export const CountSettingsView = z.object({
  threshold: z.object({ units: z.number().int(), pct: z.number() }),
  periodicEveryDays: z.number().int(),
});

const LEAD_ROLES = ['lead', 'admin'] as const;
const HOUR_MS = 3_600_000;

/**
 * Count tasks a lead asks for: one bin (or one SKU in it), and the periodic schedule by
 * zone, and the warehouse's counting settings (recount threshold, periodic interval).
 * Counting itself is the count.submit command (offline, through sync). The same
 * schedule runs hourly while the server is up, so due zones appear without a lead.
 */
export function countTaskRoutes(app: FastifyInstance, { db, events }: { db: Kysely<Database>; events: EventHub }) {
  app.post('/api/count-tasks', async (req, reply) => {
    const auth = requireRole(req, [...LEAD_ROLES]);
    const body = parseOr400(CountRequestBody, req.body);
    const out = await requestCount(db, events, { warehouseId: auth.warehouseId, userId: auth.user.id }, body);
    return reply.code(out.created ? 201 : 200).send(out);
  });

  app.post('/api/count-tasks/periodic', async (req) => {
    const auth = requireRole(req, [...LEAD_ROLES]);
    const body = parseOr400(PeriodicBody, req.body);
    return runPeriodicCounts(db, events, auth.warehouseId, new Date(), body?.everyDays);
  });

  app.get('/api/count-settings', async (req) => {
    const auth = requireRole(req, [...LEAD_ROLES]);
    return loadCountSettings(db, auth.warehouseId);
  });

  app.put('/api/count-settings', async (req) => {
    const auth = requireRole(req, [...LEAD_ROLES]);
    const body = parseOr400(CountSettingsPatch, req.body);
    return saveCountSettings(db, events, auth.warehouseId, body);
  });

  // unref: the schedule never keeps a stopping server (or a test run) alive.
  const timer = setInterval(() => {
    void (async () => {
      const warehouses = await db.selectFrom('warehouses').select('id').execute();
      for (const w of warehouses) await runPeriodicCounts(db, events, w.id, new Date());
    })().catch((err: unknown) => app.log.error({ err }, 'periodic count schedule failed'));
  }, HOUR_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

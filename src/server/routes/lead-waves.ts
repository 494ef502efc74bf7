import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PRIORITIES } from '../../domain/lead/orders';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import type { EventHub } from '../services/events';
import { assignWave, reassignWave } from '../services/lead-waves';
import { cancelOrderLines, holdOrder, setOrderPriority } from '../services/lead-waves-orders';
import { Id, requireRole } from './print';

const IdParams = z.strictObject({ id: Id });
const UserId = z.string().min(1).max(64);
export const AssignBody = z.strictObject({ userId: UserId });
export const ReassignBody = z.strictObject({ userId: UserId, scope: z.enum(['wave', 'remaining']) });
export const CancelLinesBody = z.strictObject({ lineNos: z.array(z.number().int().positive()).min(1).max(500).optional() }).optional();
export const HoldBody = z.strictObject({ hold: z.boolean(), reason: z.string().trim().min(1).max(200).optional() });
export const PriorityBody = z.strictObject({ priority: z.enum(PRIORITIES) });

export const AssignResponse = z.object({
  waveId: z.string(),
  code: z.string(),
  assignedUserId: z.string(),
  assignmentEpoch: z.number().int(),
  version: z.number().int(),
});
export const ReassignResponse = AssignResponse.extend({
  scope: z.enum(['wave', 'remaining']),
  previousUserId: z.string(),
  openTaskIds: z.array(z.string()),
  splitWave: z.object({ id: z.string(), code: z.string(), assignedUserId: z.string(), taskIds: z.array(z.string()) }).nullable(),
});
export const LeadOrderResponse = z.object({
  id: z.string(),
  orderRef: z.string(),
  status: z.string(),
  priority: z.enum(PRIORITIES),
  onHold: z.boolean(),
  holdReason: z.string().nullable(),
  version: z.number().int(),
});
export const CancelLinesResponse = LeadOrderResponse.extend({ cancelledLineNos: z.array(z.number().int()), closedTaskIds: z.array(z.string()) });

export interface LeadWaveRouteOptions {
  db: Kysely<Database>;
  events: EventHub;
}

/**
 * The lead's live corrections (issue 7): assign and reassign waves, cancel an order's
 * remaining lines, hold it, raise its priority. Each is one versioned transaction and a
 * poke, like the other lead routes; refusals write nothing. docs/lead-actions.md.
 */
export function leadWaveRoutes(app: FastifyInstance, { db, events }: LeadWaveRouteOptions) {
  const now = () => new Date().toISOString();

  app.post('/api/waves/:id/assign', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(AssignBody, req.body);
    return assignWave(db, events, auth.warehouseId, id, body.userId, now());
  });

  app.post('/api/waves/:id/reassign', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(ReassignBody, req.body);
    return reassignWave(db, events, auth.warehouseId, id, body.userId, body.scope, now());
  });

  app.post('/api/orders/:id/cancel-lines', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(CancelLinesBody, req.body);
    const lineNos = body?.lineNos ? [...new Set(body.lineNos)] : undefined;
    return cancelOrderLines(db, events, auth.warehouseId, id, lineNos, now());
  });

  app.post('/api/orders/:id/hold', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(HoldBody, req.body);
    return holdOrder(db, events, auth.warehouseId, id, body.hold, body.hold ? (body.reason ?? null) : null);
  });

  app.post('/api/orders/:id/priority', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(PriorityBody, req.body);
    return setOrderPriority(db, events, auth.warehouseId, id, body.priority);
  });
}

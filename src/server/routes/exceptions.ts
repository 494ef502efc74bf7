import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { EXCEPTION_ACTIONS, ExceptionActionBody, ExceptionListQuery } from '../../domain/exceptions/actions';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import type { EventHub } from '../services/events';
import { applyExceptionAction } from '../services/exception-actions';
import { listCounters, listExceptions } from '../services/exception-list';
import { Id, requireRole } from './print';

const IdParams = z.strictObject({ id: Id });
const Person = z.object({ id: z.string(), name: z.string() });

export const ExceptionItemSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['open', 'handled']),
  qty: z.number().int(),
  createdAt: z.string(),
  ageSeconds: z.number().int(),
  sku: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  location: z.object({ id: z.string(), code: z.string() }).nullable(),
  order: z.object({ id: z.string(), ref: z.string(), status: z.string() }).nullable(),
  wave: z.object({ id: z.string(), code: z.string() }).nullable(),
  raisedBy: Person.nullable(),
  toteCode: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  allowedActions: z.array(z.enum(EXCEPTION_ACTIONS)),
  handled: z
    .object({
      by: Person.nullable(),
      at: z.string().nullable(),
      action: z.string().nullable(),
      note: z.string().nullable(),
      result: z.record(z.string(), z.unknown()).nullable(),
    })
    .nullable(),
});
export const ExceptionListResponse = z.object({
  exceptions: z.array(ExceptionItemSchema),
  /** Who the assign-count action may name. */
  counters: z.array(Person),
  now: z.string(),
});
export const ExceptionActionResponse = z.object({
  exception: ExceptionItemSchema,
  result: z.record(z.string(), z.unknown()),
  version: z.number().int(),
});

export interface ExceptionRouteOptions {
  db: Kysely<Database>;
  events: EventHub;
}

/** The lead's exceptions work queue (issue 7): list it, act on one. docs/exceptions.md. */
export function exceptionRoutes(app: FastifyInstance, { db, events }: ExceptionRouteOptions) {
  app.get('/api/exceptions', async (req) => {
    const auth = requireRole(req, ['lead']);
    const q = parseOr400(ExceptionListQuery, req.query ?? {});
    const now = Date.now();
    const exceptions = await listExceptions(db, auth.warehouseId, { status: q.status, limit: q.limit, ...(q.type ? { types: q.type } : {}) }, now);
    return { exceptions, counters: await listCounters(db, auth.warehouseId), now: new Date(now).toISOString() };
  });

  app.post('/api/exceptions/:id/actions', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(ExceptionActionBody, req.body);
    return applyExceptionAction(db, events, { warehouseId: auth.warehouseId, userId: auth.user.id }, id, body, new Date().toISOString());
  });
}

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ErrorCode } from '../../domain/errors';
import { labelsPdf, labelsZpl } from '../../domain/labels';
import { hasAnyRole, type Role } from '../../domain/roles';
import type { Database } from '../db/schema';
import { parseOr400, requireAuth } from '../http';
import { ApiError } from '../services/api-error';
import type { EventHub } from '../services/events';
import { parsePrinterHost, sendZpl } from '../services/printer';
import { shipmentLabels } from '../services/shipping-load';
import { versionedWrite } from '../services/shipping-tx';

/** Ids arrive in paths and bodies: printable ASCII only, so nothing odd reaches SQL. */
export const Id = z.string().regex(/^[\x21-\x7e]{1,64}$/, 'an id is 1-64 printable characters');
const IdParams = z.strictObject({ id: Id });

export const PrinterBody = z.strictObject({ host: z.string().max(270).nullable() });
export const PrintLabelsBody = z.strictObject({ shipmentId: Id, benchId: Id, cartonId: Id.optional() });
export const PrintLabelsResponse = z.object({ printed: z.number().int(), printer: z.string() });
export const PrinterResponse = z.object({ locationId: z.string(), host: z.string().nullable(), version: z.number().int() });

export function requireRole(req: Parameters<typeof requireAuth>[0], roles: Role[]) {
  const auth = requireAuth(req);
  if (!hasAnyRole(auth.user.roles, roles)) throw new ApiError(403, ErrorCode.FORBIDDEN, `needs one of: ${roles.join(', ')}`);
  return auth;
}

export interface PrintRouteOptions {
  db: Kysely<Database>;
  events: EventHub;
  printTimeoutMs: number;
}

/** Label printing: bench printers, raw-TCP printing of a shipment's labels, and reprints as files. */
export function printRoutes(app: FastifyInstance, { db, events, printTimeoutMs }: PrintRouteOptions) {
  app.put('/api/locations/:id/printer', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { id } = parseOr400(IdParams, req.params);
    const body = parseOr400(PrinterBody, req.body);
    const host = body.host === null || body.host.trim() === '' ? null : body.host.trim();
    if (host !== null && !parsePrinterHost(host)) {
      throw new ApiError(400, ErrorCode.VALIDATION_FAILED, 'printer is host[:port]: a hostname, IPv4 or [IPv6] address, port 1-65535');
    }
    return versionedWrite(db, events, async (trx, clock) => {
      const loc = await trx.selectFrom('locations').select(['id', 'type']).where('id', '=', id).where('warehouse_id', '=', auth.warehouseId).executeTakeFirst();
      if (!loc) throw new ApiError(404, ErrorCode.NOT_FOUND, `location ${id} not found`);
      if (loc.type !== 'pack_bench') throw new ApiError(422, ErrorCode.NOT_A_PACK_BENCH, `location ${id} is not a pack bench`);
      const version = clock.tick();
      await trx.updateTable('locations').set({ printer_host: host, version }).where('id', '=', id).execute();
      return { locationId: id, host, version };
    });
  });

  app.post('/api/print/labels', async (req) => {
    const auth = requireRole(req, ['packer', 'lead']);
    const body = parseOr400(PrintLabelsBody, req.body);
    const bench = await db
      .selectFrom('locations')
      .select(['id', 'type', 'printer_host'])
      .where('id', '=', body.benchId)
      .where('warehouse_id', '=', auth.warehouseId)
      .executeTakeFirst();
    if (!bench || bench.type !== 'pack_bench') throw new ApiError(404, ErrorCode.NOT_A_PACK_BENCH, `${body.benchId} is not a pack bench here`);
    const { labels } = await shipmentLabels(db, auth.warehouseId, body.shipmentId, body.cartonId);
    if (!bench.printer_host) throw new ApiError(409, ErrorCode.PRINTER_NOT_CONFIGURED, 'this bench has no label printer: print the PDF instead');
    await sendZpl(bench.printer_host, labelsZpl(labels), { timeoutMs: printTimeoutMs });
    return { printed: labels.length, printer: bench.printer_host };
  });

  app.get('/api/shipments/:id/labels.zpl', async (req, reply) => {
    const auth = requireRole(req, ['packer', 'lead']);
    const { id } = parseOr400(IdParams, req.params);
    const { shipment, labels } = await shipmentLabels(db, auth.warehouseId, id);
    return reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="labels-${fileSafe(shipment.orderRef)}.zpl"`)
      .send(labelsZpl(labels));
  });

  app.get('/api/shipments/:id/labels.pdf', async (req, reply) => {
    const auth = requireRole(req, ['packer', 'lead']);
    const { id } = parseOr400(IdParams, req.params);
    const { shipment, labels } = await shipmentLabels(db, auth.warehouseId, id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="labels-${fileSafe(shipment.orderRef)}.pdf"`)
      .send(Buffer.from(labelsPdf(labels)));
  });
}

export function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60) || 'x';
}

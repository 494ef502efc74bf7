import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { HeartbeatBody } from '../../domain/devices';
import type { Database } from '../db/schema';
import { parseOr400, requireAuth } from '../http';
import { listDevices, recordReport } from '../services/device-reports';
import { requireRole } from './print';

/**
 * Devices on the live board (issue 7): each handheld reports its outbox by heartbeat;
 * leads see every device of the warehouse and which ones hold work nobody is syncing.
 */
export function deviceRoutes(app: FastifyInstance, db: Kysely<Database>) {
  // Any signed-in device reports about itself only: the device is the session's.
  app.post('/api/devices/heartbeat', async (req) => {
    const auth = requireAuth(req);
    const body = parseOr400(HeartbeatBody, req.body);
    return recordReport(db, { warehouseId: auth.warehouseId, deviceId: auth.deviceId }, body.report);
  });

  app.get('/api/devices', async (req) => {
    const auth = requireRole(req, ['lead']);
    return listDevices(db, auth.warehouseId);
  });
}

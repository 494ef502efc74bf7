import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { BoardStatsQuery } from '../../domain/board/stats';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { loadBoardStats } from '../services/board-stats';
import { requireRole } from './print';

/** The live board's figures (issue 7): rates, idle time, order cycle time, accuracy. */
export function boardRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/api/board/stats', async (req) => {
    // Admins pass every role check (hasAnyRole).
    const auth = requireRole(req, ['lead']);
    const query = parseOr400(BoardStatsQuery, req.query ?? {});
    return loadBoardStats(db, auth.warehouseId, query);
  });
}

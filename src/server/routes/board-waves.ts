import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { BoardSummaryQuery, BoardWavesQuery, leanStats } from '../../domain/board/waves';
import type { Database } from '../db/schema';
import { parseOr400 } from '../http';
import { loadBoardStats } from '../services/board-stats';
import { loadBoardWaves } from '../services/board-waves';
import { requireRole } from './print';

/** The live board's waves with progress and estimated finish, and each person's current task (issue 7). */
export function boardWaveRoutes(app: FastifyInstance, db: Kysely<Database>) {
  app.get('/api/board/waves', async (req) => {
    // Admins pass every role check (hasAnyRole).
    const auth = requireRole(req, ['lead']);
    const query = parseOr400(BoardWavesQuery, req.query ?? {});
    return loadBoardWaves(db, auth.warehouseId, query);
  });

  // The stats for the live board: the same figures, per-person buckets only for `person`.
  app.get('/api/board/summary', async (req) => {
    const auth = requireRole(req, ['lead']);
    const { person, ...query } = parseOr400(BoardSummaryQuery, req.query ?? {});
    return leanStats(await loadBoardStats(db, auth.warehouseId, query), person);
  });
}

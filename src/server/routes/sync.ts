import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { ErrorCode } from '../../domain/errors';
import { PullQuery, PushRequest, SCHEMA_VERSION } from '../../domain/sync';
import type { DbKind } from '../db/connect';
import type { SqliteFast } from '../db/sqlite-fast';
import type { Database } from '../db/schema';
import { currentVersion } from '../db/version';
import { parseOr400, requireAuth } from '../http';
import { ApiError, isDbFault } from '../services/api-error';
import type { EventHub } from '../services/events';
import { pullChanges } from '../services/pull';
import { applyPush, checkPush } from '../services/push';
import { WaveTaskCache } from '../services/wave-cache';

export interface SyncRouteOpts {
  db: Kysely<Database>;
  kind: DbKind;
  fast: SqliteFast | null;
  events: EventHub;
  heartbeatMs: number;
}

export function syncRoutes(app: FastifyInstance, { db, kind, fast, events, heartbeatMs }: SyncRouteOpts) {
  const waveTasks = new WaveTaskCache();
  let pushQueue: Promise<unknown> = Promise.resolve();
  app.post('/api/sync/push', async (req) => {
    const auth = requireAuth(req);
    const body = parseOr400(PushRequest, req.body);
    if (body.deviceId !== auth.deviceId) {
      throw new ApiError(403, ErrorCode.DEVICE_MISMATCH, 'push deviceId differs from the signed-in device');
    }
    if (body.schemaVersion > SCHEMA_VERSION) {
      throw new ApiError(400, ErrorCode.VALIDATION_FAILED, `schemaVersion ${body.schemaVersion} is newer than this server`);
    }
    // Validated before queueing, so this CPU work overlaps the batch ahead's database time.
    const parsed = checkPush(body);
    // One push at a time per process: they serialise on the version counter anyway, and
    // queueing here lets a batch reuse the wave state the previous one left behind.
    const turn = pushQueue.then(() => applyPush(db, body, { warehouseId: auth.warehouseId, kind, fast, waveTasks }, parsed));
    pushQueue = turn.then(
      () => undefined,
      () => undefined,
    );
    try {
      const { response, version } = await turn;
      if (version !== null) events.poke(version);
      return response;
    } catch (err) {
      if (err instanceof ApiError) throw err;
      req.log.error({ err }, 'push failed; nothing was applied');
      throw new ApiError(503, ErrorCode.TRANSIENT, 'could not save right now; nothing was applied, retry');
    }
  });

  app.get('/api/sync/pull', async (req) => {
    const auth = requireAuth(req);
    const q = parseOr400(PullQuery, req.query);
    return pullChanges(db, kind, { warehouseId: auth.warehouseId, deviceId: auth.deviceId, userId: auth.user.id }, q.cursor, q.limit);
  });

  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.get('/api/sync/events', async (req, reply) => {
    requireAuth(req);
    let version: number;
    try {
      version = await currentVersion(db);
    } catch (err) {
      if (isDbFault(err)) throw new ApiError(503, ErrorCode.TRANSIENT, 'database unavailable');
      throw err;
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (v: number) => res.write(`event: poke\ndata: ${JSON.stringify({ version: v })}\n\n`);
    res.write('retry: 3000\n\n');
    send(version);
    const unsubscribe = events.subscribe(send);
    const beat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const end = () => {
      clearInterval(beat);
      unsubscribe();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    req.raw.on('close', end);
    res.on('error', end);
  });
}

import type { FastifyInstance } from 'fastify';
import type { DbKind } from '../db/connect';
import { APP_VERSION } from '../version';

export function healthRoutes(app: FastifyInstance, kind: DbKind) {
  app.get('/api/health', async () => ({ status: 'ok' as const, version: APP_VERSION, db: kind }));
}

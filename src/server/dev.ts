import type { IncomingMessage, ServerResponse } from 'node:http';
import { readEnv, startApp } from './start';

/**
 * The API as connect middleware for the Vite dev server: `/api/*` and `/demo/*` go to
 * Fastify (on the same SQLite file `npm start` uses, or DATABASE_URL), everything else
 * to Vite.
 */
export async function createDevHandler(): Promise<(req: IncomingMessage, res: ServerResponse, next: () => void) => void> {
  const env = readEnv();
  const { app } = await startApp(env, { logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  await app.ready();
  return (req, res, next) => {
    const url = req.url ?? '';
    if (url.startsWith('/api/') || url.startsWith('/demo/')) app.routing(req, res);
    else next();
  };
}

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { renderBarcodePage } from '../services/barcode-page';

export function demoRoutes(app: FastifyInstance, db: Kysely<Database>) {
  // Drawing ~150 symbols takes a few hundred ms and the codes rarely change: keep a minute.
  let cache: { html: string; at: number } | null = null;
  app.get('/demo/barcodes', async (_req, reply) => {
    if (!cache || Date.now() - cache.at > 60_000) cache = { html: await renderBarcodePage(db), at: Date.now() };
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(cache.html);
  });
}

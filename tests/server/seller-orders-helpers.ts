import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';

/** Two sellers with a key each and a few of their SKU codes, for the sellers' orders suites. */
export interface SellerFixture {
  sellerId: string;
  key: string;
  skus: string[];
}

export async function sellerFixtures(app: FastifyInstance, db: Kysely<Database>, adminToken: string): Promise<[SellerFixture, SellerFixture]> {
  const sellers = (await db.selectFrom('sellers').select('id').orderBy('id').execute()).map((r) => r.id).slice(0, 2);
  const out: SellerFixture[] = [];
  for (const sellerId of sellers) {
    const r = await app.inject({ method: 'POST', url: '/api/admin/seller-keys', headers: { authorization: `Bearer ${adminToken}` }, payload: { sellerId, name: 'orders test' } });
    if (r.statusCode !== 201) throw new Error(`key: ${r.statusCode} ${r.body}`);
    const skus = (await db.selectFrom('skus').select('code').where('seller_id', '=', sellerId).orderBy('code').limit(5).execute()).map((s) => s.code);
    out.push({ sellerId, key: (r.json() as { key: string }).key, skus });
  }
  return out as [SellerFixture, SellerFixture];
}

let n = 0;
export function orderBody(skus: string[], externalId = `EXT-${Date.now()}-${++n}`) {
  return {
    externalId,
    shipTo: { name: 'Ada Lovelace', line1: '12 Analytical Way', city: 'Portland', region: 'OR', postalCode: '97205', country: 'US' },
    carrierService: 'UPS Ground',
    shipBy: '2026-12-01T17:00:00Z',
    lines: skus.slice(0, 2).map((sku, i) => ({ sku, qty: i + 1 })),
  };
}

export const asSeller = (key: string) => ({ authorization: `Bearer ${key}` });

/** Every row count a seller's order request could change. */
export async function counts(db: Kysely<Database>) {
  const c = async (t: 'orders' | 'order_lines' | 'shipments' | 'exceptions') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const v = await db.selectFrom('server_version').select('value').executeTakeFirstOrThrow();
  return { orders: await c('orders'), lines: await c('order_lines'), shipments: await c('shipments'), exceptions: await c('exceptions'), version: Number(v.value) };
}

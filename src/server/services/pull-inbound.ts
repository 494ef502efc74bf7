import type { Transaction } from 'kysely';
import type { InboundSnapshot, PutawayTask } from '../../domain/inbound/snapshot';
import { hasAnyRole } from '../../domain/roles';
import type { Database } from '../db/schema';
import { receivingRulesOf, toAsn } from './receiving-state';

/** Roles that get receiving's working set in a pull. */
export const INBOUND_ROLES = ['receiver', 'returns', 'lead', 'admin'] as const;
/** Sellers without receiving rules are received unit by unit with no shelf-life flag. */
const DEFAULT_RULES = { trusted: false, minShelfLifeDays: 0 } as const;

/**
 * Receiving's working set for a receiver, returns clerk or lead (InboundSnapshot);
 * undefined for other roles. Read inside the pull's snapshot: ASNs still to receive with
 * their cartons and lines, open putaway tasks (from receipts and from returns) with the
 * units they still hold, and every seller's receiving rules.
 */
export async function readInboundSnapshot(trx: Transaction<Database>, warehouseId: string, userId: string | null): Promise<InboundSnapshot | undefined> {
  if (!userId) return undefined;
  const user = await trx.selectFrom('users').select('roles').where('id', '=', userId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
  if (!user || !hasAnyRole(JSON.parse(user.roles) as string[], INBOUND_ROLES)) return undefined;

  const asnRows = await trx
    .selectFrom('asns')
    .select(['id', 'seller_id', 'reference', 'status'])
    .where('warehouse_id', '=', warehouseId)
    .where('status', 'in', ['announced', 'receiving'])
    .orderBy('reference')
    .execute();
  const ids = asnRows.map((a) => a.id);
  const cartons = new Map<string, { sscc: string; contents: string | null }[]>();
  const lines = new Map<string, { sku_id: string; qty: number; lot: string | null; expiry: string | null }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const c of await trx.selectFrom('asn_cartons').select(['asn_id', 'sscc', 'contents']).where('asn_id', 'in', chunk).orderBy('id').execute()) {
      cartons.set(c.asn_id, [...(cartons.get(c.asn_id) ?? []), c]);
    }
    const ls = await trx.selectFrom('asn_lines').select(['asn_id', 'sku_id', 'qty', 'lot', 'expiry']).where('asn_id', 'in', chunk).orderBy('asn_id').orderBy('line_no').execute();
    for (const l of ls) lines.set(l.asn_id, [...(lines.get(l.asn_id) ?? []), l]);
  }

  const tasks = await trx
    .selectFrom('putaway_tasks')
    .selectAll()
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const putawayTasks: PutawayTask[] = tasks
    .map((t) => ({
      id: t.id,
      receiptId: t.receipt_id,
      returnId: t.return_id,
      skuId: t.sku_id,
      lot: t.lot,
      expiry: t.expiry,
      // What the task still holds: a partial confirm left the rest open.
      qty: Number(t.qty) - Number(t.done_qty),
      condition: t.condition === 'damaged' ? ('damaged' as const) : ('ok' as const),
      fromLocationId: t.from_location_id,
      suggestedLocationId: t.suggested_location_id,
      status: 'open' as const,
      createdAt: t.created_at,
    }))
    .filter((t) => t.qty > 0);

  const sellers = await trx.selectFrom('sellers').select(['id', 'rules']).where('warehouse_id', '=', warehouseId).orderBy('id').execute();
  return {
    asns: asnRows.map((a) => toAsn(a, cartons.get(a.id) ?? [], lines.get(a.id) ?? [])),
    putawayTasks,
    receivingRules: sellers.map((s) => ({ sellerId: s.id, rules: receivingRulesOf(s.rules) ?? { ...DEFAULT_RULES } })),
  };
}

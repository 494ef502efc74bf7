import type { Location } from '../../domain/model';
import type { BoxType, OverrideVerifier, PackConfig, PackOrder, PackSnapshot } from '../../domain/packing/types';
import { db, type LeaseRow, type OutboxRow } from './db';

/**
 * Packing's working set on the device. The pull sends it whole (PullResponse.pack) and
 * it replaces what was held; the pack commands this device still holds in its outbox
 * are laid over it when read, so a packed order stays packed until the pull that
 * reflects it, exactly like the pick view.
 */

const PACK_COMMANDS = new Set(['pack.confirm', 'pack.missing']);

export function packTables() {
  const d = db();
  return [d.packOrders, d.boxTypes, d.packLeases, d.packVerifiers, d.packPrinters, d.packMeta];
}

/**
 * Inside the pull's transaction: replaces the snapshot. Leases keep the serials this
 * device already used (`next`), so a number is never handed out twice even when the
 * server has not heard of its use yet.
 */
export async function applyPackSnapshotInTx(snap: PackSnapshot): Promise<void> {
  const d = db();
  const held = new Map((await d.packLeases.toArray()).map((l) => [l.id, l]));
  const leases: LeaseRow[] = snap.leases.map((l) => ({ ...l, next: Math.max(held.get(l.id)?.next ?? l.first, l.first) }));
  await Promise.all([d.packOrders.clear(), d.boxTypes.clear(), d.packLeases.clear(), d.packVerifiers.clear(), d.packPrinters.clear()]);
  await Promise.all([
    d.packOrders.bulkPut(snap.orders),
    d.boxTypes.bulkPut(snap.boxTypes),
    d.packLeases.bulkPut(leases),
    d.packVerifiers.bulkPut(snap.verifiers),
    d.packPrinters.bulkPut(snap.printers),
    d.packMeta.put({ key: 'config', value: snap.config }),
  ]);
}

export async function getPackConfig(): Promise<PackConfig | null> {
  return ((await db().packMeta.get('config'))?.value as PackConfig | undefined) ?? null;
}

/** The bench chosen on this device (a pack_bench location id), kept across sign-ins. */
export async function getBench(): Promise<Location | null> {
  const id = (await db().packMeta.get('bench'))?.value as string | undefined;
  if (!id) return null;
  const loc = await db().locations.get(id);
  return loc && loc.type === 'pack_bench' ? loc : null;
}

export async function setBench(locationId: string | null): Promise<void> {
  if (locationId === null) await db().packMeta.delete('bench');
  else await db().packMeta.put({ key: 'bench', value: locationId });
}

export async function listBenches(): Promise<Location[]> {
  return (await db().locations.toArray()).filter((l) => l.type === 'pack_bench').sort((a, b) => a.walkSeq - b.walkSeq || a.code.localeCompare(b.code));
}

export async function listBoxTypes(): Promise<BoxType[]> {
  return (await db().boxTypes.toArray()).filter((b) => b.active);
}

export async function findBoxByCode(code: string): Promise<BoxType | undefined> {
  const box = await db().boxTypes.where('code').equalsIgnoreCase(code.trim()).first();
  return box?.active ? box : undefined;
}

export async function listVerifiers(): Promise<OverrideVerifier[]> {
  return db().packVerifiers.toArray();
}

export async function printerFor(benchId: string): Promise<string | null> {
  return (await db().packPrinters.get(benchId))?.host ?? null;
}

/** Status an order shows after this device's pack commands still in the outbox. */
export function overlayStatus(order: PackOrder, cmds: readonly Pick<OutboxRow, 'name' | 'args'>[]): PackOrder['status'] {
  let status = order.status;
  for (const c of cmds) {
    if ((c.args as { orderId?: string }).orderId !== order.orderId) continue;
    if (c.name === 'pack.confirm') status = 'packed';
    else if (c.name === 'pack.missing' && status !== 'packed') status = 'on_hold';
  }
  return status;
}

export async function packCommandsInOutbox(): Promise<OutboxRow[]> {
  return db().outbox.filter((r) => PACK_COMMANDS.has(r.name)).toArray();
}

export type ToteLookup = { ok: true; toteCode: string; orders: PackOrder[] } | { ok: false; code: 'UNKNOWN_TOTE' | 'TOTE_NOT_PICKED' };

/**
 * The orders in a scanned tote, with this device's pack commands laid over them. A tote
 * the device does not know is UNKNOWN_TOTE; one holding no order for packing is
 * TOTE_NOT_PICKED.
 */
export async function ordersInTote(code: string): Promise<ToteLookup> {
  const d = db();
  const wanted = code.trim().toUpperCase();
  const [orders, cmds, tote] = await Promise.all([
    d.packOrders.where('toteCode').equalsIgnoreCase(wanted).toArray(),
    packCommandsInOutbox(),
    d.totes.where('code').equalsIgnoreCase(wanted).first(),
  ]);
  if (!orders.length) return { ok: false, code: tote ? 'TOTE_NOT_PICKED' : 'UNKNOWN_TOTE' };
  const shown = orders.map((o) => ({ ...o, status: overlayStatus(o, cmds) })).sort((a, b) => a.orderRef.localeCompare(b.orderRef));
  return { ok: true, toteCode: orders[0]!.toteCode, orders: shown };
}

/** The SKUs named by these orders, by id, for verification and expected weights. */
export async function skusOf(orders: readonly PackOrder[]) {
  const ids = [...new Set(orders.flatMap((o) => o.items.map((i) => i.skuId)))];
  const rows = await db().skus.bulkGet(ids);
  return new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r]));
}

export interface PackRefusal {
  id: string;
  name: string;
  code: string;
  orderId: string | null;
  orderRef: string | null;
  toteCode: string | null;
  createdAt: string;
}

/**
 * This user's pack commands the server refused (an order cancelled upstream, a number
 * it would not take), until the packer says they have dealt with it: the bench shows
 * them, since a label may already be on a carton that must not ship.
 */
export async function packRefusals(userId: string): Promise<PackRefusal[]> {
  const d = db();
  const rows = (await d.conflicts.toArray()).filter((r) => r.name.startsWith('pack.') && r.status === 'rejected' && !r.resolvedAt && r.userId === userId);
  const orders = await d.packOrders.bulkGet(rows.map((r) => (r.args as { orderId?: string }).orderId ?? ''));
  return rows
    .map((r, i) => {
      const a = r.args as { orderId?: string; toteCode?: string };
      return { id: r.id, name: r.name, code: r.code, orderId: a.orderId ?? null, orderRef: orders[i]?.orderRef ?? null, toteCode: a.toteCode ?? null, createdAt: r.createdAt };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function dismissPackRefusal(id: string): Promise<void> {
  await db().conflicts.update(id, { resolvedAt: new Date().toISOString() });
}

/** The bench's work on the tote in hand (verified units, cartons, weights), so a reload loses nothing. */
export async function saveBenchWork(work: unknown): Promise<void> {
  await db().packMeta.put({ key: 'work', value: work });
}

export async function loadBenchWork(): Promise<unknown> {
  return (await db().packMeta.get('work'))?.value ?? null;
}

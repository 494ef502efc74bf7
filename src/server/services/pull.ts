import type { Kysely, Transaction } from 'kysely';
import type { PullResponse, Rejection } from '../../domain/sync';
import type { DbKind } from '../db/connect';
import type { Database } from '../db/schema';
import { clampInt4, currentVersion } from '../db/version';
import { readInboundSnapshot } from './pull-inbound';
import { readInventorySnapshot } from './pull-inventory';
import { readPackSnapshot } from './pull-pack';
import { readReplenishSnapshot } from './pull-replenish';
import { readStock } from './pull-stock';
import { toException, toLocation, toSku, toTask, toTote, toUserPublic, toWave } from './mappers';

const SYNCED = ['locations', 'skus', 'totes', 'users', 'waves', 'pick_tasks', 'exceptions'] as const;
type Synced = (typeof SYNCED)[number];

export interface PullCaller {
  warehouseId: string;
  deviceId: string;
  /** The signed-in user: the bin stock sent is that of their open waves' SKUs. */
  userId?: string | null;
}

/**
 * Everything in the caller's warehouse that changed after `cursor`, up to about `limit`
 * rows. Pages end on a version boundary (all rows of the last version are included),
 * so a page never splits one change. Reads one snapshot: on PostgreSQL a repeatable
 * read transaction, on SQLite a transaction on the single connection.
 */
export async function pullChanges(
  db: Kysely<Database>,
  kind: DbKind,
  caller: PullCaller,
  cursorIn: number,
  limit: number,
): Promise<PullResponse> {
  const tx = db.transaction();
  const run = kind === 'postgres' ? tx.setIsolationLevel('repeatable read').setAccessMode('read only') : tx;
  return run.execute(async (trx) => {
    const head = await currentVersion(trx);
    const cursor = clampInt4(cursorIn);
    const versions: number[] = [];
    for (const t of SYNCED) {
      const rows = await trx
        .selectFrom(t)
        .select('version')
        .where('warehouse_id', '=', caller.warehouseId)
        .where('version', '>', cursor)
        .orderBy('version')
        // One more than a page: a table alone holding more than `limit` changes must
        // still make `hasMore` true, or the rest would arrive as one huge page.
        .limit(limit + 1)
        .execute();
      for (const r of rows) versions.push(Number(r.version));
    }
    versions.sort((a, b) => a - b);
    const hasMore = versions.length > limit;
    const upTo = hasMore ? versions[limit - 1]! : Math.max(head, cursor);
    const device = await trx.selectFrom('devices').select('last_seq').where('id', '=', caller.deviceId).executeTakeFirst();
    // Packing's working set travels whole, once per pull, with its last page.
    const pack = hasMore ? undefined : await readPackSnapshot(trx, caller.warehouseId, caller.deviceId, caller.userId ?? null);
    const inbound = hasMore ? undefined : await readInboundSnapshot(trx, caller.warehouseId, caller.userId ?? null);
    const inventory = hasMore ? undefined : await readInventorySnapshot(trx, caller.warehouseId, caller.userId ?? null);
    const replenish = hasMore ? undefined : await readReplenishSnapshot(trx, caller.warehouseId, caller.userId ?? null);
    return {
      cursor: hasMore ? upTo : head,
      hasMore,
      lastSeq: device ? Number(device.last_seq) : 0,
      changes: {
        ...(await readChanges(trx, caller.warehouseId, cursor, upTo)),
        stock: await readStock(trx, caller.warehouseId, caller.userId ?? null, cursor, hasMore ? upTo : head),
      },
      rejections: await readRejections(trx, caller.deviceId, cursor, upTo),
      ...(pack ? { pack } : {}),
      ...(inbound ? { inbound } : {}),
      ...(inventory ? { inventory } : {}),
      ...(replenish ? { replenish } : {}),
    };
  });
}

function range<T extends Synced>(trx: Transaction<Database>, t: T, wh: string, from: number, to: number) {
  return trx
    .selectFrom(t as Synced)
    .where('warehouse_id', '=', wh)
    .where('version', '>', from)
    .where('version', '<=', to)
    .orderBy('version');
}

async function readChanges(trx: Transaction<Database>, wh: string, from: number, to: number): Promise<Omit<PullResponse['changes'], 'stock'>> {
  const skuRows = await trx
    .selectFrom('skus')
    .selectAll()
    .where('warehouse_id', '=', wh)
    .where('version', '>', from)
    .where('version', '<=', to)
    .orderBy('version')
    .execute();
  const barcodes = new Map<string, Awaited<ReturnType<typeof loadBarcodes>>>();
  for (let i = 0; i < skuRows.length; i += 500) {
    for (const b of await loadBarcodes(trx, skuRows.slice(i, i + 500).map((s) => s.id))) {
      const list = barcodes.get(b.sku_id) ?? [];
      list.push(b);
      barcodes.set(b.sku_id, list);
    }
  }
  const users = await trx
    .selectFrom('users')
    .select(['id', 'name', 'roles', 'language', 'version'])
    .where('warehouse_id', '=', wh)
    .where('version', '>', from)
    .where('version', '<=', to)
    .orderBy('version')
    .execute();
  return {
    locations: (await range(trx, 'locations', wh, from, to).selectAll('locations').execute()).map(toLocation),
    skus: skuRows.map((s) => toSku(s, barcodes.get(s.id) ?? [])),
    totes: (await range(trx, 'totes', wh, from, to).selectAll('totes').execute()).map(toTote),
    users: users.map((u) => ({ ...toUserPublic(u), version: Number(u.version) })),
    waves: (await range(trx, 'waves', wh, from, to).selectAll('waves').execute()).map(toWave),
    tasks: (await range(trx, 'pick_tasks', wh, from, to).selectAll('pick_tasks').execute()).map(toTask),
    exceptions: (await range(trx, 'exceptions', wh, from, to).selectAll('exceptions').execute()).map(toException),
  };
}

function loadBarcodes(trx: Transaction<Database>, skuIds: string[]) {
  return trx.selectFrom('sku_barcodes').selectAll().where('sku_id', 'in', skuIds).orderBy('id').execute();
}

async function readRejections(trx: Transaction<Database>, deviceId: string, from: number, to: number): Promise<Rejection[]> {
  const rows = await trx
    .selectFrom('mutations')
    .select(['id', 'seq', 'name', 'code', 'message', 'created_at', 'result'])
    .where('device_id', '=', deviceId)
    .where('status', '=', 'rejected')
    .where('version', '>', from)
    .where('version', '<=', to)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const other = (JSON.parse(r.result) as { otherUserId?: string | null }).otherUserId;
    return {
      id: r.id,
      seq: Number(r.seq),
      name: r.name,
      code: r.code ?? '',
      message: r.message ?? '',
      createdAt: r.created_at,
      ...(other ? { otherUserId: other } : {}),
    };
  });
}

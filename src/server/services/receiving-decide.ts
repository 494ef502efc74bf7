import type { Outcome, PutawayConfirmArgs, ReceiptCloseArgs, StockMoveArgs } from '../../domain/commands';
import { applyReceiptClose } from '../../domain/inbound/apply';
import { applyPutawayConfirm, applyStockMove } from '../../domain/inbound/apply-move';
import type { DecideEnv } from './push-decide';
import { loadAsn, loadHeld, loadLocation, loadPutawayWhere, loadSeller, loadSkus, receiptExists } from './receiving-state';

/** Rule context as push passes it. */
export interface InboundCtx {
  userId: string;
  mutationId: string;
  now: string;
}

/**
 * The server side of receipt.close, putaway.confirm and stock.move: the state each pure
 * rule needs, read inside the batch's transaction, then the rule (domain/inbound/apply*),
 * the same one the device applies optimistically. Roles were checked by push-decide.
 */
export async function decideReceiving(
  name: 'receipt.close' | 'putaway.confirm' | 'stock.move',
  args: ReceiptCloseArgs | PutawayConfirmArgs | StockMoveArgs,
  ctx: InboundCtx,
  env: DecideEnv,
): Promise<Outcome> {
  const { trx, warehouseId } = env;
  switch (name) {
    case 'receipt.close': {
      const a = args as ReceiptCloseArgs;
      const skuIds = [...a.lines.map((l) => l.skuId), ...a.notes.flatMap((n) => (n.skuId === null ? [] : [n.skuId]))];
      const exists = await receiptExists(trx, a.receiptId);
      const dock = await loadLocation(trx, warehouseId, a.dockLocationId);
      const seller = await loadSeller(trx, warehouseId, a.sellerId);
      const asn = a.asnId === null ? null : await loadAsn(trx, warehouseId, a.asnId);
      const skus = await loadSkus(trx, warehouseId, skuIds);
      // Bins are read only for a close that can succeed: a refusal costs no ledger scan.
      const base = { asn, receiptExists: exists, dock, seller, skus };
      const probe = applyReceiptClose(base, a, ctx);
      if (probe.status !== 'applied') return probe;
      return applyReceiptClose({ ...base, putaway: await loadPutawayWhere(trx, warehouseId, env.batch, skuIds) }, a, ctx);
    }
    case 'putaway.confirm': {
      const a = args as PutawayConfirmArgs;
      const t = await trx.selectFrom('putaway_tasks').selectAll().where('id', '=', a.taskId).where('warehouse_id', '=', warehouseId).executeTakeFirst();
      const task = t
        ? {
            id: t.id,
            status: t.status as 'open' | 'done',
            qty: Number(t.qty) - Number(t.done_qty),
            skuId: t.sku_id,
            lot: t.lot,
            expiry: t.expiry,
            condition: t.condition as 'ok' | 'damaged',
            fromLocationId: t.from_location_id,
            suggestedLocationId: t.suggested_location_id,
          }
        : null;
      const suggestionUnseen = task ? await madeByThisDevice(env, task.id) : false;
      return applyPutawayConfirm({ task, to: await loadLocation(trx, warehouseId, a.toLocationId), suggestionUnseen }, a, ctx);
    }
    case 'stock.move': {
      const a = args as StockMoveArgs;
      const [sku] = await loadSkus(trx, warehouseId, [a.skuId]);
      const from = await loadLocation(trx, warehouseId, a.fromLocationId);
      const balances = from && sku ? await loadHeld(trx, warehouseId, env.batch, from.id, sku.id) : [];
      return applyStockMove({ from, to: await loadLocation(trx, warehouseId, a.toLocationId), sku: sku ?? null, balances }, a, ctx);
    }
  }
}

/**
 * Whether the task was made by a command of the confirming device (ids are
 * `${mutationId}:putaway:${i}`): that device worked from its own suggestion, or none,
 * until it pulled the server's.
 */
async function madeByThisDevice(env: DecideEnv, taskId: string): Promise<boolean> {
  const cut = taskId.indexOf(':putaway:');
  if (cut <= 0) return false;
  const mutationId = taskId.slice(0, cut);
  if (env.batch.commands.has(mutationId)) return true;
  const m = await env.trx.selectFrom('mutations').select('device_id').where('id', '=', mutationId).executeTakeFirst();
  return m?.device_id === env.deviceId;
}

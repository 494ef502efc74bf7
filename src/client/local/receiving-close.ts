import { COMMANDS, parseCommand } from '../../domain/commands';
import type { ReceiptCloseArgs } from '../../domain/commands/inbound';
import { applyReceiptClose } from '../../domain/inbound/apply';
import { closeReceipt, type CloseResult } from '../../domain/inbound/close-receipt';
import type { PutawayTask } from '../../domain/inbound/snapshot';
import type { PutawayStub } from '../../domain/inbound/types';
import { ErrorCode } from '../../domain/errors';
import { db } from './db';
import { notifyLocalWrite } from './events';
import { outboxRow } from './outbox';
import { putawayWhere } from './putaway-suggest';
import { asnOf, lineOf, rulesOf, type ClosedAsn } from './receiving-drafts';

/**
 * receipt.close on the device: in ONE strict transaction the outbox row is written, the
 * draft goes, the ASN is marked closed here and the putaway tasks the server will make
 * are made locally, with the server's ids (closeReceipt's `${mutationId}:putaway:${i}`),
 * so putaway.confirm can name them before any network.
 */

export type CloseDraftResult =
  | { ok: true; seq: number; mutationId: string; args: ReceiptCloseArgs; putawayTaskIds: string[] }
  | { ok: false; code: ErrorCode; message: string };

class Refusal extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

export const CLOSED_ASNS_KEY = 'closedAsns';

export function taskOfStub(stub: PutawayStub, receiptId: string, createdAt: string): PutawayTask {
  return {
    id: stub.id,
    receiptId,
    returnId: null,
    skuId: stub.skuId,
    lot: stub.lot,
    expiry: stub.expiry,
    qty: stub.qty,
    condition: stub.condition,
    fromLocationId: stub.fromLocationId,
    suggestedLocationId: null,
    status: 'open',
    createdAt,
  };
}

export async function closeDraft(receiptId: string): Promise<CloseDraftResult> {
  const d = db();
  try {
    const out = await d.transaction('rw', [d.meta, d.outbox, d.receiptDrafts, d.receiptDraftLines, d.asns, d.putawayTasks, d.inboundMeta, d.locations, d.stock, d.skus], async () => {
      const draft = await d.receiptDrafts.get(receiptId);
      if (!draft) throw new Refusal(ErrorCode.RECEIPT_ALREADY_CLOSED);
      const rows = await d.receiptDraftLines.where('receiptId').equals(receiptId).sortBy('n');
      if (!rows.length) throw new Refusal(ErrorCode.RECEIPT_EMPTY);
      const asnRow = draft.asnId ? await d.asns.get(draft.asnId) : null;
      if (draft.asnId && !asnRow) throw new Refusal(ErrorCode.ASN_NOT_FOUND);
      const args: ReceiptCloseArgs = {
        receiptId,
        asnId: draft.asnId,
        sellerId: draft.sellerId,
        dockLocationId: draft.dockLocationId,
        lines: rows.map(lineOf),
        notes: draft.notes,
      };
      const argsVersion = COMMANDS['receipt.close'].argsVersion;
      const parsed = parseCommand('receipt.close', argsVersion, args);
      if (!parsed.ok) throw new Refusal(parsed.code);
      const row = outboxRow(await d.meta.bulkGet(['session', 'deviceId', 'nextSeq']), 'receipt.close', parsed.args, argsVersion);
      // The server's own rule (dock, seller's SKUs, closeReceipt, suggested bins) over what
      // the device holds, so the tasks made here are the ones the server will make.
      const open = (await d.putawayTasks.toArray()).filter((t) => t.status === 'open');
      const [dock, skus, where] = await Promise.all([
        d.locations.get(draft.dockLocationId),
        d.skus.bulkGet([...new Set([...args.lines.map((l) => l.skuId), ...args.notes.flatMap((n) => (n.skuId ? [n.skuId] : []))])]),
        putawayWhere(open),
      ]);
      const outcome = applyReceiptClose(
        {
          asn: asnRow ? asnOf(asnRow) : null,
          receiptExists: false,
          dock: dock ?? null,
          seller: { id: draft.sellerId, rules: await rulesOf(draft.sellerId) },
          skus: skus.filter((x) => x !== undefined),
          putaway: where,
        },
        args,
        { userId: row.userId, mutationId: row.id, now: row.createdAt },
      );
      if (outcome.status === 'rejected') throw new Refusal(outcome.code);
      const tasks = outcome.receiving?.putawayTasks ?? [];
      const held = ((await d.inboundMeta.get(CLOSED_ASNS_KEY))?.value as ClosedAsn[] | undefined) ?? [];
      await Promise.all([
        d.outbox.add(row),
        d.meta.put({ key: 'nextSeq', value: row.seq + 1 }),
        d.receiptDraftLines.bulkDelete(rows.map((r) => r.n!)),
        d.receiptDrafts.delete(receiptId),
        d.putawayTasks.bulkPut(tasks),
        draft.asnId ? d.inboundMeta.put({ key: CLOSED_ASNS_KEY, value: [...held, { asnId: draft.asnId, mutationId: row.id }] }) : null,
      ]);
      return { seq: row.seq, mutationId: row.id, args, putawayTaskIds: tasks.map((t) => t.id) };
    });
    notifyLocalWrite();
    return { ok: true, ...out };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, code: err.code, message: err.code };
    return { ok: false, code: ErrorCode.STORAGE_FAILED, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The server's rule run on the device. The ASN is judged as still open: this device
 * may be the one that marked it closed, and the server decides about other clerks.
 */
export function closeLocally(args: ReceiptCloseArgs, asn: Parameters<typeof closeReceipt>[0], mutationId: string, now: string): CloseResult {
  return closeReceipt(
    asn,
    { id: args.receiptId, asnId: args.asnId, sellerId: args.sellerId, status: 'open', lines: args.lines, notes: args.notes },
    { mutationId, dockLocationId: args.dockLocationId, now },
  );
}

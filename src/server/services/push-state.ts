import type { Insertable, Transaction } from 'kysely';
import type { Outcome } from '../../domain/commands';
import type { PickConfirmation, PickUndoArgs } from '../../domain/commands';
import type { OrderStatus } from '../../domain/packing/types';
import type { Database, ExceptionsTable, StockLedgerTable } from '../db/schema';

/**
 * What the commands of one push batch did so far. Their rows are written at the end of
 * the batch, so a rule that reads the command log (pick.undo, conflict.resolve) looks
 * here first: a confirm and its undo, or a refusal and its "mark done", may share a batch.
 */
export class BatchMemory {
  readonly commands = new Map<string, { name: string; args: unknown; status: Outcome['status']; userId: string; outcome: Outcome }>();
  /** Packing: order statuses, totes, and the numbers, ids and override nonces earlier commands took. */
  readonly orderStatus = new Map<string, OrderStatus>();
  readonly totes = new Map<string, { status: 'free' | 'on_cart' | 'awaiting_packing'; locationId: string | null; waveId: string | null }>();
  readonly numbersUsed = new Set<string>();
  readonly idsUsed = new Set<string>();
  readonly noncesUsed = new Set<string>();
  constructor(
    readonly exceptions: Insertable<ExceptionsTable>[],
    readonly ledger: Insertable<StockLedgerTable>[],
  ) {}

  record(id: string, name: string, args: unknown, userId: string, outcome: Outcome): void {
    this.commands.set(id, { name, args, status: outcome.status, userId, outcome });
    if (outcome.status !== 'applied') return;
    // A conditional patch (a drop-off's `picked`) is not known to apply until written:
    // later commands of the batch read the stored status instead.
    for (const o of outcome.orderPatches ?? []) if (!o.from) this.orderStatus.set(o.id, o.patch.status);
    for (const t of outcome.totePatches ?? []) this.totes.set(t.code, t.patch);
    for (const s of outcome.shipments ?? []) {
      this.idsUsed.add(s.id);
      if (s.overrideNonce) this.noncesUsed.add(s.overrideNonce);
      for (const c of s.cartons) {
        this.idsUsed.add(c.id);
        this.numbersUsed.add(c.trackingNumber);
        this.numbersUsed.add(c.sscc);
      }
    }
  }
}

const undoneBy = (args: unknown) => (args as Partial<PickUndoArgs>).mutationIdToUndo;

type MovedRow = { container_code: string | null; delta: number | string; lot?: string | null; expiry?: string | null };

/** Units a confirm moved into its tote: its positive container movements. */
function movedQty(rows: readonly MovedRow[]): number {
  return rows.filter((r) => r.container_code !== null && Number(r.delta) > 0).reduce((n, r) => n + Number(r.delta), 0);
}

/** The lot a confirm moved (a swapped lot may differ from the task's lot by now). */
function movedStock(rows: readonly MovedRow[]): PickConfirmation['stock'] {
  const r = rows.find((x) => x.container_code !== null && Number(x.delta) > 0);
  return r ? { lot: r.lot ?? null, expiry: r.expiry ?? null } : undefined;
}

/**
 * The confirmation an undo names, as pick.undo's rule needs it: from the command log
 * (an applied pick.confirm), its quantity from the ledger rows it wrote, `undone` when an
 * applied pick.undo of the same wave already names it. Empty when there is no such confirm.
 */
export async function loadConfirmations(trx: Transaction<Database>, batch: BatchMemory, a: PickUndoArgs): Promise<PickConfirmation[]> {
  const id = a.mutationIdToUndo;
  let c: { taskId: string; toteCode: string; userId: string; qty: number; stock?: PickConfirmation['stock'] } | null = null;
  const mem = batch.commands.get(id);
  if (mem) {
    if (mem.name === 'pick.confirm' && mem.status === 'applied') {
      const args = mem.args as { taskId: string; toteCode: string };
      const rows = mem.outcome.movements.map((m) => ({ container_code: m.containerCode, delta: m.delta, lot: m.lot, expiry: m.expiry }));
      c = { taskId: args.taskId, toteCode: args.toteCode, userId: mem.userId, qty: movedQty(rows), stock: movedStock(rows) };
    }
  } else {
    const m = await trx.selectFrom('mutations').select(['name', 'args', 'status', 'user_id']).where('id', '=', id).executeTakeFirst();
    if (m && m.name === 'pick.confirm' && m.status === 'applied') {
      const args = JSON.parse(m.args) as { taskId: string; toteCode: string };
      const rows = await trx.selectFrom('stock_ledger').select(['container_code', 'delta', 'lot', 'expiry']).where('mutation_id', '=', id).execute();
      c = { taskId: args.taskId, toteCode: args.toteCode, userId: m.user_id, qty: movedQty(rows), stock: movedStock(rows) };
    }
  }
  if (!c) return [];
  let undone = [...batch.commands.values()].some((x) => x.name === 'pick.undo' && x.status === 'applied' && undoneBy(x.args) === id);
  if (!undone) {
    const undos = await trx
      .selectFrom('mutations')
      .select('args')
      .where('wave_id', '=', a.waveId)
      .where('name', '=', 'pick.undo')
      .where('status', '=', 'applied')
      .execute();
    undone = undos.some((u) => undoneBy(JSON.parse(u.args)) === id);
  }
  return [{ mutationId: id, ...c, undone }];
}

/** conflict.resolve's state: whether the card's mutation exists, and the exceptions it raised. */
export async function loadCardExceptions(trx: Transaction<Database>, batch: BatchMemory, warehouseId: string, mutationId: string | null) {
  if (mutationId === null) return { mutationKnown: false, exceptions: [] };
  const pending = batch.exceptions
    .filter((e) => e.mutation_id === mutationId)
    .map((e) => ({ id: e.id, status: e.status as 'open' | 'resolved' }));
  if (batch.commands.has(mutationId)) return { mutationKnown: true, exceptions: pending };
  const m = await trx.selectFrom('mutations').select('id').where('id', '=', mutationId).executeTakeFirst();
  if (!m) return { mutationKnown: false, exceptions: [] };
  const stored = await trx
    .selectFrom('exceptions')
    .select(['id', 'status'])
    .where('mutation_id', '=', mutationId)
    .where('warehouse_id', '=', warehouseId)
    .execute();
  return { mutationKnown: true, exceptions: [...stored.map((e) => ({ id: e.id, status: e.status as 'open' | 'resolved' })), ...pending] };
}

/**
 * Closes exceptions: those still pending in this batch are changed before they are
 * written; stored ones are updated now, stamped with the resolving command's version.
 */
export async function resolveExceptions(
  trx: Transaction<Database>,
  batch: BatchMemory,
  ids: readonly string[],
  version: number,
  now: string,
): Promise<void> {
  const stored: string[] = [];
  for (const id of ids) {
    const p = batch.exceptions.find((e) => e.id === id);
    if (p) Object.assign(p, { status: 'resolved', resolved_at: now, version });
    else stored.push(id);
  }
  if (stored.length === 0) return;
  await trx.updateTable('exceptions').set({ status: 'resolved', resolved_at: now, version }).where('id', 'in', stored).execute();
}

import type { NewException } from '../../domain/commands/types';
import type { PickTask, WarehouseException } from '../../domain/model';
import { cardFor, mutationIdOfCard, type CardLookups, type ConflictCard } from '../../domain/picking/conflict-card';
import type { MutationResult, Rejection } from '../../domain/sync';
import { db, type ConflictRow, type OutboxRow } from './db';
import { getMeta } from './meta';

/**
 * The picker's conflict cards: this device's refused (or applied-with-a-note) commands,
 * turned into "put 2 x Blue Mug back in bin A-03-2-B" by the shared cardFor rule, minus
 * the cards already marked done. Done is a `conflict.resolve` command: a card is hidden
 * while that command waits in the outbox, and for good once the row's `resolvedAt` is set
 * (right after the enqueue, and again when the pull drops the acked command).
 */

const RESOLVE = 'conflict.resolve';

/** Fields the server may add to a result; read defensively so older servers still work. */
type ResultExtras = { otherUserId?: unknown; exceptions?: unknown };

function otherUserOf(r: ResultExtras): string | null {
  return typeof r.otherUserId === 'string' && r.otherUserId ? r.otherUserId : null;
}

/** A result worth a card: a refusal, or an applied command the server noted (its code). */
function isConflict(r: MutationResult): boolean {
  return r.status === 'rejected' || (r.status === 'applied' && !!r.code);
}

function rowFor(cmd: OutboxRow, code: string, status: ConflictRow['status'], otherUserId: string | null): ConflictRow {
  return {
    id: cmd.id, seq: cmd.seq, name: cmd.name, args: cmd.args, code, status, userId: cmd.userId, otherUserId, createdAt: cmd.createdAt, resolvedAt: null,
  };
}

/**
 * From a push answer, inside a transaction that holds `outbox` and `conflicts`: keeps the
 * arguments of every refused or noted command while its outbox row still exists.
 */
export async function recordPushConflictsInTx(results: readonly MutationResult[]): Promise<void> {
  const hits = results.filter(isConflict);
  if (!hits.length) return;
  const d = db();
  const [cmds, existing] = await Promise.all([d.outbox.bulkGet(hits.map((r) => r.seq)), d.conflicts.bulkGet(hits.map((r) => r.id))]);
  const rows: ConflictRow[] = [];
  hits.forEach((r, i) => {
    const cmd = cmds[i];
    // A replayed answer for a row we already hold keeps its resolvedAt.
    if (!cmd || cmd.id !== r.id || existing[i]) return;
    rows.push(rowFor(cmd, r.code ?? 'INTERNAL', r.status, otherUserOf(r as ResultExtras)));
  });
  if (rows.length) await d.conflicts.bulkPut(rows);
}

/**
 * In the pull transaction, before the held commands are deleted: refusals the push answer
 * never brought (the answer was lost) are kept with their arguments, and a held
 * conflict.resolve marks its card resolved for good.
 */
export async function recordPulledConflictsInTx(held: readonly OutboxRow[], rejections: readonly Rejection[]): Promise<void> {
  if (!held.length) return;
  const d = db();
  const byId = new Map(held.map((c) => [c.id, c]));
  const fresh = rejections.filter((r) => byId.has(r.id));
  if (fresh.length) {
    const existing = await d.conflicts.bulkGet(fresh.map((r) => r.id));
    const rows = fresh.filter((_, i) => !existing[i]).map((r) => rowFor(byId.get(r.id)!, r.code, 'rejected', otherUserOf(r as ResultExtras)));
    if (rows.length) await d.conflicts.bulkPut(rows);
  }
  const resolved = resolvedMutationIds(held);
  if (resolved.size) await markResolvedInTx([...resolved]);
}

async function markResolvedInTx(mutationIds: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  await db()
    .conflicts.where('id')
    .anyOf(mutationIds)
    .modify((row) => {
      row.resolvedAt ??= now;
    });
}

/** After this device recorded conflict.resolve for a card: hide it even once the outbox forgets the command. */
export async function markCardResolved(cardId: string): Promise<void> {
  const id = mutationIdOfCard(cardId);
  if (!id) return;
  const d = db();
  await d.transaction('rw', d.conflicts, () => markResolvedInTx([id]));
}

/** Mutation ids whose card a conflict.resolve among `cmds` marks done. */
export function resolvedMutationIds(cmds: readonly Pick<OutboxRow, 'name' | 'args'>[]): Set<string> {
  const out = new Set<string>();
  for (const c of cmds) {
    if (c.name !== RESOLVE) continue;
    const cardId = (c.args as { cardId?: unknown } | null)?.cardId;
    const id = typeof cardId === 'string' ? mutationIdOfCard(cardId) : null;
    if (id) out.add(id);
  }
  return out;
}

/** What the selection reads, as plain data so it can be tested without a database. */
export interface ConflictSources {
  rows: readonly ConflictRow[];
  /** conflict.resolve commands still in the outbox (pending or acked). */
  resolving: readonly Pick<OutboxRow, 'name' | 'args'>[];
  exceptions: readonly Pick<WarehouseException, 'mutationId' | 'type' | 'waveId' | 'taskId' | 'locationId' | 'skuId' | 'qty'>[];
  skus: ReadonlyMap<string, string>;
  bins: ReadonlyMap<string, string>;
  tasks: ReadonlyMap<string, Pick<PickTask, 'skuId' | 'locationId'>>;
  users: ReadonlyMap<string, string>;
}

/** The open cards, oldest first. Pure: the rules of which rows become cards live here. */
export function selectCards(src: ConflictSources): ConflictCard[] {
  const resolved = resolvedMutationIds(src.resolving);
  const excByMutation = new Map<string, NewException[]>();
  for (const e of src.exceptions) {
    if (!e.mutationId) continue;
    const list = excByMutation.get(e.mutationId) ?? [];
    list.push({ type: e.type, waveId: e.waveId, taskId: e.taskId, locationId: e.locationId, skuId: e.skuId, qty: e.qty });
    excByMutation.set(e.mutationId, list);
  }
  const lookups: CardLookups = {
    // A name not pulled yet still tells the picker something to look for.
    skuName: (id) => src.skus.get(id) ?? id,
    binCode: (id) => src.bins.get(id) ?? id,
    task: (id) => src.tasks.get(id) ?? null,
    userName: (id) => src.users.get(id) ?? null,
  };
  const cards: ConflictCard[] = [];
  for (const row of [...src.rows].sort((a, b) => a.seq - b.seq)) {
    if (row.resolvedAt || resolved.has(row.id)) continue;
    const card = cardFor(
      { mutationId: row.id, code: row.code, commandName: row.name, args: row.args, exceptions: excByMutation.get(row.id) ?? [], otherUserId: row.otherUserId },
      lookups,
    );
    if (card) cards.push(card);
  }
  return cards;
}

function argTaskId(args: unknown): string | null {
  const v = typeof args === 'object' && args !== null ? (args as { taskId?: unknown }).taskId : undefined;
  return typeof v === 'string' ? v : null;
}

/**
 * Reads what selectCards needs from the local tables: only the rows the signed-in user's
 * open conflicts name.
 */
export async function openConflictCards(): Promise<ConflictCard[]> {
  const d = db();
  const session = await getMeta('session');
  if (!session) return [];
  const rows = (await d.conflicts.toArray()).filter((r) => !r.resolvedAt && r.userId === session.user.id);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [resolving, exceptions] = await Promise.all([
    d.outbox.filter((c) => c.name === RESOLVE).toArray(),
    d.exceptions.where('mutationId').anyOf(ids).toArray(),
  ]);
  const taskIds = [...new Set(rows.map((r) => argTaskId(r.args)).filter((x): x is string => !!x))];
  const [viewTasks, srvTasks] = await Promise.all([d.tasks.bulkGet(taskIds), d.srvTasks.bulkGet(taskIds)]);
  const tasks = new Map<string, Pick<PickTask, 'skuId' | 'locationId'>>();
  taskIds.forEach((id, i) => {
    const t = viewTasks[i] ?? srvTasks[i];
    if (t) tasks.set(id, t);
  });
  const skuIds = new Set<string>();
  const binIds = new Set<string>();
  for (const t of tasks.values()) {
    skuIds.add(t.skuId);
    binIds.add(t.locationId);
  }
  for (const e of exceptions) {
    if (e.skuId) skuIds.add(e.skuId);
    if (e.locationId) binIds.add(e.locationId);
  }
  const userIds = [...new Set(rows.map((r) => r.otherUserId).filter((x): x is string => !!x))];
  const [skus, bins, users] = await Promise.all([d.skus.bulkGet([...skuIds]), d.locations.bulkGet([...binIds]), d.users.bulkGet(userIds)]);
  return selectCards({
    rows,
    resolving,
    exceptions,
    skus: new Map(skus.filter((s) => !!s).map((s) => [s.id, s.name])),
    bins: new Map(bins.filter((b) => !!b).map((b) => [b.id, b.code])),
    tasks,
    users: new Map(users.filter((u) => !!u).map((u) => [u.id, u.name])),
  });
}

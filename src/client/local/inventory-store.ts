import { COMMANDS, parseCommand, type CommandName } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import type { InventorySnapshot } from '../../domain/inventory/snapshot';
import { db, type OutboxRow } from './db';
import { outboxRow } from './outbox';

/** Counting and returns' working set on the device (PullResponse.inventory), replaced whole by each pull. */
export function inventoryTables() {
  const d = db();
  return [d.countTasks, d.returnables, d.inventoryMeta];
}

/** Inside the pull's transaction: replaces the snapshot. */
export async function applyInventorySnapshotInTx(snap: InventorySnapshot): Promise<void> {
  const d = db();
  await Promise.all([d.countTasks.clear(), d.returnables.clear()]);
  await Promise.all([
    d.countTasks.bulkPut(snap.countTasks),
    d.returnables.bulkPut(snap.returnables),
    d.inventoryMeta.put({ key: 'returnRules', value: snap.returnRules }),
  ]);
}

/** A refusal inside a repository's transaction: thrown to abort it, so nothing is written. */
export class InventoryRefusal extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

export type InventoryResult<T> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message: string };

export function inventoryFailure(err: unknown): { ok: false; code: ErrorCode; message: string } {
  if (err instanceof InventoryRefusal) return { ok: false, code: err.code, message: err.code };
  return { ok: false, code: ErrorCode.STORAGE_FAILED, message: err instanceof Error ? err.message : String(err) };
}

/**
 * The outbox row and the seq bump for an inventory command; must run inside a
 * transaction holding meta and outbox (and whatever the local effect writes), so the
 * command and its effect commit together or not at all.
 */
export async function writeCommandInTx(name: CommandName, args: unknown): Promise<OutboxRow> {
  const d = db();
  const argsVersion = COMMANDS[name].argsVersion;
  const parsed = parseCommand(name, argsVersion, args);
  if (!parsed.ok) throw new InventoryRefusal(parsed.code);
  const row = outboxRow(await d.meta.bulkGet(['session', 'deviceId', 'nextSeq']), name, parsed.args, argsVersion);
  await Promise.all([d.outbox.add(row), d.meta.put({ key: 'nextSeq', value: row.seq + 1 })]);
  return row;
}

/** This device's commands of these names still in the outbox (pending or acked, not yet pulled). */
export async function commandsInOutbox(names: readonly string[]): Promise<OutboxRow[]> {
  const wanted = new Set(names);
  return db().outbox.filter((r) => wanted.has(r.name)).toArray();
}

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  const s = (await db().meta.get('session'))?.value as { user?: { id?: string } } | undefined;
  return s?.user?.id ?? null;
}

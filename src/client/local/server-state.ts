import { commandTarget, commandTaskIds, commandWaveId } from '../../domain/replay';
import type { MutationResult, PullResponse, Rejection } from '../../domain/sync';
import { recordPulledConflictsInTx, recordPushConflictsInTx } from './conflicts';
import { db, type RejectionRow, type SkuRow } from './db';
import { getMeta, setMeta } from './meta';
import { applyInboundSnapshotInTx, inboundTables } from './inbound-store';
import { applyInventorySnapshotInTx, inventoryTables } from './inventory-store';
import { applyPackSnapshotInTx, packTables } from './pack-store';
import { applyReplenishSnapshotInTx, replenishTables } from './replenish-store';
import { emptyDirty, markDirtyInTx, refreshViewInTx, takeDirtyInTx } from './view';

function skuRow(sku: PullResponse['changes']['skus'][number]): SkuRow {
  return { ...sku, barcodeValues: [...new Set([sku.code.toUpperCase(), ...sku.barcodes.map((b) => b.value.toUpperCase())])] };
}

/**
 * Writes one pull page: server rows, cursor, rejections, and forgets the commands the
 * server already holds (seq <= lastSeq), all in one transaction. The last page also
 * refreshes the view, so the screen never shows half a pull; it refreshes only the rows
 * this pull changed (and earlier pages left dirty) and the commands it forgot, wave by
 * wave, never the whole view.
 */
export async function applyPullPage(page: PullResponse, opts: { final: boolean; userId: string }): Promise<void> {
  const d = db();
  const c = page.changes;
  await d.transaction(
    'rw',
    [d.locations, d.skus, d.totes, d.users, d.srvWaves, d.srvTasks, d.exceptions, d.stock, d.meta, d.outbox, d.rejections, d.conflicts, d.waves, d.tasks, d.viewDirty, ...(page.pack ? packTables() : []), ...(page.inbound ? inboundTables() : []), ...(page.inventory ? inventoryTables() : []), ...(page.replenish ? replenishTables() : [])],
    async () => {
      const dirty = emptyDirty();
      // Every independent request is issued at once (the transaction still runs them in
      // order): awaited one by one, a page took a round trip each and held the tasks
      // table, and so the next scan's outbox write, for 100 ms on a slow handheld.
      const [held] = await Promise.all([
        // Commands the server holds stop being replayed: their rows must be refreshed.
        d.outbox.where('seq').belowOrEqual(page.lastSeq).toArray(),
        c.locations.length ? d.locations.bulkPut(c.locations) : null,
        c.skus.length ? d.skus.bulkPut(c.skus.map(skuRow)) : null,
        c.totes.length ? d.totes.bulkPut(c.totes) : null,
        c.users.length ? d.users.bulkPut(c.users) : null,
        c.waves.length ? d.srvWaves.bulkPut(c.waves) : null,
        c.tasks.length ? d.srvTasks.bulkPut(c.tasks) : null,
        c.exceptions.length ? d.exceptions.bulkPut(c.exceptions) : null,
        c.stock.length ? d.stock.bulkPut(c.stock) : null,
        setMeta('cursor', page.cursor),
        setMeta('cursorUserId', opts.userId),
        setMeta('lastSeq', page.lastSeq),
      ]);
      for (const w of c.waves) dirty.waves.add(w.id);
      for (const t of c.tasks) dirty.tasks.add(t.id);
      const [made] = await Promise.all([
        Promise.all(held.map(madeBy)),
        // Conflict cards need the arguments of the commands about to be forgotten.
        recordPulledConflictsInTx(held, page.rejections),
      ]);
      if (held.length) {
        held.forEach((cmd, i) => {
          // A drop-off names a wave and no task; a refused one must lose its effect too.
          const waveId = commandWaveId(cmd);
          if (waveId !== null) dirty.waves.add(waveId);
          const target = commandTarget(cmd);
          if (target) dirty.tasks.add(target.taskId);
          for (const id of made[i]!) dirty.tasks.add(id);
        });
      }
      await Promise.all([
        held.length ? d.outbox.bulkDelete(held.map((r) => r.seq)) : null,
        putRejections(page.rejections),
        // Packing's working set replaces what was held in the same transaction that forgets
        // the pack commands it reflects, so a packed order never flickers back to open.
        page.pack ? applyPackSnapshotInTx(page.pack) : null,
        page.inbound ? applyInboundSnapshotInTx(page.inbound) : null,
        page.inventory ? applyInventorySnapshotInTx(page.inventory) : null,
        page.replenish ? applyReplenishSnapshotInTx(page.replenish) : null,
      ]);
      if (opts.final) {
        await Promise.all([takeDirtyInTx(dirty).then(refreshViewInTx), setMeta('lastSyncAt', new Date().toISOString())]);
      } else {
        await markDirtyInTx(dirty);
      }
    },
  );
}

/**
 * The tasks a forgotten command changed besides its target: a skip's whole stop, and a
 * short pick's optimistic new stops (named after its mutation id), which the pull's rows
 * replace or which go when the server made none.
 */
async function madeBy(cmd: Parameters<typeof commandTaskIds>[0]): Promise<string[]> {
  const ids = commandTaskIds(cmd);
  if (cmd.name === 'pick.short') ids.push(...(await db().tasks.where(':id').startsWith(`${cmd.id}:`).primaryKeys()));
  return ids;
}

async function putRejections(rows: readonly Rejection[]): Promise<void> {
  if (!rows.length) return;
  const d = db();
  const existing = await d.rejections.bulkGet(rows.map((r) => r.id));
  const next: RejectionRow[] = rows.map((r, i) => ({ ...r, seenAt: existing[i]?.seenAt ?? null }));
  await d.rejections.bulkPut(next);
}

/**
 * Refusals reported in a push answer, kept with the command's name for the indicator,
 * and refused or noted commands kept with their arguments for the conflict cards.
 */
export async function storePushRejections(results: readonly MutationResult[]): Promise<void> {
  const refused = results.filter((r) => r.status === 'rejected');
  if (!refused.length && !results.some((r) => r.code)) return;
  const d = db();
  await d.transaction('rw', [d.outbox, d.rejections, d.conflicts], async () => {
    await recordPushConflictsInTx(results);
    const cmds = await d.outbox.bulkGet(refused.map((r) => r.seq));
    await putRejections(
      refused.map((r, i) => ({
        id: r.id,
        seq: r.seq,
        name: cmds[i]?.name ?? '',
        code: r.code ?? 'INTERNAL',
        message: r.message ?? '',
        createdAt: cmds[i]?.createdAt ?? new Date().toISOString(),
      })),
    );
  });
}

export async function pullCursor(userId: string): Promise<number> {
  // Another user's rows may differ from ours: start over rather than trust their cursor.
  const owner = await getMeta('cursorUserId');
  if (owner !== undefined && owner !== userId) return 0;
  return (await getMeta('cursor')) ?? 0;
}


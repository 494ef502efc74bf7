import type { MutationResult, PullResponse, Rejection } from '../../domain/sync';
import { db, type RejectionRow, type SkuRow } from './db';
import { getMeta, setMeta } from './meta';
import { rebuildViewInTx } from './outbox';

function skuRow(sku: PullResponse['changes']['skus'][number]): SkuRow {
  return { ...sku, barcodeValues: [...new Set([sku.code.toUpperCase(), ...sku.barcodes.map((b) => b.value.toUpperCase())])] };
}

/**
 * Writes one pull page: server rows, cursor, rejections, and forgets the commands the
 * server already holds (seq <= lastSeq), all in one transaction. The last page also
 * rebuilds the view, so the screen never shows half a pull.
 */
export async function applyPullPage(page: PullResponse, opts: { final: boolean; userId: string }): Promise<void> {
  const d = db();
  const c = page.changes;
  await d.transaction(
    'rw',
    [d.locations, d.skus, d.totes, d.users, d.srvWaves, d.srvTasks, d.exceptions, d.meta, d.outbox, d.rejections, d.waves, d.tasks],
    async () => {
      if (c.locations.length) await d.locations.bulkPut(c.locations);
      if (c.skus.length) await d.skus.bulkPut(c.skus.map(skuRow));
      if (c.totes.length) await d.totes.bulkPut(c.totes);
      if (c.users.length) await d.users.bulkPut(c.users);
      if (c.waves.length) await d.srvWaves.bulkPut(c.waves);
      if (c.tasks.length) await d.srvTasks.bulkPut(c.tasks);
      if (c.exceptions.length) await d.exceptions.bulkPut(c.exceptions);
      await setMeta('cursor', page.cursor);
      await setMeta('cursorUserId', opts.userId);
      await setMeta('lastSeq', page.lastSeq);
      await d.outbox.where('seq').belowOrEqual(page.lastSeq).delete();
      await putRejections(page.rejections);
      if (opts.final) {
        await rebuildViewInTx();
        await setMeta('lastSyncAt', new Date().toISOString());
      }
    },
  );
}

async function putRejections(rows: readonly Rejection[]): Promise<void> {
  if (!rows.length) return;
  const d = db();
  const existing = await d.rejections.bulkGet(rows.map((r) => r.id));
  const next: RejectionRow[] = rows.map((r, i) => ({ ...r, seenAt: existing[i]?.seenAt ?? null }));
  await d.rejections.bulkPut(next);
}

/** Refusals reported in a push answer, kept with the command's name for the indicator. */
export async function storePushRejections(results: readonly MutationResult[]): Promise<void> {
  const refused = results.filter((r) => r.status === 'rejected');
  if (!refused.length) return;
  const d = db();
  await d.transaction('rw', [d.outbox, d.rejections], async () => {
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


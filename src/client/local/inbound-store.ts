import type { InboundSnapshot } from '../../domain/inbound/snapshot';
import { db } from './db';

/**
 * Receiving's working set on the device. The pull sends it whole (PullResponse.inbound)
 * and it replaces what was held, in the pull's transaction; drafts are never touched.
 */
export function inboundTables() {
  const d = db();
  return [d.asns, d.putawayTasks, d.inboundMeta];
}

/** Inside the pull's transaction: replaces the snapshot. */
export async function applyInboundSnapshotInTx(snap: InboundSnapshot): Promise<void> {
  const d = db();
  await Promise.all([d.asns.clear(), d.putawayTasks.clear()]);
  await Promise.all([
    d.asns.bulkPut(snap.asns.map((a) => ({ ...a, cartonSsccs: a.cartons.map((c) => c.sscc) }))),
    d.putawayTasks.bulkPut(snap.putawayTasks),
    d.inboundMeta.put({ key: 'receivingRules', value: snap.receivingRules }),
  ]);
}

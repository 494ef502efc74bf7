import type { InboundSnapshot } from '../../domain/inbound/snapshot';
import { db } from './db';

/**
 * Receiving's working set on the device. The pull sends it whole (PullResponse.inbound)
 * and it replaces what was held, in the pull's transaction; drafts are never touched.
 * The ASNs this device closed are remembered until the server stops listing them.
 */
export function inboundTables() {
  const d = db();
  return [d.asns, d.putawayTasks, d.inboundMeta];
}

/** Inside the pull's transaction: replaces the snapshot. */
export async function applyInboundSnapshotInTx(snap: InboundSnapshot): Promise<void> {
  const d = db();
  const [closed] = await Promise.all([d.inboundMeta.get('closedAsns'), d.asns.clear(), d.putawayTasks.clear()]);
  // ASNs this device closed: once the server no longer lists one, it closed it too.
  const still = new Set(snap.asns.map((a) => a.id));
  const kept = ((closed?.value as { asnId: string }[] | undefined) ?? []).filter((c) => still.has(c.asnId));
  await Promise.all([
    d.asns.bulkPut(snap.asns.map((a) => ({ ...a, cartonSsccs: a.cartons.map((c) => c.sscc) }))),
    d.putawayTasks.bulkPut(snap.putawayTasks),
    d.inboundMeta.put({ key: 'receivingRules', value: snap.receivingRules }),
    d.inboundMeta.put({ key: 'closedAsns', value: kept }),
  ]);
}

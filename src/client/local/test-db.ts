import type { PickTask, Wave } from '../../domain/model';
import type { PullResponse } from '../../domain/sync';
import { ToteDb, setDatabase, db } from './db';
import { setMeta } from './meta';
import { rebuildView } from './outbox';

/** Test support: a fresh database with one signed-in picker and a two-task wave. */
let n = 0;

export const WAVE: Wave = { id: 'w1', code: 'W-1', status: 'released', kind: 'single', assignedUserId: 'u1', assignmentEpoch: 1, releasedAt: null, completedAt: null, version: 1 };

export function makeTask(id: string, qty: number, orderId: string, extra: Partial<PickTask> = {}): PickTask {
  return {
    id, waveId: 'w1', orderId, orderLineId: `${id}-line`, orderRef: `R-${orderId}`, skuId: 's1', locationId: 'l1',
    walkSeq: Number(id.replace(/\D/g, '')) || 1, qty, pickedQty: 0, status: 'open', toteCode: null, pickedBy: null,
    lot: null, expiry: null, skippedAt: null, version: 1, ...extra,
  };
}

export function emptyPull(over: Partial<PullResponse> = {}): PullResponse {
  return {
    cursor: 1, hasMore: false, lastSeq: 0,
    changes: { locations: [], skus: [], totes: [], users: [], waves: [], tasks: [], exceptions: [], stock: [] },
    rejections: [],
    ...over,
  };
}

export async function freshDb(name = `tote-test-${++n}-${Math.random()}`): Promise<ToteDb> {
  const d = new ToteDb(name);
  setDatabase(d);
  await setMeta('deviceId', 'dev-1');
  await setMeta('session', { token: 'tok', user: { id: 'u1', name: 'Pat', roles: ['picker'], language: 'en' }, signedInAt: new Date().toISOString() });
  await db().srvWaves.put(WAVE);
  await db().srvTasks.bulkPut([makeTask('t1', 1, 'o1'), makeTask('t2', 3, 'o2'), makeTask('t3', 2, 'o3')]);
  await rebuildView();
  return d;
}

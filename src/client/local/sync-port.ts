/** What the sync engine needs from local storage, in one place. */
export { deviceId } from './meta';
export { getSession, clearSession } from './session';
export { markAcked, resendFrom } from './outbox';
export { prepareView } from './view';
export { pendingBatch, pendingCount } from './queries';
export { applyPullPage, storePushRejections, pullCursor } from './server-state';
export { onLocalWrite } from './events';
export type { OutboxRow } from './db';

import { db } from './db';
import { getMeta } from './meta';
import { pendingCount } from './queries';

export async function syncSnapshot() {
  const [pending, rejections, lastSyncAt] = await Promise.all([
    pendingCount(),
    db().rejections.orderBy('seq').reverse().toArray(),
    getMeta('lastSyncAt'),
  ]);
  return { pending, rejections, lastSyncAt: lastSyncAt ?? null };
}

import { db, type OutboxRow } from './db';

// Read-only queries kept apart from the write paths so the app shell can use them
// without loading the command rules (and zod) before first paint.

/** The oldest pending commands, in seq order. */
export async function pendingBatch(limit: number): Promise<OutboxRow[]> {
  return db()
    .outbox.where('[status+seq]')
    .between(['pending', -Infinity], ['pending', Infinity])
    .limit(limit)
    .toArray();
}

export async function pendingCount(): Promise<number> {
  return db().outbox.where('[status+seq]').between(['pending', -Infinity], ['pending', Infinity]).count();
}

export async function markRejectionsSeen(): Promise<void> {
  const now = new Date().toISOString();
  await db()
    .rejections.filter((r) => r.seenAt === null)
    .modify((r) => {
      r.seenAt = now;
    });
}

import { uuidv7 } from 'uuidv7';
import { COMMANDS, parseCommand, type CommandArgs, type CommandName, type Outcome } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import { db, type MetaRow, type OutboxRow } from './db';
import { notifyLocalWrite } from './events';
import { setMeta, type MetaValues } from './meta';
import { applyToViewSlice, readViewSlice } from './view';

export { rebuildView } from './view';

export type EnqueueResult =
  | { ok: true; seq: number; outcome: Outcome | null }
  /** `refused`: the rule gave one of the codes the caller asked to refuse; nothing was written. */
  | { ok: false; code: ErrorCode; message: string; refused?: true };

export interface EnqueueOptions {
  /**
   * Rule refusals that mean the scan itself was wrong (e.g. TOTE_IN_USE): the command is
   * then not recorded at all. Checked against the view inside the same transaction, so
   * no pull can slip in between the check and the write.
   */
  refuse?: readonly ErrorCode[];
}

class Refused extends Error {
  constructor(readonly outcome: Extract<Outcome, { status: 'rejected' }>) {
    super(outcome.message);
  }
}

/**
 * Records one command: its optimistic effect on the view and its outbox entry are written
 * in ONE strict-durability transaction, and the promise resolves only after it commits.
 * Anything else (quota, a closed database) comes back as STORAGE_FAILED, never as success.
 */
export async function enqueue<N extends CommandName>(name: N, args: CommandArgs[N], opts: EnqueueOptions = {}): Promise<EnqueueResult> {
  const parsed = parseCommand(name, argsVersionOf(name), args);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  const d = db();
  const t0 = performance.now();
  try {
    // Stock, locations and SKUs are read only by a short pick or a lot swap (replay-extras.ts).
    const result = await d.transaction('rw', [d.meta, d.outbox, d.waves, d.tasks, d.stock, d.locations, d.skus], async () => {
      // One round of reads: the three meta rows (the seq is taken and bumped inside this
      // transaction) and the view rows the command can read.
      const [[sessionRow, deviceRow, seqRow], slice] = await Promise.all([
        d.meta.bulkGet(['session', 'deviceId', 'nextSeq']),
        readViewSlice({ name, args: parsed.args }),
      ]);
      const row = outboxRow([sessionRow, deviceRow, seqRow], name, parsed.args, argsVersionOf(name));
      const seq = row.seq;
      // And one round of writes.
      const [outcome] = await Promise.all([applyToViewSlice(slice, row), d.outbox.add(row), setMeta('nextSeq', seq + 1)]);
      // Throwing aborts the transaction: the outbox row, the seq and the view stay as they were.
      if (outcome?.status === 'rejected' && opts.refuse?.includes(outcome.code)) throw new Refused(outcome);
      return { seq, outcome };
    });
    // Read by `npm run bench` (outbox append p95).
    performance.measure?.('tote:outbox-append', { start: t0, end: performance.now() });
    notifyLocalWrite();
    return { ok: true, ...result };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, code: err.outcome.code, message: err.outcome.message, refused: true };
    return { ok: false, code: ErrorCode.STORAGE_FAILED, message: err instanceof Error ? err.message : String(err) };
  }
}

/** New commands are always written at their current version; older ones only come from old outboxes. */
function argsVersionOf(name: CommandName): number {
  return COMMANDS[name].argsVersion;
}

/** The server has every command up to lastSeq: stop pushing them (they replay until pulled). */
export async function markAcked(lastSeq: number): Promise<void> {
  // Only the still-pending rows: re-marking every acked row would make a long drain quadratic.
  await db()
    .outbox.where('[status+seq]')
    .between(['pending', -Infinity], ['pending', lastSeq], true, true)
    .modify((row) => {
      row.status = 'acked';
    });
}

/**
 * After a 409 SEQ_GAP: the server wants `expectedSeq` next. Rows below it are held by the
 * server; rows from it on are pushed again even if we thought them acked. Returns false
 * when we no longer have `expectedSeq`, a gap only a person can resolve.
 */
export async function resendFrom(expectedSeq: number): Promise<boolean> {
  const d = db();
  return d.transaction('rw', d.outbox, async () => {
    if (!(await d.outbox.get(expectedSeq))) return false;
    await d.outbox.where('seq').below(expectedSeq).modify((r) => {
      r.status = 'acked';
    });
    await d.outbox.where('seq').aboveOrEqual(expectedSeq).modify((r) => {
      r.status = 'pending';
    });
    return true;
  });
}

/**
 * The next outbox row from the device's meta rows (session, device id, next seq), read
 * inside the caller's transaction, which must also write the row and bump the seq.
 */
export function outboxRow(
  [sessionRow, deviceRow, seqRow]: readonly (MetaRow | undefined)[],
  name: string,
  args: unknown,
  argsVersion: number,
): OutboxRow {
  const session = sessionRow?.value as MetaValues['session'] | undefined;
  const deviceId = deviceRow?.value as MetaValues['deviceId'] | undefined;
  if (!session || !deviceId) throw new Error('no session');
  return {
    id: uuidv7(),
    deviceId,
    seq: (seqRow?.value as MetaValues['nextSeq'] | undefined) ?? 1,
    name,
    args,
    argsVersion,
    userId: session.user.id,
    createdAt: new Date().toISOString(),
    status: 'pending',
  };
}

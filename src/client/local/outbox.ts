import { uuidv7 } from 'uuidv7';
import { COMMANDS, parseCommand, type CommandArgs, type CommandName, type Outcome } from '../../domain/commands';
import { ErrorCode } from '../../domain/errors';
import { applyCommand, replay, type ViewRows } from '../../domain/replay';
import { db, type OutboxRow } from './db';
import { notifyLocalWrite } from './events';
import { getMeta, setMeta } from './meta';

export type EnqueueResult =
  | { ok: true; seq: number; outcome: Outcome | null }
  | { ok: false; code: ErrorCode; message: string };

/**
 * Records one command: its optimistic effect on the view and its outbox entry are written
 * in ONE strict-durability transaction, and the promise resolves only after it commits.
 * Anything else (quota, a closed database) comes back as STORAGE_FAILED, never as success.
 */
export async function enqueue<N extends CommandName>(name: N, args: CommandArgs[N]): Promise<EnqueueResult> {
  const parsed = parseCommand(name, argsVersionOf(name), args);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  const d = db();
  const t0 = performance.now();
  try {
    const result = await d.transaction('rw', [d.meta, d.outbox, d.waves, d.tasks], async () => {
      const session = await getMeta('session');
      const deviceId = await getMeta('deviceId');
      if (!session || !deviceId) throw new Error('no session');
      const seq = (await getMeta('nextSeq')) ?? 1;
      const row: OutboxRow = {
        id: uuidv7(),
        deviceId,
        seq,
        name,
        args: parsed.args,
        argsVersion: argsVersionOf(name),
        userId: session.user.id,
        createdAt: new Date().toISOString(),
        status: 'pending',
      };
      const outcome = await applyToView(row);
      await d.outbox.add(row);
      await setMeta('nextSeq', seq + 1);
      return { seq, outcome };
    });
    // Read by `npm run bench` (outbox append p95).
    performance.measure?.('tote:outbox-append', { start: t0, end: performance.now() });
    notifyLocalWrite();
    return { ok: true, ...result };
  } catch (err) {
    return { ok: false, code: ErrorCode.STORAGE_FAILED, message: err instanceof Error ? err.message : String(err) };
  }
}

/** New commands are always written at their current version; older ones only come from old outboxes. */
function argsVersionOf(name: CommandName): number {
  return COMMANDS[name].argsVersion;
}

/** Applies a command to the view rows of its wave only, so a write stays cheap on big waves. */
async function applyToView(row: OutboxRow): Promise<Outcome | null> {
  const d = db();
  const waveId = (row.args as { waveId?: unknown }).waveId;
  if (typeof waveId !== 'string') return null;
  const [wave, tasks] = await Promise.all([d.waves.get(waveId), d.tasks.where('waveId').equals(waveId).toArray()]);
  const view: ViewRows = {
    waves: new Map(wave ? [[wave.id, wave]] : []),
    tasks: new Map(tasks.map((t) => [t.id, t])),
  };
  const before = new Map(tasks.map((t) => [t.id, t]));
  const outcome = applyCommand(view, row);
  if (outcome?.status === 'applied') {
    const changed = [...view.tasks.values()].filter((t) => t !== before.get(t.id));
    if (changed.length) await d.tasks.bulkPut(changed);
    const w = view.waves.get(waveId);
    if (w && w !== wave) await d.waves.put(w);
  }
  return outcome;
}

/**
 * Rebuilds the view from server rows plus the commands not yet reflected in them.
 * Must run inside a transaction covering srvWaves, srvTasks, outbox, waves and tasks.
 */
export async function rebuildViewInTx(): Promise<void> {
  const d = db();
  const [waves, tasks, outbox] = await Promise.all([
    d.srvWaves.toArray(),
    d.srvTasks.toArray(),
    d.outbox.orderBy('seq').toArray(),
  ]);
  const view = replay({ waves, tasks }, outbox);
  await d.waves.clear();
  await d.tasks.clear();
  await d.waves.bulkPut(view.waves);
  await d.tasks.bulkPut(view.tasks);
}

export async function rebuildView(): Promise<void> {
  const d = db();
  await d.transaction('rw', [d.srvWaves, d.srvTasks, d.outbox, d.waves, d.tasks], rebuildViewInTx);
}

/** The server has every command up to lastSeq: stop pushing them (they replay until pulled). */
export async function markAcked(lastSeq: number): Promise<void> {
  await db()
    .outbox.where('seq')
    .belowOrEqual(lastSeq)
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

import Dexie, { type Table } from 'dexie';
import { applyCommand, commandWaveId, replay, replaySlice, sliceNeeds, type SliceNeeds, type ViewRows } from '../../domain/replay';
import type { Outcome } from '../../domain/commands';
import type { PickTask, Wave } from '../../domain/model';
import { db, type OutboxRow } from './db';
import { getMeta, setMeta } from './meta';
import { loadReplayExtras } from './replay-extras';

/**
 * The view (`waves`, `tasks`) is the server rows (`srvWaves`, `srvTasks`) with the outbox
 * replayed on top (domain/replay.ts). Commands only touch their own wave, and inside it
 * only the rows `sliceNeeds` names, so every write here reads and writes a slice of one
 * wave instead of every task on the device.
 */

/** Rows whose view may no longer match server rows + outbox. */
export interface Dirty {
  waves: Set<string>;
  tasks: Set<string>;
}

export function emptyDirty(): Dirty {
  return { waves: new Set(), tasks: new Set() };
}

/** The rows of one wave a replay of `needs` can read, from either the server or the view tables. */
async function loadSlice(
  waves: Table<Wave, string>,
  tasks: Table<PickTask, string>,
  waveId: string,
  needs: SliceNeeds,
): Promise<{ wave: Wave | null; tasks: PickTask[] }> {
  const [wave, named, toted, open, skipped] = await Promise.all([
    waves.get(waveId),
    tasks.bulkGet([...needs.taskIds]),
    // One getAll per tote (usually one): `anyOf` walks a cursor, a round trip per row and
    // then some, and this read sits on every tote scan's path to its beep.
    Promise.all([...needs.toteCodes].map((c) => tasks.where('[waveId+toteCode]').equals([waveId, c]).toArray())).then((r) => r.flat()),
    tasks
      .where('[waveId+status+walkSeq]')
      .between([waveId, 'open', Dexie.minKey], [waveId, 'open', Dexie.maxKey])
      .limit(needs.openSample)
      .toArray(),
    // Rare (a skip is pending): the wave's skipped tasks, for the next skip ordinal.
    needs.skipped ? tasks.where('waveId').equals(waveId).filter((t) => t.skippedAt !== null && t.skippedAt !== undefined).toArray() : [],
  ]);
  const inWave = named.filter((t): t is PickTask => !!t && t.waveId === waveId);
  return { wave: wave ?? null, tasks: [...inWave, ...toted, ...open, ...skipped] };
}

/** The view rows a new command can read; see `applyToViewSlice`. */
export interface ViewSlice {
  waveId: string;
  wave: Wave | null;
  tasks: PickTask[];
}

/**
 * Reads the view rows a new command can read (its wave, its task, its tote's tasks, a
 * sample of open tasks): never the whole wave. Null for commands with no local effect.
 * Only its name and arguments are looked at, so it can run before the seq is known.
 */
export async function readViewSlice(cmd: Pick<OutboxRow, 'name' | 'args'>): Promise<ViewSlice | null> {
  const probe = { ...cmd, id: '', seq: 0, argsVersion: 0, userId: '', createdAt: '' };
  const waveId = commandWaveId(probe);
  if (waveId === null) return null;
  const d = db();
  const needs = sliceNeeds([probe]);
  return { waveId, ...(await loadSlice(d.waves, d.tasks, waveId, needs)) };
}

/**
 * Runs the command's rule on its slice and writes back the rows it changed. Both calls
 * run inside `enqueue`'s transaction, so the view and the outbox never disagree.
 */
export async function applyToViewSlice(slice: ViewSlice | null, row: OutboxRow): Promise<Outcome | null> {
  if (!slice) return null;
  const d = db();
  const view: ViewRows = {
    waves: new Map(slice.wave ? [[slice.wave.id, slice.wave]] : []),
    tasks: new Map([...slice.tasks].sort(byId).map((t) => [t.id, t])),
    ...(await loadReplayExtras([row], slice.tasks)),
  };
  const before = new Map(view.tasks);
  const outcome = applyCommand(view, row);
  if (outcome?.status === 'applied') {
    const changed = [...view.tasks.values()].filter((t) => t !== before.get(t.id));
    const w = view.waves.get(slice.waveId);
    await Promise.all([changed.length ? d.tasks.bulkPut(changed) : null, w && w !== slice.wave ? d.waves.put(w) : null]);
  }
  return outcome;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sameRow<T extends object>(a: T | undefined, b: T | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * Brings the view of the dirty rows back to server rows + outbox: each wave touched is
 * replayed over its slice, changed server rows are copied, and rows that no longer
 * differ from the server lose their optimistic effect. Only rows that really change are
 * written, so live queries on other waves stay quiet.
 * Must run inside a transaction covering srvWaves, srvTasks, outbox, waves and tasks.
 */
export async function refreshViewInTx(dirty: Dirty): Promise<void> {
  const d = db();
  const ids = [...dirty.tasks];
  const [srvRows, viewRows] = await Promise.all([d.srvTasks.bulkGet(ids), d.tasks.bulkGet(ids)]);
  // Group the dirty tasks by the wave they belong to (on the server, else in the view).
  const byWave = new Map<string, string[]>();
  ids.forEach((id, i) => {
    const waveId = srvRows[i]?.waveId ?? viewRows[i]?.waveId;
    if (waveId === undefined) return;
    const list = byWave.get(waveId) ?? [];
    list.push(id);
    byWave.set(waveId, list);
  });
  for (const w of dirty.waves) if (!byWave.has(w)) byWave.set(w, []);
  for (const [waveId, dirtyIds] of byWave) await refreshWave(waveId, dirtyIds);
}

async function refreshWave(waveId: string, dirtyIds: readonly string[]): Promise<void> {
  const d = db();
  const cmds = await d.outbox.where('args.waveId').equals(waveId).toArray();
  const needs = sliceNeeds(cmds);
  const slice = cmds.length
    ? await loadSlice(d.srvWaves, d.srvTasks, waveId, needs)
    : { wave: (await d.srvWaves.get(waveId)) ?? null, tasks: [] };
  const res = replaySlice(slice, cmds, cmds.length ? await loadReplayExtras(cmds, slice.tasks) : {});

  // Named and dirty tasks, and the new stops of pending short picks.
  const ids = [...new Set([...needs.taskIds, ...dirtyIds, ...res.tasks.keys()])];
  const others = ids.filter((id) => !res.tasks.has(id));
  const [srvOthers, current, curWave] = await Promise.all([d.srvTasks.bulkGet(others), d.tasks.bulkGet(ids), d.waves.get(waveId)]);
  const srvOf = new Map(others.map((id, i) => [id, srvOthers[i]]));
  const puts: PickTask[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const cur = current[i];
    let next: PickTask | undefined;
    if (res.tasks.has(id)) next = res.tasks.get(id);
    else {
      const srv = srvOf.get(id);
      if (srv && srv.waveId !== waveId) return; // another wave's row: its own refresh owns it
      next = srv;
    }
    if (next) {
      if (!sameRow(cur, next)) puts.push(next);
    } else if (cur && cur.waveId === waveId) {
      deletes.push(id);
    }
  });
  // Issued together: a pull holds the tasks table (and the next scan's write) meanwhile.
  await Promise.all([
    puts.length ? d.tasks.bulkPut(puts) : null,
    deletes.length ? d.tasks.bulkDelete(deletes) : null,
    !res.wave ? (curWave ? d.waves.delete(waveId) : null) : sameRow(curWave, res.wave) ? null : d.waves.put(res.wave),
  ]);
}

/** Remembers rows a pull page changed, for the page that finally refreshes the view. */
export async function markDirtyInTx(dirty: Dirty): Promise<void> {
  const rows = [...[...dirty.waves].map((id) => ({ key: `w:${id}` })), ...[...dirty.tasks].map((id) => ({ key: `t:${id}` }))];
  if (rows.length) await db().viewDirty.bulkPut(rows);
}

/** The rows earlier pages left dirty, merged into `dirty`, and forgotten. */
export async function takeDirtyInTx(dirty: Dirty = emptyDirty()): Promise<Dirty> {
  const d = db();
  const keys = await d.viewDirty.toCollection().primaryKeys();
  for (const key of keys) {
    if (key.startsWith('w:')) dirty.waves.add(key.slice(2));
    else if (key.startsWith('t:')) dirty.tasks.add(key.slice(2));
  }
  if (keys.length) await d.viewDirty.clear();
  return dirty;
}

/**
 * Rebuilds the whole view from server rows plus the outbox. Only for a change of rules
 * (a new app version) or repair; day to day the view is refreshed row by row.
 * Must run inside a transaction covering srvWaves, srvTasks, outbox, waves, tasks and viewDirty.
 */
export async function rebuildViewInTx(): Promise<void> {
  const d = db();
  const [waves, tasks, outbox] = await Promise.all([d.srvWaves.toArray(), d.srvTasks.toArray(), d.outbox.orderBy('seq').toArray()]);
  const view = replay({ waves, tasks }, outbox, await loadReplayExtras(outbox, tasks));
  await d.waves.clear();
  await d.tasks.clear();
  await d.waves.bulkPut(view.waves);
  await d.tasks.bulkPut(view.tasks);
  await d.viewDirty.clear();
}

function viewTables() {
  const d = db();
  return [d.srvWaves, d.srvTasks, d.outbox, d.waves, d.tasks, d.viewDirty, d.meta, d.stock, d.locations, d.skus];
}

export async function rebuildView(): Promise<void> {
  await db().transaction('rw', viewTables(), rebuildViewInTx);
}

/**
 * At start-up: a view built by other rules (another app version) is rebuilt once in
 * full; otherwise only rows a cut-short pull left dirty are refreshed.
 */
export async function prepareView(appVersion: string): Promise<void> {
  await db().transaction('rw', viewTables(), async () => {
    if ((await getMeta('viewBuiltBy')) !== appVersion) {
      await rebuildViewInTx();
      await setMeta('viewBuiltBy', appVersion);
      return;
    }
    const dirty = await takeDirtyInTx();
    if (dirty.waves.size || dirty.tasks.size) await refreshViewInTx(dirty);
  });
}

import { applyWaveDropoff, parseCommand } from './commands';
import type { Changes, DropoffLocation, Outcome, WaveDropoffArgs } from './commands';
import type { PickTask, Wave } from './model';
import { decidePicking, type LoggedConfirm, type ReplayStock } from './replay-picking';

/** A command as the device keeps it: enough to re-run its rule on any state. */
export interface ReplayCommand {
  id: string;
  seq: number;
  name: string;
  args: unknown;
  argsVersion: number;
  userId: string;
  createdAt: string;
}

/** The rows optimistic commands may change; everything else is read straight from the server. */
export interface ViewRows {
  waves: Map<string, Wave>;
  tasks: Map<string, PickTask>;
  /** Bin stock and SKUs for lot swaps and short-pick re-allocation (replay-picking.ts); absent, neither. */
  stock?: ReplayStock;
  /** This device's logged confirms, for an undo whose confirm the outbox already forgot. */
  loggedConfirms?: readonly LoggedConfirm[];
}

/** What the device reads beyond the wave's rows (see replay-picking.ts). */
export interface ReplayExtras {
  stock?: ReplayStock;
  loggedConfirms?: readonly LoggedConfirm[];
}

function waveTasks(view: ViewRows, waveId: string): PickTask[] {
  const out: PickTask[] = [];
  for (const t of view.tasks.values()) if (t.waveId === waveId) out.push(t);
  return out;
}

/** Writes a rule's changes into the view rows (mutating the maps). */
export function applyChanges(view: ViewRows, changes: Changes): void {
  for (const { id, patch } of changes.taskPatches) {
    const t = view.tasks.get(id);
    if (t) view.tasks.set(id, { ...t, ...patch });
  }
  if (changes.wavePatch) {
    const w = view.waves.get(changes.wavePatch.id);
    if (w) view.waves.set(w.id, { ...w, ...changes.wavePatch.patch });
  }
  // A short pick's re-allocated stops, named after its mutation like the server's.
  for (const t of changes.newTasks ?? []) view.tasks.set(t.id, { ...t });
}

/**
 * Runs one command's rule against the view, the same rule the server runs, and applies
 * its effect when the rule accepts it. Returns the outcome, or null for commands that
 * have no optimistic effect on the device (e.g. lead commands) or do not parse.
 */
export function applyCommand(view: ViewRows, cmd: ReplayCommand): Outcome | null {
  const parsed = parseCommand(cmd.name, cmd.argsVersion, cmd.args);
  if (!parsed.ok) return null;
  const ctx = { userId: cmd.userId, mutationId: cmd.id, now: cmd.createdAt };
  let outcome: Outcome;
  const picking = decidePicking(view, parsed.name, parsed.args, ctx);
  if (picking) {
    outcome = picking;
  } else if (parsed.name === 'wave.dropoff') {
    const args = parsed.args as WaveDropoffArgs;
    outcome = applyWaveDropoff(
      { wave: view.waves.get(args.waveId) ?? null, tasks: waveTasks(view, args.waveId), location: deviceBench(args) },
      args,
      ctx,
    );
  } else {
    return null;
  }
  if (outcome.status === 'applied') applyChanges(view, outcome);
  return outcome;
}

/**
 * The view holds no locations: the device records a drop-off only after checking the
 * scanned label against its own locations (dropoffLocationError) and names the bench by
 * id and code, so its replay takes that bench as checked. The server checks again; a
 * refusal comes back as a conflict card. A drop-off without an id has no local effect.
 */
function deviceBench(args: WaveDropoffArgs): DropoffLocation | null {
  return args.locationId && args.locationCode ? { id: args.locationId, code: args.locationCode, type: 'pack_bench' } : null;
}

/** The wave a command with a local effect changes: a pick's, or a drop-off's (which names no task). */
export function commandWaveId(cmd: ReplayCommand): string | null {
  const target = commandTarget(cmd);
  if (target) return target.waveId;
  const a = cmd.args as { waveId?: unknown } | null;
  return cmd.name === 'wave.dropoff' && a && typeof a.waveId === 'string' ? a.waveId : null;
}

/**
 * The device's view: the last pulled server rows with the still-pending commands replayed
 * on top in seq order. Pure, so the view can be thrown away and rebuilt at any time
 * (after a pull, after acks, at start-up) and always comes out the same.
 */
export function replay(
  server: { waves: readonly Wave[]; tasks: readonly PickTask[] },
  pending: readonly ReplayCommand[],
  extras: ReplayExtras = {},
): { waves: Wave[]; tasks: PickTask[]; outcomes: Map<string, Outcome | null> } {
  const view: ViewRows = {
    waves: new Map(server.waves.map((w) => [w.id, { ...w }])),
    tasks: new Map(server.tasks.map((t) => [t.id, { ...t }])),
    ...extras,
  };
  const outcomes = new Map<string, Outcome | null>();
  const ordered = [...pending].sort((a, b) => a.seq - b.seq);
  for (const cmd of ordered) outcomes.set(cmd.id, applyCommand(view, cmd));
  return { waves: [...view.waves.values()], tasks: [...view.tasks.values()], outcomes };
}

/** The wave, task and tote a pick command names; null for commands with no optimistic effect. */
export interface CommandTarget {
  waveId: string;
  taskId: string;
  toteCode: string | null;
}

export function commandTarget(cmd: ReplayCommand): CommandTarget | null {
  if (cmd.name === 'pick.skip') {
    const ids = commandTaskIds(cmd);
    const w = (cmd.args as { waveId?: unknown } | null)?.waveId;
    return ids[0] !== undefined && typeof w === 'string' ? { waveId: w, taskId: ids[0], toteCode: null } : null;
  }
  if (cmd.name !== 'pick.confirm' && cmd.name !== 'pick.short' && cmd.name !== 'pick.undo') return null;
  const a = cmd.args as { waveId?: unknown; taskId?: unknown; toteCode?: unknown } | null;
  if (!a || typeof a.waveId !== 'string' || typeof a.taskId !== 'string') return null;
  return { waveId: a.waveId, taskId: a.taskId, toteCode: typeof a.toteCode === 'string' ? a.toteCode : null };
}

/**
 * Which of one wave's rows replaying `cmds` can read. A pick rule looks at its own task,
 * at the tasks holding its tote (one order per tote) and at whether any other task is
 * still open (the wave is done when none is). Tasks no command names never change
 * during a replay, so a slice made of
 *   - every task a command names (`taskIds`),
 *   - every task of the wave holding one of `toteCodes`,
 *   - any `openSample` open tasks of the wave (at least one beyond the named ones, if
 *     the wave has any),
 * gives every command the same outcome as the whole wave would, and the named tasks and
 * the wave row come out the same. That keeps a local write and a pull's refresh in
 * proportion to the commands, not to the size of the wave.
 */
export interface SliceNeeds {
  taskIds: Set<string>;
  toteCodes: Set<string>;
  openSample: number;
  /** A skip numbers its mark after the wave's last one: the slice needs every skipped task. */
  skipped?: boolean;
}

/** Every task a command names: a skip names a whole stop's. */
export function commandTaskIds(cmd: ReplayCommand): string[] {
  if (cmd.name === 'pick.skip') {
    const ids = (cmd.args as { taskIds?: unknown } | null)?.taskIds;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  }
  const t = commandTarget(cmd);
  return t ? [t.taskId] : [];
}

export function sliceNeeds(cmds: readonly ReplayCommand[]): SliceNeeds {
  const taskIds = new Set<string>();
  const toteCodes = new Set<string>();
  let skipped = false;
  for (const cmd of cmds) {
    const t = commandTarget(cmd);
    if (!t) continue;
    for (const id of commandTaskIds(cmd)) taskIds.add(id);
    if (t.toteCode !== null) toteCodes.add(t.toteCode);
    if (cmd.name === 'pick.skip') skipped = true;
  }
  return { taskIds, toteCodes, openSample: taskIds.size + 1, ...(skipped ? { skipped } : {}) };
}

/**
 * Replays one wave's pending commands over a slice of its server rows (see `sliceNeeds`).
 * Returns the view of the wave row and of every named task that exists; rows outside
 * the slice are unchanged by definition. `tasks` may hold duplicates; they are merged.
 */
export function replaySlice(
  slice: { wave: Wave | null; tasks: readonly PickTask[] },
  cmds: readonly ReplayCommand[],
  extras: ReplayExtras = {},
): { wave: Wave | null; tasks: Map<string, PickTask>; outcomes: Map<string, Outcome | null> } {
  // Same order as a replay over the whole table (primary key), so `find` picks the same row.
  const byId = new Map<string, PickTask>();
  for (const t of slice.tasks) byId.set(t.id, t);
  const ordered = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = replay({ waves: slice.wave ? [slice.wave] : [], tasks: ordered }, cmds, extras);
  const named = sliceNeeds(cmds).taskIds;
  const tasks = new Map<string, PickTask>();
  // Named tasks, and the tasks the commands created (a short pick's new stops).
  for (const t of out.tasks) if (named.has(t.id) || !byId.has(t.id)) tasks.set(t.id, t);
  return { wave: out.waves[0] ?? null, tasks, outcomes: out.outcomes };
}

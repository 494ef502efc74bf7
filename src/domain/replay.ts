import { applyPickConfirm, applyPickShort, parseCommand } from './commands';
import type { Changes, Outcome, PickConfirmArgs, PickShortArgs } from './commands';
import type { PickTask, Wave } from './model';

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
  if (parsed.name === 'pick.confirm') {
    const args = parsed.args as PickConfirmArgs;
    outcome = applyPickConfirm(
      { wave: view.waves.get(args.waveId) ?? null, tasks: waveTasks(view, args.waveId) },
      args,
      ctx,
    );
  } else if (parsed.name === 'pick.short') {
    const args = parsed.args as PickShortArgs;
    outcome = applyPickShort(
      { wave: view.waves.get(args.waveId) ?? null, tasks: waveTasks(view, args.waveId) },
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
 * The device's view: the last pulled server rows with the still-pending commands replayed
 * on top in seq order. Pure, so the view can be thrown away and rebuilt at any time
 * (after a pull, after acks, at start-up) and always comes out the same.
 */
export function replay(
  server: { waves: readonly Wave[]; tasks: readonly PickTask[] },
  pending: readonly ReplayCommand[],
): { waves: Wave[]; tasks: PickTask[]; outcomes: Map<string, Outcome | null> } {
  const view: ViewRows = {
    waves: new Map(server.waves.map((w) => [w.id, { ...w }])),
    tasks: new Map(server.tasks.map((t) => [t.id, { ...t }])),
  };
  const outcomes = new Map<string, Outcome | null>();
  const ordered = [...pending].sort((a, b) => a.seq - b.seq);
  for (const cmd of ordered) outcomes.set(cmd.id, applyCommand(view, cmd));
  return { waves: [...view.waves.values()], tasks: [...view.tasks.values()], outcomes };
}

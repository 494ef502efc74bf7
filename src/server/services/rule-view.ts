import type { PickTask } from '../../domain/model';

/** A wave's tasks with the indexes that let a pick rule see only the tasks it needs. */
export interface IndexedTasks {
  tasks: PickTask[];
  /** task id -> position in `tasks` (walk order). */
  index: Map<string, number>;
  /** tote code -> positions of tasks holding units in it. */
  totes: Map<string, Set<number>>;
  /** positions of open tasks. */
  open: Set<number>;
}

export function indexTasks(tasks: PickTask[]): IndexedTasks {
  const s: IndexedTasks = { tasks, index: new Map(), totes: new Map(), open: new Set() };
  tasks.forEach((t, i) => {
    s.index.set(t.id, i);
    track(s, i, t);
  });
  return s;
}

function track(s: IndexedTasks, i: number, t: PickTask) {
  if (t.status === 'open') s.open.add(i);
  if (t.toteCode !== null && t.pickedQty > 0) {
    let set = s.totes.get(t.toteCode);
    if (!set) s.totes.set(t.toteCode, (set = new Set()));
    set.add(i);
  }
}

function untrack(s: IndexedTasks, i: number, t: PickTask) {
  s.open.delete(i);
  if (t.toteCode !== null) s.totes.get(t.toteCode)?.delete(i);
}

/** Adds a task created during a batch (a short pick's re-allocation) at the end. */
export function appendTask(s: IndexedTasks, t: PickTask): void {
  const i = s.tasks.length;
  s.tasks.push(t);
  s.index.set(t.id, i);
  track(s, i, t);
}

export function replaceTask(s: IndexedTasks, i: number, next: PickTask): void {
  untrack(s, i, s.tasks[i]!);
  s.tasks[i] = next;
  track(s, i, next);
}

/**
 * The pick rules read a wave's tasks in three ways only: the task by id, the first task
 * holding units in a tote, and whether any other task is still open. This view keeps
 * exactly the tasks those reads can see, in walk order, so a rule gives the same outcome
 * as with the whole wave while a 10,000-task wave costs a few lookups per command.
 * tests/server/rule-view.test.ts checks the equivalence on random waves.
 */
export function ruleView(s: IndexedTasks, taskId: string, toteCode: string | null): PickTask[] {
  const pos = new Set<number>();
  const target = s.index.get(taskId);
  if (target !== undefined) pos.add(target);
  if (toteCode !== null) for (const p of s.totes.get(toteCode) ?? []) pos.add(p);
  for (const p of s.open) {
    if (p !== target) {
      pos.add(p);
      break;
    }
  }
  return [...pos].sort((a, b) => a - b).map((p) => s.tasks[p]!);
}

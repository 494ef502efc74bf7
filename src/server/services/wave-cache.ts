import type { Transaction } from 'kysely';
import type { PickTask, Wave } from '../../domain/model';
import type { Changes } from '../../domain/commands';
import type { Database } from '../db/schema';
import { fromTask, toTask, toWave } from './mappers';

interface WaveState {
  wave: Wave;
  tasks: PickTask[];
  index: Map<string, number>;
}

/**
 * The waves one push batch touches, loaded once and patched in memory; the dirty rows
 * are written back in a few statements at the end of the batch's transaction. Safe
 * because the batch holds the version-counter lock, so no other writer runs meanwhile.
 */
export class WaveCache {
  private readonly waves = new Map<string, WaveState | null>();
  private readonly dirtyTasks = new Map<string, PickTask>();
  private readonly dirtyWaves = new Set<string>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly warehouseId: string,
  ) {}

  async get(waveId: string): Promise<{ wave: Wave | null; tasks: readonly PickTask[] }> {
    let s = this.waves.get(waveId);
    if (s === undefined) {
      s = await this.load(waveId);
      this.waves.set(waveId, s);
    }
    return s ? { wave: s.wave, tasks: s.tasks } : { wave: null, tasks: [] };
  }

  private async load(waveId: string): Promise<WaveState | null> {
    const w = await this.trx
      .selectFrom('waves')
      .selectAll()
      .where('id', '=', waveId)
      .where('warehouse_id', '=', this.warehouseId)
      .executeTakeFirst();
    if (!w) return null;
    const rows = await this.trx.selectFrom('pick_tasks').selectAll().where('wave_id', '=', waveId).orderBy('walk_seq').orderBy('id').execute();
    const tasks = rows.map(toTask);
    return { wave: toWave(w), tasks, index: new Map(tasks.map((t, i) => [t.id, i])) };
  }

  /** Applies an outcome's task and wave patches; the rule already checked them against this state. */
  apply(changes: Changes, version: number): void {
    for (const { id, patch } of changes.taskPatches) {
      const s = this.findTaskWave(id);
      if (!s) continue;
      const i = s.index.get(id)!;
      const next = { ...s.tasks[i]!, ...patch, version };
      s.tasks[i] = next;
      this.dirtyTasks.set(id, next);
    }
    if (changes.wavePatch) {
      const s = this.waves.get(changes.wavePatch.id);
      if (s) {
        s.wave = { ...s.wave, ...changes.wavePatch.patch, version };
        this.dirtyWaves.add(s.wave.id);
      }
    }
  }

  private findTaskWave(taskId: string): WaveState | null {
    for (const s of this.waves.values()) if (s && s.index.has(taskId)) return s;
    return null;
  }

  async flush(): Promise<void> {
    const tasks = [...this.dirtyTasks.values()].map((t) => fromTask(t, this.warehouseId));
    for (let i = 0; i < tasks.length; i += 200) {
      await this.trx
        .insertInto('pick_tasks')
        .values(tasks.slice(i, i + 200))
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            picked_qty: eb.ref('excluded.picked_qty'),
            status: eb.ref('excluded.status'),
            tote_code: eb.ref('excluded.tote_code'),
            picked_by: eb.ref('excluded.picked_by'),
            version: eb.ref('excluded.version'),
          })),
        )
        .execute();
    }
    for (const id of this.dirtyWaves) {
      const w = this.waves.get(id)!.wave;
      await this.trx
        .updateTable('waves')
        .set({
          status: w.status,
          assigned_user_id: w.assignedUserId,
          assignment_epoch: w.assignmentEpoch,
          released_at: w.releasedAt,
          completed_at: w.completedAt,
          version: w.version,
        })
        .where('id', '=', id)
        .execute();
    }
    this.dirtyTasks.clear();
    this.dirtyWaves.clear();
  }
}

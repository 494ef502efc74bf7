import { sql, type Transaction } from 'kysely';
import type { Changes } from '../../domain/commands';
import type { PickTask, Wave } from '../../domain/model';
import type { DbKind } from '../db/connect';
import type { SqliteFast } from '../db/sqlite-fast';
import type { Database } from '../db/schema';
import { insertRows } from '../db/bulk';
import { fromTask, toTask, toWave } from './mappers';
import type { WaveProbe } from './push-actors';
import { appendTask, indexTasks, replaceTask, ruleView, type IndexedTasks } from './rule-view';

interface WaveState extends IndexedTasks {
  wave: Wave;
  /** Highest task version this copy reflects: its freshness check against the database. */
  maxVersion: number;
}

/**
 * Task lists of recently pushed waves, kept between batches. A batch reuses one only
 * after checking, inside its transaction and under the counter lock, that the wave's
 * highest task version is unchanged (every task change stamps a higher version and
 * tasks are never deleted). Pushes in this process run one at a time (see routes/sync),
 * so a batch may patch the shared list in place; a failed batch drops what it touched.
 */
export class WaveTaskCache {
  private readonly lists = new Map<string, WaveState>();
  constructor(private readonly capacity = 20) {}

  get(waveId: string): WaveState | undefined {
    return this.lists.get(waveId);
  }

  set(waveId: string, s: WaveState): void {
    this.lists.delete(waveId);
    if (this.lists.size >= this.capacity) this.lists.delete(this.lists.keys().next().value!);
    this.lists.set(waveId, s);
  }

  drop(waveId: string): void {
    this.lists.delete(waveId);
  }
}

/**
 * The waves one push batch touches, loaded once and patched in memory; the dirty rows
 * are written back in a few statements at the end of the batch's transaction.
 */
export class WaveCache {
  private readonly waves = new Map<string, WaveState | null>();
  private readonly dirtyTasks = new Map<string, PickTask>();
  /** Tasks created in this batch: inserted (in their latest state) rather than updated. */
  private readonly createdTasks = new Set<string>();
  private readonly dirtyWaves = new Set<string>();
  private readonly primed = new Map<string, WaveProbe | null>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly kind: DbKind,
    private readonly warehouseId: string,
    private readonly shared: WaveTaskCache | null,
    private readonly fast: SqliteFast | null = null,
  ) {}

  /** The wave and the tasks a pick rule needs to decide about `taskId` into `toteCode`. */
  async forPick(waveId: string, taskId: string, toteCode: string | null): Promise<{ wave: Wave | null; tasks: readonly PickTask[] }> {
    const s = await this.state(waveId);
    return s ? { wave: s.wave, tasks: ruleView(s, taskId, toteCode) } : { wave: null, tasks: [] };
  }

  /** The wave with every task, for rules that number across the wave (pick.skip). */
  async whole(waveId: string): Promise<{ wave: Wave | null; tasks: readonly PickTask[] }> {
    const s = await this.state(waveId);
    return s ? { wave: s.wave, tasks: s.tasks } : { wave: null, tasks: [] };
  }

  async wave(waveId: string): Promise<Wave | null> {
    return (await this.state(waveId))?.wave ?? null;
  }

  private async state(waveId: string): Promise<WaveState | null> {
    let s = this.waves.get(waveId);
    if (s === undefined) {
      s = await this.load(waveId);
      this.waves.set(waveId, s);
    }
    return s;
  }

  /** Hands in waves already probed in this transaction (under the counter lock); null: no such wave here. */
  prime(probes: Map<string, WaveProbe | null>): void {
    for (const [id, w] of probes) this.primed.set(id, w);
  }

  private async load(waveId: string): Promise<WaveState | null> {
    // The wave row and its highest task version (one probe of the (wave_id, version) index) together.
    const w = this.primed.has(waveId) ? this.primed.get(waveId) : await this.trx
      .selectFrom('waves')
      .selectAll('waves')
      .select((eb) => eb.selectFrom('pick_tasks').select((e) => e.fn.max<number>('version').as('v')).where('wave_id', '=', waveId).as('task_max'))
      .where('id', '=', waveId)
      .where('warehouse_id', '=', this.warehouseId)
      .executeTakeFirst();
    if (!w) return null;
    const cached = this.shared?.get(waveId);
    if (cached && Number(w.task_max ?? 0) === cached.maxVersion) {
      cached.wave = toWave(w);
      return cached;
    }
    const rows = await this.trx.selectFrom('pick_tasks').selectAll().where('wave_id', '=', waveId).orderBy('walk_seq').orderBy('id').execute();
    const tasks = rows.map(toTask);
    return { ...indexTasks(tasks), wave: toWave(w), maxVersion: tasks.reduce((m, t) => Math.max(m, t.version), 0) };
  }

  /** Is the wave loaded in this batch (its tasks here are newer than the stored rows)? */
  holds(waveId: string): boolean {
    return Boolean(this.waves.get(waveId));
  }

  /** Open tasks of a SKU in the waves this batch loaded, as they stand in memory. */
  openTasksOfSku(skuId: string): PickTask[] {
    const out: PickTask[] = [];
    for (const s of this.waves.values()) for (const i of s?.open ?? []) if (s!.tasks[i]!.skuId === skuId) out.push(s!.tasks[i]!);
    return out;
  }

  /** Applies an outcome's task and wave patches; the rule already checked them against this state. */
  apply(changes: Changes, version: number): void {
    for (const t of changes.newTasks ?? []) {
      const s = this.waves.get(t.waveId);
      if (!s) continue;
      const row = { ...t, version };
      appendTask(s, row);
      s.maxVersion = Math.max(s.maxVersion, version);
      this.createdTasks.add(row.id);
      this.dirtyTasks.set(row.id, row);
    }
    for (const { id, patch } of changes.taskPatches) {
      for (const s of this.waves.values()) {
        const i = s?.index.get(id);
        if (!s || i === undefined) continue;
        const next = { ...s.tasks[i]!, ...patch, version };
        replaceTask(s, i, next);
        s.maxVersion = Math.max(s.maxVersion, version);
        this.dirtyTasks.set(id, next);
      }
    }
    const s = changes.wavePatch ? this.waves.get(changes.wavePatch.id) : null;
    if (s && changes.wavePatch) {
      s.wave = { ...s.wave, ...changes.wavePatch.patch, version };
      this.dirtyWaves.add(s.wave.id);
    }
  }

  async flush(): Promise<void> {
    await this.insertCreated();
    await this.writeTasks(this.takeDirtyTasks());
    await this.flushWaves();
  }

  /**
   * Inserts the tasks this batch created, as they stand now (a later command of the
   * batch may have picked one already); call before takeDirtyTasks, which leaves them out.
   */
  async insertCreated(): Promise<void> {
    const rows = [...this.createdTasks].map((id) => fromTask(this.dirtyTasks.get(id)!, this.warehouseId));
    for (const id of this.createdTasks) this.dirtyTasks.delete(id);
    this.createdTasks.clear();
    if (rows.length > 0) await insertRows(this.trx, 'pick_tasks', rows);
  }

  /** The tasks patched since the last call, for a caller that writes them itself (in this transaction). */
  takeDirtyTasks(): PickTask[] {
    const tasks = [...this.dirtyTasks.values()];
    this.dirtyTasks.clear();
    return tasks;
  }

  /** Writes the patched wave rows (rare: an assignment or a completion). */
  async flushWaves(): Promise<void> {
    for (const id of this.dirtyWaves) {
      const w = this.waves.get(id)!.wave;
      await this.trx
        .updateTable('waves')
        .set({
          status: w.status,
          kind: w.kind,
          assigned_user_id: w.assignedUserId,
          assignment_epoch: w.assignmentEpoch,
          released_at: w.releasedAt,
          completed_at: w.completedAt,
          dropped_at: w.droppedAt ?? null,
          dropoff_location_id: w.dropoffLocationId ?? null,
          version: w.version,
        })
        .where('id', '=', id)
        .execute();
    }
    this.dirtyWaves.clear();
  }

  private async writeTasks(tasks: PickTask[]): Promise<void> {
    if (tasks.length === 0) return;
    if (this.kind === 'postgres') {
      const col = <K extends keyof PickTask>(k: K) => tasks.map((t) => t[k]);
      await sql`update pick_tasks as t set picked_qty = u.picked_qty, status = u.status, tote_code = u.tote_code,
          picked_by = u.picked_by, skipped_at = u.skipped_at, lot = u.lot, expiry = u.expiry, version = u.version
        from unnest(${col('id')}::text[], ${col('pickedQty')}::int4[], ${col('status')}::text[], ${col('toteCode')}::text[],
          ${col('pickedBy')}::text[], ${col('skippedAt')}::int4[], ${col('lot')}::text[], ${col('expiry')}::text[], ${col('version')}::int4[])
          as u(id, picked_qty, status, tote_code, picked_by, skipped_at, lot, expiry, version)
        where t.id = u.id`.execute(this.trx);
      return;
    }
    if (this.fast) return this.fast.updatePickTasks(tasks);
    for (const t of tasks) {
      await this.trx
        .updateTable('pick_tasks')
        .set({
          picked_qty: t.pickedQty, status: t.status, tote_code: t.toteCode, picked_by: t.pickedBy, skipped_at: t.skippedAt,
          lot: t.lot, expiry: t.expiry, version: t.version,
        })
        .where('id', '=', t.id)
        .execute();
    }
  }

  /** After commit: keep the batch's task lists for later batches. */
  publish(): void {
    for (const [id, s] of this.waves) if (s) this.shared?.set(id, s);
  }

  /** After a failed transaction: whatever this batch patched in memory never happened. */
  discard(): void {
    for (const id of this.waves.keys()) this.shared?.drop(id);
  }
}

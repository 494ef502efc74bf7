import { describe, expect, it } from 'vitest';
import { applyPickConfirm, applyPickShort } from '../../src/domain/commands';
import type { PickTask, Wave } from '../../src/domain/model';
import { makeRng } from '../../src/server/db/rng';
import { indexTasks, replaceTask, ruleView } from '../../src/server/services/rule-view';

/** The server hands pick rules a slice of the wave; it must never change their outcome. */
describe('rule view', () => {
  const ctx = { userId: 'u', mutationId: 'm', now: '2025-01-01T00:00:00.000Z' };

  function randomWave(seed: number): { wave: Wave; tasks: PickTask[] } {
    const rng = makeRng(seed);
    const n = rng.int(1, 30);
    const totes = ['T1', 'T2', 'T3', 'T4'];
    const tasks: PickTask[] = Array.from({ length: n }, (_, i) => {
      const qty = rng.int(1, 4);
      const status = rng.pick(['open', 'open', 'picked', 'short'] as const);
      const pickedQty = status === 'picked' ? qty : rng.int(0, qty - (status === 'open' ? 1 : 0));
      return {
        id: `t${i}`,
        waveId: 'w',
        orderId: `o${rng.int(1, 5)}`,
        orderLineId: `l${i}`,
        orderRef: 'r',
        skuId: 's',
        locationId: 'b',
        walkSeq: i,
        qty,
        pickedQty,
        status,
        toteCode: pickedQty > 0 || rng.chance(0.2) ? rng.pick(totes) : null,
        pickedBy: null,
        lot: null,
        expiry: null,
        skippedAt: null,
        version: i + 1,
      };
    });
    const wave: Wave = {
      id: 'w',
      code: 'W',
      status: rng.pick(['released', 'picking', 'cancelled'] as const),
      kind: 'single',
      assignedUserId: 'u',
      assignmentEpoch: rng.int(1, 3),
      releasedAt: null,
      completedAt: null,
      version: 1,
    };
    return { wave, tasks };
  }

  it('gives the same outcome as the whole wave for random waves and commands', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const { wave, tasks } = randomWave(seed);
      const rng = makeRng(seed * 7919);
      const idx = indexTasks([...tasks]);
      for (let k = 0; k < 5; k++) {
        const taskId = rng.chance(0.9) ? `t${rng.int(0, tasks.length - 1)}` : 'missing';
        const toteCode = rng.pick(['T1', 'T2', 'T3', 'T4', 'T9']);
        const epoch = rng.int(0, 3);
        const confirm = { waveId: 'w', taskId, qty: rng.int(1, 5), toteCode, assignmentEpoch: epoch };
        const full = applyPickConfirm({ wave, tasks: idx.tasks }, confirm, ctx);
        expect(applyPickConfirm({ wave, tasks: ruleView(idx, taskId, toteCode) }, confirm, ctx)).toEqual(full);
        const found = rng.int(0, 3);
        const short = { waveId: 'w', taskId, foundQty: found, toteCode: found > 0 || rng.chance(0.5) ? toteCode : null, assignmentEpoch: epoch };
        expect(applyPickShort({ wave, tasks: ruleView(idx, taskId, short.toteCode) }, short, ctx)).toEqual(
          applyPickShort({ wave, tasks: idx.tasks }, short, ctx),
        );
        // Move the wave on, as the server does after an applied command.
        if (full.status === 'applied') {
          for (const p of full.taskPatches) {
            const i = idx.index.get(p.id)!;
            replaceTask(idx, i, { ...idx.tasks[i]!, ...p.patch });
          }
        }
      }
    }
  });
});

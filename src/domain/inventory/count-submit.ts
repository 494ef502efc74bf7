import type { CountSubmitArgs } from '../commands/inbound';
import type { Outcome, RuleContext } from '../commands/types';
import { noChanges, reject } from '../commands/types';
import { ErrorCode } from '../errors';
import type { StockMovement } from '../model';
import type { CountTaskPatch } from './changes';
import { countOutcome, type CountOutcome, type RecountThreshold } from './count';

/**
 * count.submit's rule. The server applies it with the ledger's balances; the device,
 * which never knows them (counting is blind), only uses it to check a count before it
 * is queued (`expected` empty there, so it must not trust the outcome's movements).
 */

/**
 * The default tolerance: up to 2 units AND up to 10 % of what the bin should hold post
 * at once; anything more is recounted by someone else. A bin expected to hold 10 accepts
 * 9 or 11; a bin of 100 accepts 98 to 102; an empty-by-ledger bin accepts nothing but 0.
 */
export const DEFAULT_RECOUNT_THRESHOLD: RecountThreshold = { units: 2, pct: 10 };

export interface CountTaskState {
  id: string;
  locationId: string;
  /** Null: the whole bin is counted. */
  skuId: string | null;
  status: string;
  reason: string;
  round: number;
  /** The first round's task id (itself for round 1). */
  chainId: string;
  /** Only this user may count it, when set. */
  assignedTo: string | null;
  /** Who must not count it: whoever counted an earlier round. */
  excludeUserIds: readonly string[];
}

export interface CountSubmitState {
  task: CountTaskState | null;
  /** The ledger's balance at the task's bin now, per SKU, lot and expiry (only the task's SKU if it has one). */
  expected: readonly { skuId: string; lot: string | null; expiry: string | null; qty: number }[];
  /** Earlier rounds of this count, oldest first. */
  earlier: readonly { countedBy: string; lines: readonly { skuId: string; lot: string | null; qty: number }[] }[];
  threshold: RecountThreshold;
}

const lineKey = (skuId: string, lot: string | null) => JSON.stringify([skuId, lot]);

interface Line {
  skuId: string;
  lot: string | null;
  expiry: string | null;
  expected: number;
  expiryWeight: number;
}

function sumBy(lines: readonly { skuId: string; lot: string | null; qty: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(lineKey(l.skuId, l.lot), (m.get(lineKey(l.skuId, l.lot)) ?? 0) + l.qty);
  return m;
}

/**
 * Lines are SKU and lot: the counter scans lots, not expiry dates. A lot the ledger holds
 * under two expiries is compared as one line and adjusted on its largest expiry's line.
 */
function linesOf(state: CountSubmitState, counted: readonly { skuId: string; lot: string | null; qty: number }[]): Map<string, Line> {
  const lines = new Map<string, Line>();
  const line = (skuId: string, lot: string | null) => {
    const k = lineKey(skuId, lot);
    let l = lines.get(k);
    if (!l) lines.set(k, (l = { skuId, lot, expiry: null, expected: 0, expiryWeight: Number.NEGATIVE_INFINITY }));
    return l;
  };
  for (const e of state.expected) {
    // Stock that came and went leaves a zero line: nothing to count there.
    if (e.qty === 0) continue;
    const l = line(e.skuId, e.lot);
    l.expected += e.qty;
    if (e.qty > l.expiryWeight) Object.assign(l, { expiry: e.expiry, expiryWeight: e.qty });
  }
  for (const r of state.earlier) for (const c of r.lines) line(c.skuId, c.lot);
  for (const c of counted) line(c.skuId, c.lot);
  return lines;
}

export function applyCountSubmit(state: CountSubmitState, args: CountSubmitArgs, ctx: RuleContext): Outcome {
  const { task } = state;
  if (!task) return reject(ErrorCode.COUNT_TASK_NOT_FOUND, `count task ${args.countTaskId} is not in this warehouse`);
  if (task.status !== 'open') return reject(ErrorCode.COUNT_TASK_CLOSED, `count task ${task.id} is ${task.status}`);
  if (args.locationId !== task.locationId) return reject(ErrorCode.COUNT_WRONG_BIN, `count task ${task.id} is for ${task.locationId}`);
  if (task.excludeUserIds.includes(ctx.userId) || state.earlier.some((r) => r.countedBy === ctx.userId)) {
    return reject(ErrorCode.RECOUNT_SAME_COUNTER, 'a recount must be done by someone who has not counted this bin');
  }
  if (task.assignedTo !== null && task.assignedTo !== ctx.userId) return reject(ErrorCode.FORBIDDEN, `count task ${task.id} is assigned to someone else`);
  if (task.skuId !== null && args.lines.some((l) => l.skuId !== task.skuId)) {
    return reject(ErrorCode.COUNT_SKU_NOT_IN_TASK, `count task ${task.id} counts ${task.skuId} only`);
  }
  const counted = sumBy(args.lines);
  const earlier = state.earlier.map((r) => ({ countedBy: r.countedBy, qty: sumBy(r.lines) }));
  const movements: StockMovement[] = [];
  let recount = false;
  let expectedQty = 0;
  for (const [k, l] of linesOf(state, args.lines)) {
    expectedQty += l.expected;
    const counts = [...earlier.map((r) => ({ countedBy: r.countedBy, qty: r.qty.get(k) ?? 0 })), { countedBy: ctx.userId, qty: counted.get(k) ?? 0 }];
    const subject = { locationId: task.locationId, skuId: l.skuId, lot: l.lot, expiry: l.expiry, expected: l.expected };
    const o: CountOutcome = countOutcome(subject, counts, state.threshold);
    if (o.kind === 'refused') return reject(o.code, `line ${l.skuId} ${l.lot ?? ''} cannot be counted`);
    if (o.kind === 'recount') recount = true;
    else if (o.movement) movements.push(o.movement);
  }
  const patch: CountTaskPatch = {
    id: task.id,
    status: recount ? 'recount' : 'done',
    expectedQty,
    countedQty: args.lines.reduce((n, l) => n + l.qty, 0),
    countedBy: ctx.userId,
    countedLines: [...counted].map(([k, qty]) => {
      const [skuId, lot] = JSON.parse(k) as [string, string | null];
      return { skuId, lot, qty };
    }),
  };
  if (!recount) return { status: 'applied', ...noChanges(), movements, inventory: { countTaskPatches: [patch] } };
  // Beyond the threshold (or no agreement yet): nothing posts; someone else counts again.
  const exclude = [...new Set([...task.excludeUserIds, ...state.earlier.map((r) => r.countedBy), ctx.userId])];
  return {
    status: 'applied',
    ...noChanges(),
    inventory: {
      countTaskPatches: [patch],
      newCountTasks: [
        { id: `${ctx.mutationId}:recount`, locationId: task.locationId, skuId: task.skuId, reason: task.reason, round: task.round + 1, chainId: task.chainId, excludeUserIds: exclude },
      ],
    },
  };
}

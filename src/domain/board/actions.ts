/**
 * What one recorded command counts for on the lead's board (docs/board-stats.md).
 * The server only knows work through the commands it applied, so every figure starts
 * here: one applied command is one action of one person in one flow.
 */

export const FLOWS = ['pick', 'pack', 'receive', 'putaway', 'count', 'returns'] as const;
export type Flow = (typeof FLOWS)[number];

/** One person's piece of work at one moment (device time, ms since the epoch). */
export interface BoardAction {
  userId: string;
  flow: Flow;
  at: number;
  units: number;
  lines: number;
}

export interface Counted {
  flow: Flow;
  units: number;
  lines: number;
}

type Args = Record<string, unknown>;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
const list = (v: unknown): Args[] => (Array.isArray(v) ? v.filter((x): x is Args => !!x && typeof x === 'object') : []);
const sumQty = (rows: Args[]): number => rows.reduce((s, r) => s + num(r.qty), 0);

/**
 * Units and lines of an applied command, or null when it is not floor work (undo,
 * skip, assignment, conflict cards) so it neither counts nor breaks an idle gap.
 * Args were validated by the command schema when applied; bad shapes count as 0 anyway.
 */
export function countCommand(name: string, args: unknown): Counted | null {
  const a: Args = args && typeof args === 'object' ? (args as Args) : {};
  switch (name) {
    case 'pick.confirm':
      return { flow: 'pick', units: num(a.qty), lines: 1 };
    case 'pick.short':
      return { flow: 'pick', units: num(a.foundQty), lines: 1 };
    case 'pack.confirm': {
      const items = list(a.cartons).flatMap((c) => list(c.items));
      return { flow: 'pack', units: sumQty(items), lines: items.length };
    }
    case 'receipt.close': {
      const lines = list(a.lines);
      return { flow: 'receive', units: sumQty(lines), lines: lines.length };
    }
    case 'putaway.confirm':
    case 'stock.move':
      return { flow: 'putaway', units: num(a.qty), lines: 1 };
    case 'count.submit':
      // A blind count is one bin counted, whatever it held.
      return { flow: 'count', units: sumQty(list(a.lines)), lines: 1 };
    case 'return.grade': {
      const units = list(a.units);
      return { flow: 'returns', units: sumQty(units), lines: units.length };
    }
    default:
      return null;
  }
}

import { progressOf } from '../../../domain/inbound/progress';
import { shelfLifeFlag } from '../../../domain/inbound/shelf-life';
import type { Asn, DiscrepancyNote, LineProgress, ReceiptLine, SellerReceivingRules } from '../../../domain/inbound/types';

/** What the clerk confirms at Close: counts, and the over/short rows that need a reason. */
export interface ReceiptSummary {
  received: number;
  over: number;
  short: number;
  damaged: number;
  unexpected: number;
  /** Lines inside the seller's minimum shelf life or past their expiry. */
  shelfLife: number;
  progress: LineProgress[];
  /** Over and short rows (per SKU), each needing the clerk's reason before Close. */
  needReason: { kind: 'over' | 'short'; skuId: string; qty: number }[];
}

export function summaryOf(
  asn: Pick<Asn, 'lines'> | null,
  lines: readonly ReceiptLine[],
  rules: SellerReceivingRules,
  today: Date | string,
): ReceiptSummary {
  const progress = progressOf(asn, lines);
  const perSku = new Map<string, { expected: number; received: number; announced: boolean }>();
  for (const p of progress) {
    const s = perSku.get(p.skuId) ?? { expected: 0, received: 0, announced: false };
    s.expected += p.expected;
    s.received += p.received;
    s.announced ||= p.line !== null;
    perSku.set(p.skuId, s);
  }
  const needReason: ReceiptSummary['needReason'] = [];
  let over = 0;
  let short = 0;
  let unexpected = 0;
  for (const [skuId, s] of perSku) {
    if (!s.announced) {
      if (asn) unexpected += s.received;
      continue;
    }
    if (s.received > s.expected) {
      over += s.received - s.expected;
      needReason.push({ kind: 'over', skuId, qty: s.received - s.expected });
    } else if (s.received < s.expected) {
      short += s.expected - s.received;
      needReason.push({ kind: 'short', skuId, qty: s.expected - s.received });
    }
  }
  const flagged = lines.filter((l) => {
    if (l.expiry === null) return false;
    const f = shelfLifeFlag(l.expiry, today, rules.minShelfLifeDays);
    return f.flag === 'short' || f.flag === 'expired';
  });
  return {
    received: lines.reduce((n, l) => n + l.qty, 0),
    over,
    short,
    damaged: lines.filter((l) => l.condition === 'damaged').reduce((n, l) => n + l.qty, 0),
    unexpected,
    shelfLife: flagged.length,
    progress,
    needReason,
  };
}

/** Whether every over/short row has its reason, so Close may go ahead. */
export function reasonsComplete(summary: ReceiptSummary, notes: readonly DiscrepancyNote[]): boolean {
  return summary.needReason.every((r) => notes.some((n) => n.kind === r.kind && n.skuId === r.skuId && n.reason.trim() !== ''));
}

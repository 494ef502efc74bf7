import { ErrorCode } from '../errors';
import type { LocationType } from './putaway';
import type { NewSellerEvent } from '../commands/types';

/**
 * Returns grading (issue 6). The clerk grades each returned unit; what happens to it
 * follows the seller's rules, so the floor never decides what a seller's stock is worth.
 */

export const RETURN_GRADES = ['sellable', 'damaged', 'defective', 'missing_parts', 'wrong_item'] as const;
export type ReturnGrade = (typeof RETURN_GRADES)[number];

export const RETURN_DISPOSITIONS = ['restock', 'quarantine', 'dispose', 'return_to_seller'] as const;
export type ReturnDisposition = (typeof RETURN_DISPOSITIONS)[number];

export const isReturnGrade = (v: unknown): v is ReturnGrade => typeof v === 'string' && (RETURN_GRADES as readonly string[]).includes(v);
export const isReturnDisposition = (v: unknown): v is ReturnDisposition =>
  typeof v === 'string' && (RETURN_DISPOSITIONS as readonly string[]).includes(v);

/** A seller's returns policy: a disposition per grade; restock may require the unit sealed. */
export interface ReturnRules {
  byGrade: Record<ReturnGrade, ReturnDisposition>;
  /** A sellable unit that was opened goes to quarantine instead of back on the shelf. */
  restockOnlySealed: boolean;
}

/**
 * The presets sellers pick today (sellers.rules.returns in the seed):
 * - restock_if_sealed: sealed sellable units go back to stock; damage is thrown away;
 *   faults go back to the seller, who claims them from the maker.
 * - inspect: the grading is the inspection for sellable units; anything else is held for
 *   the seller to look at.
 * - dispose: nothing comes back (food, cosmetics once sold).
 * A wrong item is never disposed: it belongs to someone, and quarantine lets a lead find out whom.
 */
export const RETURN_RULE_PRESETS = {
  restock_if_sealed: {
    byGrade: { sellable: 'restock', damaged: 'dispose', defective: 'return_to_seller', missing_parts: 'return_to_seller', wrong_item: 'quarantine' },
    restockOnlySealed: true,
  },
  inspect: {
    byGrade: { sellable: 'restock', damaged: 'quarantine', defective: 'quarantine', missing_parts: 'quarantine', wrong_item: 'quarantine' },
    restockOnlySealed: false,
  },
  dispose: {
    byGrade: { sellable: 'dispose', damaged: 'dispose', defective: 'dispose', missing_parts: 'dispose', wrong_item: 'quarantine' },
    restockOnlySealed: false,
  },
} as const satisfies Record<string, ReturnRules>;
export type ReturnRulePreset = keyof typeof RETURN_RULE_PRESETS;

/** Rules unknown or unreadable: hold everything for a person to decide; nothing is lost or sold. */
export const QUARANTINE_ALL: ReturnRules = {
  byGrade: { sellable: 'quarantine', damaged: 'quarantine', defective: 'quarantine', missing_parts: 'quarantine', wrong_item: 'quarantine' },
  restockOnlySealed: false,
};

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * The rules from a seller's `rules` JSON. `returns` is a preset name, or an object with
 * a disposition per grade (grades left out are quarantined) and `restockOnlySealed`.
 */
export function returnRulesOf(sellerRules: unknown): ReturnRules {
  if (typeof sellerRules !== 'object' || sellerRules === null) return QUARANTINE_ALL;
  const r = (sellerRules as Record<string, unknown>).returns;
  if (typeof r === 'string') return own(RETURN_RULE_PRESETS, r) ? RETURN_RULE_PRESETS[r as ReturnRulePreset] : QUARANTINE_ALL;
  if (typeof r !== 'object' || r === null) return QUARANTINE_ALL;
  const custom = r as Record<string, unknown>;
  const byGrade = { ...QUARANTINE_ALL.byGrade };
  for (const g of RETURN_GRADES) {
    const d = own(custom, g) ? custom[g] : undefined;
    if (isReturnDisposition(d)) byGrade[g] = d;
  }
  return { byGrade, restockOnlySealed: custom.restockOnlySealed === true };
}

export interface DispositionOutcome {
  disposition: ReturnDisposition;
  /** Restocked units get a putaway task from the returns bin. */
  putawayTask: boolean;
  /** The kind of bin the unit waits in; null when it goes straight to putaway. */
  holdAt: LocationType | null;
}

const HOLD_AT: Record<ReturnDisposition, LocationType | null> = {
  restock: null,
  quarantine: 'returns',
  return_to_seller: 'returns',
  dispose: 'damaged',
};

/**
 * What happens to a graded unit. `sellerRules` is either parsed rules or the seller's raw
 * rules JSON. An unsealed unit under restock-only-sealed rules is quarantined: it may
 * well be sellable, but that is the seller's call.
 */
export function dispositionFor(grade: ReturnGrade, sellerRules: ReturnRules | unknown, unit: { sealed?: boolean } = {}): DispositionOutcome {
  const rules = isReturnRules(sellerRules) ? sellerRules : returnRulesOf(sellerRules);
  let disposition: ReturnDisposition = isReturnGrade(grade) ? rules.byGrade[grade] : 'quarantine';
  if (disposition === 'restock' && rules.restockOnlySealed && unit.sealed !== true) disposition = 'quarantine';
  return { disposition, putawayTask: disposition === 'restock', holdAt: HOLD_AT[disposition] };
}

function isReturnRules(v: unknown): v is ReturnRules {
  if (typeof v !== 'object' || v === null || !own(v, 'byGrade')) return false;
  const byGrade = (v as { byGrade: unknown }).byGrade;
  return typeof byGrade === 'object' && byGrade !== null && RETURN_GRADES.every((g) => isReturnDisposition((byGrade as Record<string, unknown>)[g]));
}

export const MAX_RETURN_REASON_LENGTH = 500;

export interface GradeInput {
  orderId: string;
  orderRef: string;
  sellerId: string;
  skuId: string;
  /** The SKU the clerk found, when it is not the one ordered (wrong_item). */
  foundSkuId?: string | null;
  qty: unknown;
  grade: unknown;
  reason: unknown;
  sealed?: boolean;
  /** Ids of photos taken on the device; uploaded with the sync. */
  photoIds?: readonly string[];
  /** What the clerk scanned to find the order: return label, order number, tracking number. */
  scannedRef?: string | null;
  gradedBy: string;
  gradedAt: string;
}

/** The "return graded" event on the seller's feed: what a seller needs to decide a refund. */
export interface ReturnGradedEvent {
  type: 'return.graded';
  orderId: string;
  orderRef: string;
  sellerId: string;
  skuId: string;
  foundSkuId: string | null;
  qty: number;
  grade: ReturnGrade;
  reason: string;
  sealed: boolean;
  disposition: ReturnDisposition;
  photoIds: string[];
  scannedRef: string | null;
  gradedBy: string;
  gradedAt: string;
}

export type GradeResult = { ok: true; event: ReturnGradedEvent; outcome: DispositionOutcome } | { ok: false; code: ErrorCode };

/**
 * Checks a clerk's grading and builds the event. Every grade needs a reason: for a
 * sellable unit it is the customer's reason, which the seller still wants to read.
 */
export function gradeReturn(input: GradeInput, sellerRules: ReturnRules | unknown): GradeResult {
  if (!isReturnGrade(input.grade)) return { ok: false, code: ErrorCode.RETURN_GRADE_UNKNOWN };
  if (typeof input.qty !== 'number' || !Number.isInteger(input.qty)) return { ok: false, code: ErrorCode.QTY_NOT_A_NUMBER };
  if (input.qty <= 0) return { ok: false, code: ErrorCode.QTY_NOT_POSITIVE };
  // eslint-disable-next-line no-control-regex -- control characters never belong in a reason the seller reads
  const reason = typeof input.reason === 'string' ? input.reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim() : '';
  if (reason === '') return { ok: false, code: ErrorCode.RETURN_REASON_REQUIRED };
  if (reason.length > MAX_RETURN_REASON_LENGTH) return { ok: false, code: ErrorCode.VALIDATION_FAILED };
  const sealed = input.sealed === true;
  const outcome = dispositionFor(input.grade, sellerRules, { sealed });
  return {
    ok: true,
    outcome,
    event: {
      type: 'return.graded',
      orderId: input.orderId,
      orderRef: input.orderRef,
      sellerId: input.sellerId,
      skuId: input.skuId,
      foundSkuId: input.grade === 'wrong_item' ? (input.foundSkuId ?? null) : null,
      qty: input.qty,
      grade: input.grade,
      reason,
      sealed,
      disposition: outcome.disposition,
      photoIds: [...new Set(input.photoIds ?? [])],
      scannedRef: input.scannedRef ?? null,
      gradedBy: input.gradedBy,
      gradedAt: input.gradedAt,
    },
  };
}

/** The entry for the seller's event feed (a NewSellerEvent of type 'return.graded'). */
export function returnGradedSellerEvent(e: ReturnGradedEvent): NewSellerEvent & { type: 'return.graded' } {
  const { type, sellerId, ...payload } = e;
  return { sellerId, type, payload };
}

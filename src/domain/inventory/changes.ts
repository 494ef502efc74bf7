import type { ReturnDisposition, ReturnGrade } from './returns';

/**
 * What inventory commands (return.grade, count.submit) change beyond ledger movements
 * and seller events, as rows for the server to write (services/inventory-writes.ts).
 * Ids are made by the rule from the mutation id, so a command applied twice would trip a
 * primary key instead of doubling anything.
 */
export interface InventoryChanges {
  /** A graded return (return.grade): the return and one line per graded unit. */
  returns?: NewReturn[];
  /** Putaway tasks from the returns bench for restocked units. */
  putawayTasks?: NewReturnPutaway[];
  /** Count tasks closed by this command (count.submit). */
  countTaskPatches?: CountTaskPatch[];
  /** Recounts asked for by this command: round 2, 3, ... of the same bin. */
  newCountTasks?: NewRecountTask[];
}

export interface NewReturn {
  id: string;
  orderId: string;
  sellerId: string;
  locationId: string;
  lines: NewReturnLine[];
}

export interface NewReturnLine {
  id: string;
  skuId: string;
  foundSkuId: string | null;
  lot: string | null;
  qty: number;
  grade: ReturnGrade;
  reason: string;
  sealed: boolean;
  disposition: ReturnDisposition;
  photoIds: string[];
  gradedBy: string;
  gradedAt: string;
}

export interface NewReturnPutaway {
  id: string;
  returnId: string;
  skuId: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  fromLocationId: string;
  suggestedLocationId: string | null;
}

/** What a count decided for its task. */
export interface CountTaskPatch {
  id: string;
  /** done: the count (or the agreed recount) posted; recount: a next round was created. */
  status: 'done' | 'recount';
  expectedQty: number;
  countedQty: number;
  countedBy: string;
  /** Every line counted, so a recount can be compared with it (blind: never sent to devices). */
  countedLines: { skuId: string; lot: string | null; qty: number }[];
}

export interface NewRecountTask {
  id: string;
  locationId: string;
  skuId: string | null;
  reason: string;
  round: number;
  /** The first round's task: every round of one count shares it. */
  chainId: string;
  excludeUserIds: string[];
}

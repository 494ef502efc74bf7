import Dexie, { type Table } from 'dexie';
import type { Location, PickTask, Sku, Tote, UserPublic, WarehouseException, Wave } from '../../domain/model';
import type { BinStock } from '../../domain/stock';
import type { Mutation, Rejection } from '../../domain/sync';
import type { BoxType, NumberLease, OverrideVerifier, PackOrder } from '../../domain/packing/types';
import type { Asn, DiscrepancyNote, ReceiptLine } from '../../domain/inbound/types';
import type { PutawayTask } from '../../domain/inbound/snapshot';
import type { CountTaskView, ReturnableOrder } from '../../domain/inventory/snapshot';
import type { ReplenishTask } from '../../domain/replenish/types';

/** A SKU row with its barcode values flattened so a multi-entry index can find it by scan. */
export type SkuRow = Sku & { barcodeValues: string[] };
export type UserRow = UserPublic & { version: number };

/** A command as queued on the device: the wire mutation plus its local delivery state. */
export interface OutboxRow extends Mutation {
  /**
   * `acked` rows are known to the server but their effect may not have been pulled yet;
   * they keep being replayed until the pull that reflects them, so a restart in between
   * never shows a pick as undone.
   */
  status: 'pending' | 'acked';
}

export type RejectionRow = Rejection & { seenAt: string | null };

/**
 * A command of this device the server refused, or applied with a note (the wave had been
 * reassigned, the bin went negative): kept with its arguments, because the outbox row is
 * deleted once pulled and the conflict card needs the tote and quantity it named.
 */
export interface ConflictRow {
  /** The mutation's id. */
  id: string;
  seq: number;
  name: string;
  args: unknown;
  /** The refusal code, or the note of an applied command. */
  code: string;
  status: 'rejected' | 'applied';
  /** Who did the scan: a shared handheld shows each picker their own cards only. */
  userId: string;
  /** Who picked the line, or holds the wave now, when the server said. */
  otherUserId: string | null;
  createdAt: string;
  /** Set once this device recorded conflict.resolve for the card; the row then stays hidden. */
  resolvedAt: string | null;
}

/**
 * A view row a pull changed but the view does not reflect yet: pages before the last one
 * leave these behind, so a pull cut short (a reload) still refreshes them afterwards.
 */
export interface DirtyRow {
  /** `w:<waveId>` or `t:<taskId>`. */
  key: string;
}

/** A leased block of serials and the next one this device has not used yet (pack-leases.ts). */
export type LeaseRow = NumberLease & { next: number };

/** An ASN as held on the device, with its cartons' SSCCs flattened for a scan to find it. */
export type AsnRow = Asn & { cartonSsccs: string[] };

/** A receipt being built on this device, before receipt.close (receiving/). */
export interface ReceiptDraftRow {
  id: string;
  asnId: string | null;
  sellerId: string;
  dockLocationId: string;
  userId: string;
  notes: DiscrepancyNote[];
  startedAt: string;
}

/** One accepted receiving scan of a draft, written in the scan's own transaction. */
export type ReceiptDraftLineRow = ReceiptLine & { n?: number; receiptId: string; at: string };

/** A photo taken on the device, kept until the server has every byte (photos.ts). */
export interface PhotoRow {
  id: string;
  blob: Blob;
  contentType: string;
  byteSize: number;
  sha256: string;
  /** Bytes the server confirmed it holds. */
  uploadedBytes: number;
  status: 'pending' | 'uploaded';
  createdAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class ToteDb extends Dexie {
  locations!: Table<Location, string>;
  skus!: Table<SkuRow, string>;
  totes!: Table<Tote, string>;
  users!: Table<UserRow, string>;
  /** Server state exactly as last pulled. */
  srvWaves!: Table<Wave, string>;
  srvTasks!: Table<PickTask, string>;
  /** The view: server state with pending commands replayed (see domain/replay.ts). */
  waves!: Table<Wave, string>;
  tasks!: Table<PickTask, string>;
  exceptions!: Table<WarehouseException, string>;
  outbox!: Table<OutboxRow, number>;
  rejections!: Table<RejectionRow, string>;
  conflicts!: Table<ConflictRow, string>;
  meta!: Table<MetaRow, string>;
  viewDirty!: Table<DirtyRow, string>;
  /** Bin balances of the user's open waves' SKUs, as pulled; read-only (domain/stock.ts). */
  stock!: Table<BinStock, string>;
  /** Packing's working set as last pulled (pack-store.ts), replaced whole by each pull. */
  packOrders!: Table<PackOrder, string>;
  boxTypes!: Table<BoxType, string>;
  packLeases!: Table<LeaseRow, string>;
  packVerifiers!: Table<OverrideVerifier, string>;
  packPrinters!: Table<{ locationId: string; host: string }, string>;
  /** The pack config and the bench chosen on this device. */
  packMeta!: Table<MetaRow, string>;
  /** Receiving's working set as last pulled (inbound-store.ts), replaced whole by each pull. */
  asns!: Table<AsnRow, string>;
  putawayTasks!: Table<PutawayTask, string>;
  /** Receiving rules per seller and the dock chosen on this device. */
  inboundMeta!: Table<MetaRow, string>;
  /** Receipts in progress on this device: never replaced by a pull. */
  receiptDrafts!: Table<ReceiptDraftRow, string>;
  receiptDraftLines!: Table<ReceiptDraftLineRow, number>;
  /** Counting and returns' working set as last pulled (inventory-store.ts). */
  countTasks!: Table<CountTaskView, string>;
  returnables!: Table<ReturnableOrder, string>;
  inventoryMeta!: Table<MetaRow, string>;
  /** Photos waiting for upload, and uploaded ones until they are cleared. */
  photos!: Table<PhotoRow, string>;
  /** Replenishment's open tasks (PullResponse.replenish), replaced whole by each pull. */
  replenishTasks!: Table<ReplenishTask, string>;

  constructor(name = 'tote') {
    // Strict durability: a command reported as saved must survive the handheld being
    // dropped or killed a moment later.
    // No optimistic live-query cache: every write would otherwise patch each cached
    // query result on the main thread before it commits, inside the time of a scan.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    this.version(1).stores({
      locations: 'id, code',
      skus: 'id, code, *barcodeValues',
      totes: 'id, code',
      users: 'id',
      srvWaves: 'id',
      srvTasks: 'id, waveId',
      waves: 'id, assignedUserId',
      tasks: 'id, waveId',
      exceptions: 'id, waveId',
      outbox: 'seq, &id, [status+seq]',
      rejections: 'id, seq',
      meta: 'key',
    });
    // Indexes that let a write, a refresh and the pick screen read only the rows they
    // need: a task by walk order, the tasks holding a tote, an order's tasks, and each
    // wave's pending commands.
    this.version(2).stores({
      srvTasks: 'id, waveId, [waveId+status+walkSeq], [waveId+toteCode]',
      tasks: 'id, waveId, [waveId+status+walkSeq], [waveId+toteCode], [waveId+orderId], [waveId+walkSeq]',
      outbox: 'seq, &id, [status+seq], args.waveId',
      viewDirty: 'key',
    });
    // Conflict cards: refused or noted commands with their arguments, and the exceptions
    // the server raised for a mutation, found by its id.
    this.version(3).stores({
      conflicts: 'id, seq',
      exceptions: 'id, waveId, mutationId',
    });
    // Bin stock: a bin's lots for the lot step, a SKU's bins to re-allocate a short pick.
    this.version(4).stores({
      stock: 'id, skuId, [locationId+skuId]',
    });
    // Packing: a tote's orders, a scanned box code, a lead's badge.
    this.version(5).stores({
      packOrders: 'orderId, toteCode',
      boxTypes: 'id, code',
      packLeases: 'id, kind',
      packVerifiers: 'userId, badge',
      packPrinters: 'locationId',
      packMeta: 'key',
    });
    // Inbound and inventory: an ASN by reference or carton SSCC, a draft's lines, a bin's
    // count tasks, an order to return by reference or tracking number, photos to upload.
    this.version(6).stores({
      asns: 'id, reference, *cartonSsccs',
      putawayTasks: 'id, status, skuId',
      inboundMeta: 'key',
      receiptDrafts: 'id, asnId',
      receiptDraftLines: '++n, receiptId',
      countTasks: 'id, locationId',
      returnables: 'orderId, ref, *trackingNumbers',
      inventoryMeta: 'key',
      photos: 'id, status',
    });
    // Replenishment (issue 7): open tasks, reserve bin to pick face.
    this.version(7).stores({
      replenishTasks: 'id, status',
    });
  }
}

let current: ToteDb | null = null;

export function db(): ToteDb {
  current ??= new ToteDb();
  return current;
}

/** Tests open a fresh database per case. */
export function setDatabase(next: ToteDb): void {
  current = next;
}

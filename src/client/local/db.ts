import Dexie, { type Table } from 'dexie';
import type { Location, PickTask, Sku, Tote, UserPublic, WarehouseException, Wave } from '../../domain/model';
import type { Rejection } from '../../domain/sync';

/** A SKU row with its barcode values flattened so a multi-entry index can find it by scan. */
export type SkuRow = Sku & { barcodeValues: string[] };
export type UserRow = UserPublic & { version: number };

export interface OutboxRow {
  id: string;
  deviceId: string;
  seq: number;
  name: string;
  args: unknown;
  argsVersion: number;
  userId: string;
  createdAt: string;
  /**
   * `acked` rows are known to the server but their effect may not have been pulled yet;
   * they keep being replayed until the pull that reflects them, so a restart in between
   * never shows a pick as undone.
   */
  status: 'pending' | 'acked';
}

export type RejectionRow = Rejection & { seenAt: string | null };

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
  meta!: Table<MetaRow, string>;

  constructor(name = 'tote') {
    // Strict durability: a command reported as saved must survive the handheld being
    // dropped or killed a moment later.
    super(name, { chromeTransactionDurability: 'strict' });
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

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Tables of migration 0017 (replenishment), kept beside the services that use them and
 * added to the shared Database type with Kysely's withTables().
 */
export interface PickFaceLimitsTable {
  location_id: string;
  sku_id: string;
  warehouse_id: string;
  min_qty: number;
  max_qty: number;
  updated_by: string | null;
  updated_at: string;
  version: number;
}

export interface ReplenishmentTasksTable {
  id: string;
  warehouse_id: string;
  location_id: string;
  sku_id: string;
  seller_id: string;
  from_location_id: string | null;
  lot: string | null;
  expiry: string | null;
  qty: number;
  min_qty: number;
  max_qty: number;
  on_hand: number;
  /** domain/replenish/types REPLENISH_STATUSES */
  status: string;
  mutation_id: string | null;
  created_at: string;
  done_by: string | null;
  done_qty: number | null;
  done_from_location_id: string | null;
  done_at: string | null;
  version: number;
}

export type ReplenishTables = {
  pick_face_limits: PickFaceLimitsTable;
  replenishment_tasks: ReplenishmentTasksTable;
};

export type ReplenishDb = Database & ReplenishTables;

export function withReplenish(db: Transaction<Database>): Transaction<ReplenishDb>;
export function withReplenish(db: Kysely<Database>): Kysely<ReplenishDb>;
export function withReplenish(db: Kysely<Database> | Transaction<Database>): Kysely<ReplenishDb> | Transaction<ReplenishDb> {
  return db.withTables<ReplenishTables>() as Kysely<ReplenishDb> | Transaction<ReplenishDb>;
}

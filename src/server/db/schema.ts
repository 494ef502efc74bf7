import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. Column names stay snake_case in both dialects;
 * mappers in ../services turn rows into the camelCase domain shapes. Booleans are
 * integers (0/1) and JSON is text so the same SQL runs on SQLite and PostgreSQL.
 */

export interface ServerVersionTable {
  id: number;
  value: number;
}

export interface WarehousesTable {
  id: string;
  code: string;
  name: string;
  version: number;
  created_at: string;
}

export interface SellersTable {
  id: string;
  warehouse_id: string;
  code: string;
  name: string;
  rules: string;
  version: number;
}

export interface LocationsTable {
  id: string;
  warehouse_id: string;
  code: string;
  zone: string;
  type: string;
  aisle: number | null;
  bay: number | null;
  level: number | null;
  walk_seq: number;
  capacity: number | null;
  version: number;
}

export interface SkusTable {
  id: string;
  warehouse_id: string;
  seller_id: string;
  code: string;
  name: string;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  weight_g: number;
  case_pack_qty: number;
  lot_tracked: number;
  expiry_tracked: number;
  serial_tracked: number;
  low_stock_threshold: number;
  version: number;
}

export interface SkuBarcodesTable {
  id: string;
  sku_id: string;
  value: string;
  kind: string;
  pack_qty: number;
}

export interface TotesTable {
  id: string;
  warehouse_id: string;
  code: string;
  /** 'free' | 'on_cart' | 'awaiting_packing' (0006); the column defaults to free. */
  status: Generated<string>;
  /** The pack bench it waits at (0006). */
  location_id: string | null;
  wave_id: string | null;
  version: number;
}

export interface UsersTable {
  id: string;
  warehouse_id: string;
  name: string;
  badge: string;
  pin_hash: string;
  roles: string;
  language: string;
  failed_pin_count: number;
  locked_until: string | null;
  version: number;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  device_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface DevicesTable {
  id: string;
  warehouse_id: string;
  user_id: string | null;
  name: string | null;
  app_version: string | null;
  last_seen: string;
  last_seq: number;
  created_at: string;
}

export interface OrdersTable {
  id: string;
  warehouse_id: string;
  seller_id: string;
  external_id: string;
  status: string;
  ship_to: string;
  carrier_service: string;
  ship_by: string;
  created_at: string;
  version: number;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  sku_id: string;
  qty: number;
  version: number;
}

export interface WavesTable {
  id: string;
  warehouse_id: string;
  code: string;
  status: string;
  /** 'single' | 'cluster' (0005). */
  kind: string;
  assigned_user_id: string | null;
  assignment_epoch: number;
  released_at: string | null;
  completed_at: string | null;
  /** Drop-off at a pack bench (0006). */
  dropped_at: string | null;
  dropoff_location_id: string | null;
  version: number;
}

export interface PickTasksTable {
  id: string;
  warehouse_id: string;
  wave_id: string;
  order_id: string;
  order_line_id: string;
  order_ref: string;
  sku_id: string;
  location_id: string;
  walk_seq: number;
  qty: number;
  picked_qty: number;
  status: string;
  tote_code: string | null;
  picked_by: string | null;
  lot: string | null;
  expiry: string | null;
  skipped_at: number | null;
  version: number;
}

export interface StockLedgerTable {
  id: string;
  warehouse_id: string;
  location_id: string | null;
  container_code: string | null;
  sku_id: string;
  lot: string | null;
  expiry: string | null;
  delta: number;
  reason: string;
  mutation_id: string | null;
  created_at: string;
}

export interface ExceptionsTable {
  id: string;
  warehouse_id: string;
  type: string;
  status: string;
  wave_id: string | null;
  task_id: string | null;
  location_id: string | null;
  sku_id: string | null;
  qty: number;
  raised_by: string | null;
  mutation_id: string | null;
  created_at: string;
  resolved_at: string | null;
  version: number;
}

export interface MutationsTable {
  id: string;
  device_id: string;
  seq: number;
  name: string;
  args: string;
  args_version: number;
  user_id: string;
  status: string;
  code: string | null;
  message: string | null;
  result: string;
  version: number;
  created_at: string;
  received_at: string;
  wave_id: string | null;
}

export interface CountTasksTable {
  id: string;
  warehouse_id: string;
  location_id: string;
  sku_id: string | null;
  reason: string;
  status: string;
  created_at: string;
  version: number;
}

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export interface Database {
  server_version: ServerVersionTable;
  warehouses: WarehousesTable;
  sellers: SellersTable;
  locations: LocationsTable;
  skus: SkusTable;
  sku_barcodes: SkuBarcodesTable;
  totes: TotesTable;
  users: UsersTable;
  sessions: SessionsTable;
  devices: DevicesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  waves: WavesTable;
  pick_tasks: PickTasksTable;
  stock_ledger: StockLedgerTable;
  exceptions: ExceptionsTable;
  mutations: MutationsTable;
  count_tasks: CountTasksTable;
  tote_migrations: MigrationsTable;
}

/** Tables whose full contents tests compare before and after bad input. */
export const ALL_TABLES = [
  'server_version',
  'warehouses',
  'sellers',
  'locations',
  'skus',
  'sku_barcodes',
  'totes',
  'users',
  'sessions',
  'devices',
  'orders',
  'order_lines',
  'waves',
  'pick_tasks',
  'stock_ledger',
  'exceptions',
  'mutations',
  'count_tasks',
] as const satisfies readonly (keyof Database)[];

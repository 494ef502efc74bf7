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
  /** JSON counting settings set by a lead (0011); null: the defaults. */
  count_settings: Generated<string | null>;
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
  /** host[:port] of a pack bench's label printer, raw TCP (0007). */
  printer_host: Generated<string | null>;
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
  /** Weight-override key of a lead's PIN (0007, domain/packing/override.ts). */
  override_salt: Generated<string | null>;
  override_key: Generated<string | null>;
  override_iterations: Generated<number | null>;
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
  /** The last heartbeat's report (0014-device-reports). */
  pending: Generated<number>;
  oldest_pending_at: string | null;
  rejected_unseen: Generated<number>;
  battery_pct: number | null;
  reported_at: string | null;
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
  packed_at: Generated<string | null>;
  shipped_at: Generated<string | null>;
  /** SHA-256 of the normalised sellers' API request that made it (0013); null otherwise. */
  request_hash: Generated<string | null>;
  /** 'normal' | 'high' | 'urgent', set by a lead (0015). */
  priority: Generated<string>;
  /** The status a lead's hold put aside; null unless a lead holds it (0015). */
  held_from_status: Generated<string | null>;
  hold_reason: Generated<string | null>;
  version: number;
}

export interface OrderLinesTable {
  id: string;
  order_id: string;
  line_no: number;
  sku_id: string;
  qty: number;
  /** When a lead cancelled the line's remaining units (0015). */
  cancelled_at: Generated<string | null>;
  /** Units a lead accepted the order ships without (0018, exceptions queue). */
  short_accepted_qty: Generated<number>;
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
  /** The order it is about, and JSON detail for the lead (0007). */
  order_id: Generated<string | null>;
  details: Generated<string | null>;
  /** The lead's handling (0018): who, when, which action, a note, what it made (JSON). */
  handled_by: Generated<string | null>;
  handled_at: Generated<string | null>;
  handled_action: Generated<string | null>;
  handled_note: Generated<string | null>;
  handled_result: Generated<string | null>;
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
  /** Blind counts (0008): what the system expected, what was counted, by whom, which round (2 = recount). */
  expected_qty: Generated<number | null>;
  counted_qty: Generated<number | null>;
  assigned_to: Generated<string | null>;
  counted_by: Generated<string | null>;
  round: Generated<number>;
  version: number;
  /** Recounts (0010): every line counted (JSON), the first round's task id, who must not count it, when counted. */
  counted_lines: Generated<string | null>;
  chain_id: Generated<string | null>;
  exclude_user_ids: Generated<string>;
  counted_at: Generated<string | null>;
}

export interface BoxTypesTable {
  id: string;
  warehouse_id: string;
  code: string;
  name: string;
  inner_length_mm: number;
  inner_width_mm: number;
  inner_height_mm: number;
  max_weight_g: number;
  tare_g: number;
  active: Generated<number>;
  version: number;
}

export interface PackConfigsTable {
  warehouse_id: string;
  /** JSON of domain/packing/types PackConfig. */
  config: string;
  version: number;
}

export interface ShipmentsTable {
  id: string;
  warehouse_id: string;
  order_id: string;
  bench_id: string;
  carrier: string;
  service: string;
  /** 'packed' | 'shipped' */
  status: string;
  packed_by: string;
  override_by: string | null;
  override_nonce: string | null;
  mutation_id: string;
  created_at: string;
  shipped_at: string | null;
  version: number;
}

export interface CartonsTable {
  id: string;
  warehouse_id: string;
  shipment_id: string;
  order_id: string;
  seq: number;
  box_type_id: string;
  weight_g: number;
  expected_weight_g: number;
  tracking_number: string;
  sscc: string;
  /** JSON [{skuId, lot, qty}] */
  contents: string;
  carrier: string;
  manifest_id: string | null;
  created_at: string;
  version: number;
}

export interface NumberCountersTable {
  warehouse_id: string;
  /** 'tracking' | 'sscc' */
  kind: string;
  /** The first serial not yet leased, and the last one the range allows. */
  next: number;
  last: number;
}

export interface NumberLeasesTable {
  id: string;
  warehouse_id: string;
  device_id: string;
  kind: string;
  first: number;
  last: number;
  created_at: string;
}

export interface ManifestsTable {
  id: string;
  warehouse_id: string;
  code: string;
  carrier: string;
  dock_location_id: string;
  /** 'open' | 'closed' */
  status: string;
  created_by: string;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
  version: number;
}

/** Sellers' API keys (0012): only the key's SHA-256 is kept. */
export interface SellerApiKeysTable {
  id: string;
  warehouse_id: string;
  seller_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SellerEventsTable {
  id: string;
  warehouse_id: string;
  seller_id: string;
  type: string;
  /** JSON */
  payload: string;
  created_at: string;
  /** The server version of the change that raised it: the feed's cursor. */
  version: number;
}

/** A seller's announced inbound shipment (0008). */
export interface AsnsTable {
  id: string;
  warehouse_id: string;
  seller_id: string;
  /** Unique per warehouse; printed on the delivery's paperwork. */
  reference: string;
  /** 'announced' | 'receiving' | 'closed' */
  status: string;
  expected_at: string | null;
  created_at: string;
  closed_at: string | null;
  version: number;
}

export interface AsnCartonsTable {
  id: string;
  asn_id: string;
  sscc: string;
  /** JSON ExpectedItem[] (domain/inbound/types); null when the seller did not declare it. */
  contents: string | null;
  received_at: string | null;
}

export interface AsnLinesTable {
  id: string;
  asn_id: string;
  line_no: number;
  sku_id: string;
  qty: number;
  lot: string | null;
  expiry: string | null;
}

export interface ReceiptsTable {
  id: string;
  warehouse_id: string;
  seller_id: string;
  /** Null for a blind receipt. */
  asn_id: string | null;
  /** 'open' | 'closed' */
  status: string;
  dock_location_id: string;
  opened_by: string;
  closed_by: string | null;
  created_at: string;
  closed_at: string | null;
  version: number;
  /** For the lead, e.g. 'asn_closed_elsewhere' (0009). */
  note: Generated<string | null>;
}

export interface ReceiptLinesTable {
  id: string;
  receipt_id: string;
  sku_id: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  /** 'ok' | 'damaged' */
  condition: string;
  carton_sscc: string | null;
  reason: string | null;
  /** JSON string[] */
  photo_ids: Generated<string>;
  mutation_id: string | null;
  created_at: string;
}

export interface DiscrepanciesTable {
  id: string;
  receipt_id: string;
  /** 'over' | 'short' | 'damaged' | 'wrong_item' | 'unexpected_sku' */
  kind: string;
  sku_id: string | null;
  lot: string | null;
  carton_sscc: string | null;
  expected_qty: number;
  received_qty: number;
  reason: string | null;
  /** JSON string[] */
  photo_ids: Generated<string>;
  created_at: string;
  version: number;
}

export interface PutawayTasksTable {
  id: string;
  warehouse_id: string;
  receipt_id: string | null;
  return_id: string | null;
  sku_id: string;
  lot: string | null;
  expiry: string | null;
  qty: number;
  from_location_id: string;
  suggested_location_id: string | null;
  to_location_id: string | null;
  /** Why the clerk chose another bin than the suggested one. */
  reason: string | null;
  /** 'open' | 'done' */
  status: string;
  done_by: string | null;
  created_at: string;
  done_at: string | null;
  version: number;
  /** 'ok' | 'damaged' (0009). */
  condition: Generated<string>;
  /** Units put away so far; the task is open for qty - done_qty (0009). */
  done_qty: Generated<number>;
}

export interface PhotosTable {
  id: string;
  warehouse_id: string;
  device_id: string;
  mutation_id: string | null;
  content_type: string;
  byte_size: number;
  sha256: string;
  received_bytes: Generated<number>;
  /** 1 once every byte arrived and the hash matched. */
  stored: Generated<number>;
  /** bytea on PostgreSQL, blob on SQLite. */
  data: Uint8Array | null;
  created_at: string;
  version: number;
}

export interface ReturnsTable {
  id: string;
  warehouse_id: string;
  order_id: string;
  seller_id: string;
  status: string;
  created_at: string;
  version: number;
}

export interface ReturnLinesTable {
  id: string;
  return_id: string;
  sku_id: string;
  /** 'sellable' | 'damaged' | 'defective' | 'missing_parts' | 'wrong_item' */
  grade: string;
  reason: string | null;
  /** 'restock' | 'quarantine' | 'dispose' | 'return_to_seller' */
  disposition: string;
  /** JSON string[] */
  photo_ids: Generated<string>;
  graded_by: string;
  graded_at: string;
  /** 0010: units, lot, what was found instead (wrong item), sealed (0/1), the bench graded at. */
  qty: Generated<number>;
  lot: Generated<string | null>;
  found_sku_id: Generated<string | null>;
  sealed: Generated<number>;
  location_id: Generated<string | null>;
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
  seller_api_keys: SellerApiKeysTable;
  box_types: BoxTypesTable;
  pack_configs: PackConfigsTable;
  shipments: ShipmentsTable;
  cartons: CartonsTable;
  number_counters: NumberCountersTable;
  number_leases: NumberLeasesTable;
  manifests: ManifestsTable;
  seller_events: SellerEventsTable;
  asns: AsnsTable;
  asn_cartons: AsnCartonsTable;
  asn_lines: AsnLinesTable;
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  discrepancies: DiscrepanciesTable;
  putaway_tasks: PutawayTasksTable;
  photos: PhotosTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
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
  'box_types',
  'pack_configs',
  'shipments',
  'cartons',
  'number_counters',
  'number_leases',
  'manifests',
  'seller_events',
  'asns',
  'asn_cartons',
  'asn_lines',
  'receipts',
  'receipt_lines',
  'discrepancies',
  'putaway_tasks',
  'photos',
  'returns',
  'return_lines',
] as const satisfies readonly (keyof Database)[];

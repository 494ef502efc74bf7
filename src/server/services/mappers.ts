import type { Selectable } from 'kysely';
import type { Location, PickTask, Sku, SkuBarcode, Tote, UserPublic, Wave, WarehouseException } from '../../domain/model';
import type { BoxType } from '../../domain/packing/types';
import type {
  BoxTypesTable,
  ExceptionsTable,
  LocationsTable,
  PickTasksTable,
  SkuBarcodesTable,
  SkusTable,
  TotesTable,
  UsersTable,
  WavesTable,
} from '../db/schema';

/** Rows to the domain's camelCase shapes. Numbers pass through Number() because pg may hand back strings. */

export function toLocation(r: Selectable<LocationsTable>): Location {
  return {
    id: r.id,
    code: r.code,
    zone: r.zone,
    type: r.type as Location['type'],
    aisle: r.aisle,
    bay: r.bay,
    level: r.level,
    walkSeq: Number(r.walk_seq),
    capacity: r.capacity,
    version: Number(r.version),
  };
}

export function toSku(r: Selectable<SkusTable>, barcodes: Selectable<SkuBarcodesTable>[]): Sku {
  return {
    id: r.id,
    sellerId: r.seller_id,
    code: r.code,
    name: r.name,
    barcodes: barcodes.map((b): SkuBarcode => ({ value: b.value, kind: b.kind as SkuBarcode['kind'], packQty: Number(b.pack_qty) })),
    lengthMm: Number(r.length_mm),
    widthMm: Number(r.width_mm),
    heightMm: Number(r.height_mm),
    weightG: Number(r.weight_g),
    casePackQty: Number(r.case_pack_qty),
    lotTracked: Boolean(r.lot_tracked),
    expiryTracked: Boolean(r.expiry_tracked),
    lowStockThreshold: Number(r.low_stock_threshold),
    version: Number(r.version),
  };
}

export function toTote(r: Selectable<TotesTable>): Tote {
  return {
    id: r.id,
    code: r.code,
    status: (r.status ?? 'free') as Tote['status'],
    locationId: r.location_id ?? null,
    waveId: r.wave_id ?? null,
    version: Number(r.version),
  };
}

export function toUserPublic(r: Pick<Selectable<UsersTable>, 'id' | 'name' | 'roles' | 'language'>): UserPublic {
  return { id: r.id, name: r.name, roles: JSON.parse(r.roles) as UserPublic['roles'], language: r.language as UserPublic['language'] };
}

export function toWave(r: Selectable<WavesTable>): Wave {
  return {
    id: r.id,
    code: r.code,
    status: r.status as Wave['status'],
    kind: (r.kind ?? 'single') as Wave['kind'],
    assignedUserId: r.assigned_user_id,
    assignmentEpoch: Number(r.assignment_epoch),
    releasedAt: r.released_at,
    completedAt: r.completed_at,
    droppedAt: r.dropped_at ?? null,
    dropoffLocationId: r.dropoff_location_id ?? null,
    version: Number(r.version),
  };
}

export function toTask(r: Selectable<PickTasksTable>): PickTask {
  return {
    id: r.id,
    waveId: r.wave_id,
    orderId: r.order_id,
    orderLineId: r.order_line_id,
    orderRef: r.order_ref,
    skuId: r.sku_id,
    locationId: r.location_id,
    walkSeq: Number(r.walk_seq),
    qty: Number(r.qty),
    pickedQty: Number(r.picked_qty),
    status: r.status as PickTask['status'],
    toteCode: r.tote_code,
    pickedBy: r.picked_by,
    lot: r.lot ?? null,
    expiry: r.expiry ?? null,
    skippedAt: r.skipped_at === null || r.skipped_at === undefined ? null : Number(r.skipped_at),
    version: Number(r.version),
  };
}

/** The full row again, for the task upsert that writes a whole batch in one statement. */
export function fromTask(t: PickTask, warehouseId: string): Selectable<PickTasksTable> {
  return {
    id: t.id,
    warehouse_id: warehouseId,
    wave_id: t.waveId,
    order_id: t.orderId,
    order_line_id: t.orderLineId,
    order_ref: t.orderRef,
    sku_id: t.skuId,
    location_id: t.locationId,
    walk_seq: t.walkSeq,
    qty: t.qty,
    picked_qty: t.pickedQty,
    status: t.status,
    tote_code: t.toteCode,
    picked_by: t.pickedBy,
    lot: t.lot,
    expiry: t.expiry,
    skipped_at: t.skippedAt,
    version: t.version,
  };
}

export function toException(r: Selectable<ExceptionsTable>): WarehouseException {
  return {
    id: r.id,
    type: r.type as WarehouseException['type'],
    status: r.status as WarehouseException['status'],
    waveId: r.wave_id,
    taskId: r.task_id,
    locationId: r.location_id,
    skuId: r.sku_id,
    qty: Number(r.qty),
    raisedBy: r.raised_by,
    mutationId: r.mutation_id,
    orderId: r.order_id ?? null,
    details: parseDetails(r.details),
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

function parseDetails(json: string | null | undefined): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function toBoxType(r: Selectable<BoxTypesTable>): BoxType {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    innerLengthMm: Number(r.inner_length_mm),
    innerWidthMm: Number(r.inner_width_mm),
    innerHeightMm: Number(r.inner_height_mm),
    maxWeightG: Number(r.max_weight_g),
    tareG: Number(r.tare_g),
    active: Boolean(Number(r.active)),
    version: Number(r.version),
  };
}

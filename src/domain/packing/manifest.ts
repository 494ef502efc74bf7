/**
 * A carrier's pallet or trailer at a shipping dock, as the API answers it: the dock
 * screen reads these shapes, the server writes them (routes/manifests.ts).
 */
export interface ManifestSummary {
  id: string;
  code: string;
  carrier: string;
  dockLocationId: string;
  dockCode: string;
  /** 'open' | 'closed' */
  status: string;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  cartonCount: number;
  version: number;
}

export interface ManifestCarton {
  id: string;
  shipmentId: string;
  orderId: string;
  orderRef: string;
  seq: number;
  trackingNumber: string;
  sscc: string;
  weightG: number;
  carrier: string;
  service: string;
  shipToName: string;
  postalCode: string;
}

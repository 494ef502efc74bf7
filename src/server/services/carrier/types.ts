import type { ErrorCode } from '../../../domain/errors';
import type { Address } from '../../../domain/packing/types';

export interface RateRequest {
  service: string;
  weightG: number;
  shipTo: Address;
}

export interface Rate {
  amountCents: number;
  currency: string;
  service: string;
}

export interface CreateShipmentRequest {
  /** Tote's shipment id: a real integration sends it as its idempotency key. */
  shipmentId: string;
  cartons: { trackingNumber: string; sscc: string; weightG: number }[];
  service: string;
  shipTo: Address;
}

/**
 * What Tote asks of a carrier. The built-in LocalCarrier answers from configuration;
 * a real integration (UPS, DHL, a broker such as EasyPost) implements this interface
 * and is passed to buildApp as `carrier`. Calls happen outside database transactions
 * and may be retried: createShipment and voidShipment must be idempotent by their
 * arguments (the same shipment created twice is one shipment at the carrier).
 */
export interface CarrierAdapter {
  readonly name: string;
  rate(req: RateRequest): Promise<Rate>;
  /** Tells the carrier these cartons are handed over; answers the tracking numbers it knows them by. */
  createShipment(req: CreateShipmentRequest): Promise<{ trackingNumbers: string[] }>;
  voidShipment(trackingNumbers: string[]): Promise<void>;
}

/** The carrier refused a request or could not be reached; routes answer 424 with `code`. */
export class CarrierError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CarrierError';
  }
}

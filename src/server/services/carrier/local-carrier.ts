import { ErrorCode } from '../../../domain/errors';
import { isValidTrackingNumber, MAX_TRACKING_SERIAL, trackingNumber, trackingSerial } from '../../../domain/packing/numbers';
import { CarrierError, type CarrierAdapter, type CreateShipmentRequest, type Rate, type RateRequest } from './types';

/** Price by gross weight: the first band whose limit the carton stays within. */
export interface WeightBand {
  maxG: number;
  amountCents: number;
}

export const DEFAULT_WEIGHT_TABLE: readonly WeightBand[] = [
  { maxG: 500, amountCents: 495 },
  { maxG: 1000, amountCents: 695 },
  { maxG: 2000, amountCents: 895 },
  { maxG: 5000, amountCents: 1295 },
  { maxG: 10_000, amountCents: 1895 },
  { maxG: 30_000, amountCents: 3495 },
];

export interface LocalCarrierOptions {
  /** S10 letters of the numbers this carrier accepts; any letters when omitted. */
  trackingPrefix?: string;
  trackingSuffix?: string;
  /** Serial range the warehouse was given by its carrier (inclusive). */
  firstSerial?: number;
  lastSerial?: number;
  weightTable?: readonly WeightBand[];
  currency?: string;
}

/**
 * The built-in carrier: no network, everything from configuration. Tracking numbers are
 * UPU S10 (two letters, an 8-digit serial, a mod-11 check digit, two letters) from a
 * configured serial range; devices lease blocks of that range (number_leases) so they
 * can label offline, and this adapter checks what they used. Rates come from a weight
 * table.
 *
 * This is the place a real carrier integration plugs in: implement CarrierAdapter
 * (rate shopping, label/shipment creation at manifest close, void) against the carrier's
 * API and pass it to buildApp({ carrier }). Nothing else in Tote talks to a carrier.
 */
export class LocalCarrier implements CarrierAdapter {
  readonly name = 'local';
  private readonly first: number;
  private readonly last: number;
  private readonly table: readonly WeightBand[];
  private readonly currency: string;
  /** Voided numbers, so the same number is never accepted again by this process. */
  private readonly voided = new Set<string>();

  constructor(private readonly opts: LocalCarrierOptions = {}) {
    this.first = opts.firstSerial ?? 0;
    this.last = opts.lastSerial ?? MAX_TRACKING_SERIAL;
    if (!(Number.isInteger(this.first) && Number.isInteger(this.last) && this.first >= 0 && this.last <= MAX_TRACKING_SERIAL && this.first <= this.last)) {
      throw new RangeError('tracking serial range out of bounds');
    }
    this.table = [...(opts.weightTable ?? DEFAULT_WEIGHT_TABLE)].sort((a, b) => a.maxG - b.maxG);
    this.currency = opts.currency ?? 'USD';
  }

  /** The tracking number of a serial in the configured range (what a lease hands out). */
  issue(serial: number): string {
    if (!Number.isInteger(serial) || serial < this.first || serial > this.last) throw new RangeError(`serial ${serial} outside ${this.first}-${this.last}`);
    return trackingNumber({ trackingPrefix: this.opts.trackingPrefix ?? 'LC', trackingSuffix: this.opts.trackingSuffix ?? 'XX' }, serial);
  }

  /** Whether a number has a valid check digit, our letters and a serial in our range. */
  accepts(value: string): boolean {
    if (!isValidTrackingNumber(value)) return false;
    if (this.opts.trackingPrefix && !value.startsWith(this.opts.trackingPrefix)) return false;
    if (this.opts.trackingSuffix && !value.endsWith(this.opts.trackingSuffix)) return false;
    const serial = trackingSerial(value)!;
    return serial >= this.first && serial <= this.last;
  }

  rate(req: RateRequest): Promise<Rate> {
    if (!Number.isInteger(req.weightG) || req.weightG <= 0) {
      return Promise.reject(new CarrierError(ErrorCode.WEIGHT_NOT_POSITIVE, 'weight must be a positive number of grams'));
    }
    const band = this.table.find((b) => req.weightG <= b.maxG);
    if (!band) return Promise.reject(new CarrierError(ErrorCode.VALIDATION_FAILED, `over ${this.table.at(-1)?.maxG ?? 0} g: not carried`));
    return Promise.resolve({ amountCents: band.amountCents, currency: this.currency, service: req.service });
  }

  createShipment(req: CreateShipmentRequest): Promise<{ trackingNumbers: string[] }> {
    const bad = req.cartons.find((c) => !this.accepts(c.trackingNumber) || this.voided.has(c.trackingNumber));
    if (bad) return Promise.reject(new CarrierError(ErrorCode.BAD_TRACKING_NUMBER, `tracking number ${bad.trackingNumber} is not one this carrier issued`));
    return Promise.resolve({ trackingNumbers: req.cartons.map((c) => c.trackingNumber) });
  }

  voidShipment(trackingNumbers: string[]): Promise<void> {
    for (const t of trackingNumbers) this.voided.add(t);
    return Promise.resolve();
  }
}

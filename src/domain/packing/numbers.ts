import { gs1CheckDigit, hasValidCheckDigit } from '../scan/gtin';
import type { NumberLease, PackConfig } from './types';

/**
 * Tracking numbers and SSCCs are built from serials the server leases to devices in
 * blocks (lease.ts), so two devices can number cartons offline and never collide.
 */

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit of an 8-digit serial: 11 - (weighted sum mod 11), 10 -> 0, 11 -> 5. */
export function s10CheckDigit(serial8: string): number {
  if (!/^\d{8}$/.test(serial8)) throw new RangeError('an S10 serial has 8 digits');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (serial8.charCodeAt(i) - 48) * S10_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** The largest serial a tracking number can carry (8 digits). */
export const MAX_TRACKING_SERIAL = 99_999_999;

export function trackingNumber(config: Pick<PackConfig, 'trackingPrefix' | 'trackingSuffix'>, serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > MAX_TRACKING_SERIAL) throw new RangeError(`tracking serial ${serial} out of range`);
  const body = String(serial).padStart(8, '0');
  return `${config.trackingPrefix}${body}${s10CheckDigit(body)}${config.trackingSuffix}`;
}

export function isValidTrackingNumber(value: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(value);
  return m !== null && s10CheckDigit(m[1]!) === Number(m[2]);
}

/** The serial inside a tracking number, or null when it is not one of ours in form. */
export function trackingSerial(value: string): number | null {
  return isValidTrackingNumber(value) ? Number(value.slice(2, 10)) : null;
}

/** Serial references an SSCC can carry after the extension digit and company prefix. */
export function maxSsccSerial(companyPrefix: string): number {
  return 10 ** (16 - companyPrefix.length) - 1;
}

/** SSCC: extension digit + GS1 company prefix + serial reference (17 digits) + mod-10 check digit. */
export function sscc(config: Pick<PackConfig, 'gs1CompanyPrefix' | 'ssccExtension'>, serial: number): string {
  const width = 16 - config.gs1CompanyPrefix.length;
  if (!Number.isInteger(serial) || serial < 0 || serial > maxSsccSerial(config.gs1CompanyPrefix)) {
    throw new RangeError(`SSCC serial ${serial} out of range`);
  }
  const body = `${config.ssccExtension}${config.gs1CompanyPrefix}${String(serial).padStart(width, '0')}`;
  return body + gs1CheckDigit(body);
}

export function isValidSscc(value: string): boolean {
  return /^\d{18}$/.test(value) && hasValidCheckDigit(value);
}

/** The serial inside an SSCC built with this config, or null when it is not one of ours. */
export function ssccSerial(config: Pick<PackConfig, 'gs1CompanyPrefix' | 'ssccExtension'>, value: string): number | null {
  const head = `${config.ssccExtension}${config.gs1CompanyPrefix}`;
  if (!isValidSscc(value) || !value.startsWith(head)) return null;
  return Number(value.slice(head.length, 17));
}

/** Whether a serial lies in one of these leases of the given kind. */
export function inLeases(leases: readonly NumberLease[], kind: NumberLease['kind'], serial: number): boolean {
  return leases.some((l) => l.kind === kind && serial >= l.first && serial <= l.last);
}

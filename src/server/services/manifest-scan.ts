import { ErrorCode } from '../../domain/errors';
import { isValidSscc, isValidTrackingNumber } from '../../domain/packing/numbers';
import { ApiError } from './api-error';

export type CartonScan = { kind: 'sscc'; value: string } | { kind: 'tracking'; value: string };

// AIM symbology identifiers a scanner may put in front: GS1-128, GS1 DataMatrix, GS1 QR.
const AIM = /^\](C1|d2|Q3|e0)/;

/**
 * What a dock scan names: an SSCC as the label's GS1-128 carries it (18 digits, with
 * AI 00 plain or in brackets, with or without the scanner's AIM prefix) or a tracking
 * number. A number whose check digit is wrong is a misread, said as such.
 */
export function parseCartonScan(raw: string): CartonScan {
  // eslint-disable-next-line no-control-regex -- GS, the GS1 field separator a scanner may leave at the end
  let s = raw.trim().replace(AIM, '').replace(/\u001d+$/, '');
  if (/^\(00\)/.test(s)) s = s.slice(4);
  else if (/^00\d{18}$/.test(s)) s = s.slice(2);
  if (/^\d{18}$/.test(s)) {
    if (!isValidSscc(s)) throw new ApiError(422, ErrorCode.BAD_SSCC, 'SSCC check digit is wrong: scan again');
    return { kind: 'sscc', value: s };
  }
  const t = s.toUpperCase();
  if (/^[A-Z]{2}\d{9}[A-Z]{2}$/.test(t)) {
    if (!isValidTrackingNumber(t)) throw new ApiError(422, ErrorCode.BAD_TRACKING_NUMBER, 'tracking number check digit is wrong: scan again');
    return { kind: 'tracking', value: t };
  }
  throw new ApiError(404, ErrorCode.CARTON_UNKNOWN, 'not an SSCC or a tracking number');
}

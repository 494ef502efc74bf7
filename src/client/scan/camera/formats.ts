import type { BarcodeFormat } from '../decoder/types';

/**
 * What each scanning step expects, so the camera looks for nothing else: fewer formats
 * is a faster decode and no false reads of a neighbouring label's symbology.
 */

/** Bin labels: Code 128 or Code 39 on older racking, QR or DataMatrix on newer labels. */
export const BIN_FORMATS: readonly BarcodeFormat[] = ['code_128', 'code_39', 'qr_code', 'data_matrix'];

/** Items: EAN/UPC on units, GS1-128 and ITF-14 on cases, GS1 DataMatrix with lot and expiry. */
export const ITEM_FORMATS: readonly BarcodeFormat[] = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'itf', 'data_matrix'];

/** Totes: Code 128 or Code 39 plates, QR on reusable totes. */
export const TOTE_FORMATS: readonly BarcodeFormat[] = ['code_128', 'code_39', 'qr_code'];

/** Staff badges. */
export const BADGE_FORMATS: readonly BarcodeFormat[] = ['code_128', 'code_39', 'qr_code'];

const TWO_D: ReadonlySet<BarcodeFormat> = new Set<BarcodeFormat>(['qr_code', 'data_matrix']);

/** True when every requested format is a 2D symbology (square region of interest). */
export function onlyTwoD(formats: readonly BarcodeFormat[]): boolean {
  return formats.length > 0 && formats.every((f) => TWO_D.has(f));
}

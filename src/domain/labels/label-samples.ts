import type { Address, PackConfig } from '../packing/types';
import type { LabelInput } from './label-model';

/** Sample label data for tests, demos and printer setup (a test print needs a realistic label). */

export const SAMPLE_CONFIG: PackConfig = {
  packingFactor: 1.3,
  weightTolerancePct: 5,
  weightToleranceMinG: 50,
  shipFrom: { name: 'Tote Fulfilment', line1: 'Calle Mayor 1', city: 'Madrid', region: 'MD', postalCode: '28013', country: 'ES' },
  gs1CompanyPrefix: '0376123',
  ssccExtension: 0,
  trackingPrefix: 'RR',
  trackingSuffix: 'ES',
  leaseBlock: 100,
  leaseLowWater: 20,
};

export const SAMPLE_SHIP_TO: Address = {
  name: 'José Núñez',
  line1: 'Avenida de la Peña 12',
  line2: 'Piso 3º B',
  city: 'Logroño',
  region: 'La Rioja',
  postalCode: '26001',
  country: 'Spain',
};

export const SAMPLE_LABEL_INPUT: LabelInput = {
  config: SAMPLE_CONFIG,
  orderRef: 'SO-10042',
  shipTo: SAMPLE_SHIP_TO,
  carrierService: 'Correos Paq 24',
  weightG: 2350,
  trackingNumber: 'RR123456785ES',
  sscc: '003761230000000426',
  cartonNo: 1,
  cartonCount: 2,
  date: '2026-11-24',
};

/** Strings that have broken label and document formats before: quoting, markup, escapes, emoji. */
export const HOSTILE: Address = {
  name: "O'Brien\"); DROP TABLE x;--",
  line1: '<img src=x onerror=alert(1)>',
  line2: 'C:\\ (x)) \\) ^XZ~JA _5E',
  city: 'Zürich 📦 東京',
  region: '\u0000\u001b[31m\r\nRed',
  postalCode: '^FS^XZ',
  country: '~DGR:X.GRF,1,1,FF',
};

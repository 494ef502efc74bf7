import type { Address, LabelModel, PackConfig } from '../packing/types';
import { carrierOf } from '../packing/weight';

export interface LabelInput {
  config: PackConfig;
  orderRef: string;
  shipTo: Address;
  carrierService: string;
  weightG: number;
  trackingNumber: string;
  sscc: string;
  cartonNo: number;
  cartonCount: number;
  date: string;
}

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators: a printer or PDF
// viewer would act on them (or draw boxes) rather than print them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Printable text on one line: controls become spaces, runs of space collapse, ends trimmed. */
export function printable(text: string, max = 120): string {
  const clean = String(text).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  return chars.length <= max ? clean : chars.slice(0, max - 1).join('') + '…';
}

function cleanAddress(a: Address): Address {
  const out: Address = {
    name: printable(a.name, 60),
    line1: printable(a.line1, 60),
    city: printable(a.city, 40),
    region: printable(a.region, 30),
    postalCode: printable(a.postalCode, 20),
    country: printable(a.country, 40),
  };
  const line2 = a.line2 === undefined ? '' : printable(a.line2, 60);
  if (line2) out.line2 = line2;
  return out;
}

/** Everything a carton's label shows, cleaned once so ZPL and PDF print the same text. */
export function buildLabelModel(input: LabelInput): LabelModel {
  const service = printable(input.carrierService, 60);
  return {
    shipFrom: cleanAddress(input.config.shipFrom),
    shipTo: cleanAddress(input.shipTo),
    carrier: printable(carrierOf(service), 30),
    service,
    orderRef: printable(input.orderRef, 40),
    weightG: Math.max(0, Math.round(input.weightG)),
    // Barcode data: Code 128 carries ASCII only, and these are ours in form anyway.
    trackingNumber: trackingBarcodeData(input.trackingNumber).slice(0, 40),
    sscc: input.sscc.replace(/\D/g, '').slice(0, 18),
    cartonNo: input.cartonNo,
    cartonCount: input.cartonCount,
    date: printable(input.date, 30),
  };
}

/** An address as the lines printed on a label (empty ones left out). */
export function addressLines(a: Address): string[] {
  const place = [a.city, [a.region, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.name, a.line1, a.line2 ?? '', place, a.country].filter((l) => l.length > 0);
}

const G_PER_LB = 453.59237;

/** "2.35 kg / 5.18 lb": carriers bill in either. */
export function weightText(weightG: number): string {
  return `${(weightG / 1000).toFixed(2)} kg / ${(weightG / G_PER_LB).toFixed(2)} lb`;
}

export function cartonText(m: Pick<LabelModel, 'cartonNo' | 'cartonCount'>): string {
  return `Carton ${m.cartonNo} of ${m.cartonCount}`;
}

/** The SSCC's human-readable line under its GS1-128 symbol, AI in brackets. */
export function ssccText(sscc: string): string {
  return `(00) ${sscc}`;
}

/** What the tracking barcode carries: letters and digits only, so any model encodes safely. */
export function trackingBarcodeData(trackingNumber: string): string {
  return trackingNumber.replace(/[^A-Za-z0-9]/g, '');
}

/** GS1 element string of the SSCC: AI 00 and the 18 digits (FNC1 is added by the encoder). */
export function ssccElement(sscc: string): string {
  return `00${sscc.replace(/\D/g, '')}`;
}

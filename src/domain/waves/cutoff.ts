/**
 * Carrier cut-offs: when each carrier's last truck leaves, as a UTC time of day. The
 * warehouse has no carrier schedule table yet, so these are the demo's defaults; an
 * order's cut-off is its carrier's time on its ship-by date.
 */
export const CARRIER_CUTOFFS: Readonly<Record<string, string>> = {
  UPS: '17:00',
  FedEx: '16:30',
  USPS: '15:00',
  DHL: '14:00',
};
export const DEFAULT_CUTOFF = '17:00';

/** 'UPS Ground' -> 'UPS': the carrier is the service's first word. */
export const carrierOf = (service: string) => service.trim().split(/\s+/)[0] ?? '';

export function carrierCutoff(service: string, shipBy: string): string {
  const time = CARRIER_CUTOFFS[carrierOf(service)] ?? DEFAULT_CUTOFF;
  return `${shipBy.slice(0, 10)}T${time}:00.000Z`;
}

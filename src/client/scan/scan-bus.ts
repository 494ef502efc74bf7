import type { RawScan } from '../../domain/scan/normalise';
import { noteScanAt } from './scan-timing';

/**
 * Every input adapter (wedge today, camera later) publishes here; the screen that is
 * currently listening receives it. Only the most recent subscriber hears a scan, so a
 * dialog opened over a screen takes scans away from it while it is open.
 */
type Handler = (scan: RawScan) => void;
const stack: Handler[] = [];

export function subscribeScans(fn: Handler): () => void {
  stack.push(fn);
  return () => {
    const i = stack.lastIndexOf(fn);
    if (i >= 0) stack.splice(i, 1);
  };
}

export function publishScan(scan: RawScan): boolean {
  const top = stack[stack.length - 1];
  if (!top) return false;
  noteScanAt(scan.at);
  top(scan);
  return true;
}

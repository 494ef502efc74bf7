import { useEffect, useRef } from 'react';
import { normaliseScan, type RawScan, type ScanResult } from '../../domain/scan/normalise';
import { subscribeScans, updateScanRequest, type ScanRequest } from './scan-bus';

/**
 * Delivers normalised scans to the calling screen while it is mounted. `request` says
 * what the current step expects (formats, counting); the camera reads it from the bus, so
 * pass a new one whenever the step changes.
 */
export function useScan(handler: (scan: ScanResult, raw: RawScan) => void, request?: ScanRequest): void {
  const ref = useRef(handler);
  const subRef = useRef<((raw: RawScan) => void) | null>(null);
  const requestRef = useRef<ScanRequest>(request ?? {});
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const fn = (raw: RawScan) => {
      const result = normaliseScan(raw);
      if (result.kind !== 'empty') ref.current(result, raw);
    };
    subRef.current = fn;
    const off = subscribeScans(fn, requestRef.current);
    return () => {
      subRef.current = null;
      off();
    };
  }, []);
  const formatsKey = request?.formats?.join(',') ?? '';
  const counting = request?.counting ?? false;
  useEffect(() => {
    const next: ScanRequest = { counting };
    if (formatsKey) next.formats = formatsKey.split(',') as ScanRequest['formats'];
    requestRef.current = next;
    if (subRef.current) updateScanRequest(subRef.current, next);
  }, [formatsKey, counting]);
}

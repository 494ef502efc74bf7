import { useEffect, useRef } from 'react';
import { normaliseScan, type RawScan, type ScanResult } from '../../domain/scan/normalise';
import { subscribeScans } from './scan-bus';

/** Delivers normalised scans to the calling screen while it is mounted. */
export function useScan(handler: (scan: ScanResult, raw: RawScan) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(
    () =>
      subscribeScans((raw) => {
        const result = normaliseScan(raw);
        if (result.kind !== 'empty') ref.current(result, raw);
      }),
    [],
  );
}

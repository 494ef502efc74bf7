import { useEffect, useRef } from 'react';
import { normaliseScan, type RawScan, type ScanResult } from '../../domain/scan/normalise';
import { scannerSettings } from '../local/scanner-settings-store';
import { subscribeScans, updateScanRequest, type ScanRequest } from './scan-bus';
import { useScanWarningStore, warningsOf, type ScanOwner } from './scan-warning-store';
import { signalWarning } from './feedback';

/** Normalises a raw scan with this device's scanner settings (its GS substitute character). */
export function readScan(raw: RawScan): ScanResult {
  return normaliseScan(raw, { gsSubstitute: scannerSettings().gsSubstitute });
}

/**
 * Delivers normalised scans to the calling screen while it is mounted. `request` says
 * what the current step expects (formats, counting); the camera reads it from the bus, so
 * pass a new one whenever the step changes. A scan with warnings (e.g. a GS1 separator
 * that may have been lost) reaches the handler only after the worker accepts it.
 */
export function useScan(handler: (scan: ScanResult, raw: RawScan) => void, request?: ScanRequest): void {
  const ref = useRef(handler);
  const subRef = useRef<((raw: RawScan) => void) | null>(null);
  const requestRef = useRef<ScanRequest>(request ?? {});
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    let mounted = true;
    const owner: ScanOwner = {
      deliver: (result, raw) => {
        if (mounted) ref.current(result, raw);
      },
      read: (raw) => fn(raw),
    };
    const fn = (raw: RawScan) => {
      const result = readScan(raw);
      if (result.kind === 'empty') return;
      if (warningsOf(result).length > 0) {
        signalWarning();
        useScanWarningStore.getState().hold(result, raw, owner);
      } else ref.current(result, raw);
    };
    subRef.current = fn;
    const off = subscribeScans(fn, requestRef.current);
    return () => {
      mounted = false;
      subRef.current = null;
      useScanWarningStore.getState().release(owner);
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

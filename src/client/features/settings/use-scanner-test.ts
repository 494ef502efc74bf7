import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseScan, type RawScan, type ScanResult } from '../../../domain/scan/normalise';
import { useScannerSettings } from '../../local/scanner-settings-store';
import { signal } from '../../scan/feedback';
import { subscribeScans } from '../../scan/scan-bus';
import { getTraces, subscribeTraces, traceFor, TRACE_LIMIT, type WedgeTrace } from '../../scan/wedge-trace';

export interface TestEntry {
  id: number;
  scan: RawScan;
  result: ScanResult;
  /** The wedge trace of this scan (looked up live: a CR+LF suffix is noted after delivery). */
  trace?: WedgeTrace;
}

let nextId = 1;

/**
 * While the test screen is open it is the top scan listener, so a scan shows here and
 * reaches no other screen. Keeps the scans since it opened with their wedge traces, and
 * the too-slow lines since the last scan (for the Bluetooth advice).
 */
export function useScannerTest() {
  const { t } = useTranslation();
  const gsSubstitute = useScannerSettings((s) => s.gsSubstitute);
  const [scans, setScans] = useState<{ id: number; scan: RawScan; result: ScanResult; traceId?: number }[]>([]);
  const traces = useSyncExternalStore(subscribeTraces, getTraces);
  const [openedAfter] = useState(() => getTraces().at(-1)?.id ?? 0);
  const opts = useRef({ gsSubstitute, t });
  useEffect(() => {
    opts.current = { gsSubstitute, t };
  });

  useEffect(
    () =>
      subscribeScans((scan) => {
        const { gsSubstitute: sub, t: tr } = opts.current;
        const result = normaliseScan(scan, { gsSubstitute: sub });
        if (result.kind === 'empty') return;
        if (result.kind === 'invalid') signal('error', tr(`errors.${result.code}`, { defaultValue: result.code }));
        else signal('success', tr('scanner-test.read'));
        const traceId = traceFor(scan)?.id;
        const entry = { id: nextId++, scan, result, ...(traceId !== undefined ? { traceId } : {}) };
        setScans((prev) => [...prev, entry].slice(-TRACE_LIMIT));
      }),
    [],
  );

  const byId = new Map(traces.map((tr) => [tr.id, tr]));
  const entries: TestEntry[] = scans.map(({ traceId, ...e }) => {
    const trace = traceId !== undefined ? byId.get(traceId) : undefined;
    return trace ? { ...e, trace } : e;
  });
  const lastScanTrace = scans.reduce((m, e) => Math.max(m, e.traceId ?? 0), openedAfter);
  const slowLines = traces.filter((tr) => !tr.accepted && tr.id > lastScanTrace);
  return { entries, slowLines, clear: () => setScans([]) };
}

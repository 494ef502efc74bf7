import { create } from 'zustand';
import type { RawScan, ScanResult, ScanWarning } from '../../domain/scan/normalise';
import { currentScanRequest, subscribeScans } from './scan-bus';

/** The screen a held scan belongs to: it gets the scan on Accept, or reads the next one. */
export interface ScanOwner {
  deliver(result: ScanResult, raw: RawScan): void;
  /** Runs a new raw scan through the owner's normal path (which may hold it again). */
  read(raw: RawScan): void;
}

export interface HeldScan {
  result: ScanResult;
  raw: RawScan;
  warnings: readonly ScanWarning[];
  owner: ScanOwner;
  /** Changes on every hold so a replaced scan re-announces itself. */
  id: number;
}

interface Store {
  held: HeldScan | null;
  /** Holds a scan with warnings until the worker accepts or rescans. */
  hold(result: ScanResult, raw: RawScan, owner: ScanOwner): void;
  accept(): void;
  rescan(): void;
  /** The owner left the screen: its held scan goes nowhere. */
  release(owner: ScanOwner): void;
}

export function warningsOf(result: ScanResult): readonly ScanWarning[] {
  return result.kind === 'gtin' || result.kind === 'sscc' || result.kind === 'gs1' ? result.warnings : [];
}

// While a scan is held the gate is the top bus listener, so the screen underneath (or any
// dialog) cannot act on the next scan; it replaces the held one instead. Subscribed here,
// synchronously, rather than from the dialog's effect, so a scan arriving before React
// renders still lands here.
let unsubscribe: (() => void) | null = null;
let holds = 0;

function listen(): void {
  if (unsubscribe) return;
  unsubscribe = subscribeScans((raw) => {
    const held = useScanWarningStore.getState().held;
    if (!held) return;
    close();
    held.owner.read(raw);
  }, currentScanRequest() ?? {});
}

function close(): void {
  unsubscribe?.();
  unsubscribe = null;
  useScanWarningStore.setState({ held: null });
}

export const useScanWarningStore = create<Store>((set, get) => ({
  held: null,
  hold(result, raw, owner) {
    set({ held: { result, raw, owner, warnings: warningsOf(result), id: ++holds } });
    listen();
  },
  accept() {
    const held = get().held;
    close();
    held?.owner.deliver(held.result, held.raw);
  },
  rescan() {
    close();
  },
  release(owner) {
    if (get().held?.owner === owner) close();
  },
}));

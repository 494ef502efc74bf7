import { scannerSettings, useScannerSettings } from '../local/scanner-settings-store';
import { BurstDetector, wedgeOptions, type BurstOptions, type FeedResult, type KeyInput } from './burst-detector';
import { publishScan } from './scan-bus';
import { amendLastTerminator, recordTrace } from './wedge-trace';

export const WEDGE_INPUT_ATTR = 'data-wedge-input';

/** A field where a person types: keys there are theirs, never a scan's. */
function isTextEntry(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.hasAttribute(WEDGE_INPUT_ATTR)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file', 'image'].includes(el.type);
  }
  return false;
}

/** What the detector needs from a key event. */
export function toKeyInput(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'timeStamp' | 'type'>, now: number): KeyInput {
  // The event's own timestamp is when the key arrived, not when a busy main thread got
  // round to it: a long render mid-burst must not look like a slow human gap.
  const at = e.timeStamp > 0 ? e.timeStamp : now;
  return { key: e.key, code: e.code, at, ctrlKey: e.ctrlKey, altKey: e.altKey, type: e.type === 'keyup' ? 'up' : 'down' };
}

/** Records what the detector saw and delivers its scans: traces first, so a listener finds them. */
export function deliver(res: Pick<FeedResult, 'scans' | 'lineFeed' | 'rejected'>): void {
  if (res.lineFeed) amendLastTerminator('crlf');
  if (res.rejected) recordTrace(res.rejected.raw, res.rejected.at, res.rejected.info, false);
  for (const { scan, info } of res.scans) {
    recordTrace(scan.raw, scan.at, info);
    publishScan(scan);
  }
}

/**
 * Listens to the whole document (capture phase) for scanner bursts. Keys aimed at a real
 * text field are left alone so Enter there still submits that field. Without explicit
 * options the device's scanner settings apply, and a change to them applies at once.
 */
export function installWedge(opts?: Partial<BurstOptions>): () => void {
  const fromSettings = () => {
    const s = scannerSettings();
    return wedgeOptions(s.wedgeProfile, s.gsSubstitute);
  };
  const detector = new BurstDetector(opts ?? fromSettings());
  const offSettings = opts ? () => undefined : useScannerSettings.subscribe(() => detector.setOptions(fromSettings()));
  let timer: ReturnType<typeof setTimeout> | null = null;

  const onKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (isTextEntry(e.target)) {
      detector.reset();
      return;
    }
    // Key releases only matter for Alt (the end of an Alt+numpad code).
    if (e.type === 'keyup' && e.key !== 'Alt') return;
    const res = detector.feed(toKeyInput(e, performance.now()));
    if (res.verdict === 'consumed') {
      // e.g. the Enter ending a scan must not also press the focused button, nor its Tab move focus.
      e.preventDefault();
      e.stopPropagation();
    }
    deliver(res);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      deliver({ scans: detector.flush(performance.now()) });
    }, detector.opts.quietMs + 5);
  };

  document.addEventListener('keydown', onKey, true);
  document.addEventListener('keyup', onKey, true);
  return () => {
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('keyup', onKey, true);
    offSettings();
    if (timer) clearTimeout(timer);
  };
}

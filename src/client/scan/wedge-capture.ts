import { BurstDetector, type BurstOptions } from './burst-detector';
import { publishScan } from './scan-bus';

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

/**
 * Listens to the whole document (capture phase) for scanner bursts. Keys aimed at a real
 * text field are left alone so Enter there still submits that field.
 */
export function installWedge(opts: Partial<BurstOptions> = {}): () => void {
  const detector = new BurstDetector(opts);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const emit = (scans: ReturnType<BurstDetector['flush']>) => {
    for (const s of scans) publishScan(s);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (isTextEntry(e.target)) {
      detector.reset();
      return;
    }
    // The event's own timestamp is when the key arrived, not when a busy main thread got
    // round to it: a long render mid-burst must not look like a slow human gap.
    const at = e.timeStamp > 0 ? e.timeStamp : performance.now();
    const res = detector.feed({ key: e.key, at, ctrlKey: e.ctrlKey, altKey: e.altKey });
    if (res.verdict === 'consumed') {
      // e.g. the Enter ending a scan must not also press the focused button.
      e.preventDefault();
      e.stopPropagation();
    }
    emit(res.scans);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      emit(detector.flush(performance.now()));
    }, detector.opts.quietMs + 5);
  };

  document.addEventListener('keydown', onKeyDown, true);
  return () => {
    document.removeEventListener('keydown', onKeyDown, true);
    if (timer) clearTimeout(timer);
  };
}

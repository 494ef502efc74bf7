import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { useScannerSettings } from '../../local/scanner-settings-store';
import { currentScanRequest, onScanRequestChange, publishScan } from '../scan-bus';
import { BARCODE_FORMATS, type BarcodeFormat, type EngineName } from '../decoder/types';
import { CameraSession, type CameraStatus } from './camera-session';
import { CAMERA_OPEN_MARK } from './camera-timing';
import { createReadFilter } from './read-filter';
import type { Rect } from './roi';

export interface CameraView {
  status: CameraStatus;
  torch: { available: boolean; on: boolean };
  setTorch(on: boolean): void;
  /** The frame's size and its region of interest, once frames arrive. */
  frame: { width: number; height: number; roi: Rect } | null;
  engine: EngineName | null;
  /** The last read that became a scan, for on-screen feedback. */
  lastRead: { text: string; n: number } | null;
  formats: readonly BarcodeFormat[];
}

const subscribe = (l: () => void) => onScanRequestChange(l);

/**
 * Runs the camera while the view is mounted and the page visible, and publishes each
 * new read to the scan bus, where the screen underneath takes it like a wedge scan.
 */
export function useCamera(video: RefObject<HTMLVideoElement | null>): CameraView {
  const request = useSyncExternalStore(subscribe, currentScanRequest, currentScanRequest);
  const formats = request?.formats?.length ? request.formats : BARCODE_FORMATS;
  const counting = request?.counting ?? false;
  const dedupeMs = useScannerSettings((s) => s.cameraDedupeMs);
  const torchDefault = useScannerSettings((s) => s.cameraTorch);

  const [status, setStatus] = useState<CameraStatus>({ kind: 'starting' });
  const [torch, setTorchState] = useState({ available: false, on: false });
  const [frame, setFrame] = useState<CameraView['frame']>(null);
  const [engine, setEngine] = useState<EngineName | null>(null);
  const [lastRead, setLastRead] = useState<CameraView['lastRead']>(null);

  const formatsRef = useRef(formats);
  const filter = useRef(createReadFilter({ dedupeMs, counting }));
  const session = useRef<CameraSession | null>(null);
  const firstDecode = useRef(true);
  useEffect(() => {
    formatsRef.current = formats;
    filter.current.configure({ dedupeMs, counting });
  }, [formats, counting, dedupeMs]);

  const torchWanted = useRef(torchDefault);
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let reads = 0;
    const start = () => {
      session.current?.stop();
      const s = new CameraSession(el, {
        formats: () => formatsRef.current,
        onStatus: setStatus,
        onTorch: setTorchState,
        onFrame: ({ width, height, roi, engine: name }) => {
          setEngine(name);
          setFrame((f) => (f && f.width === width && f.height === height && f.roi.width === roi.width && f.roi.height === roi.height ? f : { width, height, roi }));
        },
        onCodes: (codes, at) => {
          if (firstDecode.current) {
            firstDecode.current = false;
            measureFirstDecode(at);
          }
          for (const c of codes) {
            if (!filter.current.accept(c.text, at)) continue;
            publishScan({ source: 'camera', raw: c.text, symbologyId: c.symbologyId, at });
            setLastRead({ text: c.text, n: ++reads });
          }
        },
      });
      session.current = s;
      void s.start({ torch: torchWanted.current });
    };
    const stop = () => {
      session.current?.stop();
      session.current = null;
    };
    // A hidden page (screen off, another app) gives the camera back at once; it comes
    // back on when the page does, with the view still open.
    const onVisibility = () => (document.visibilityState === 'hidden' ? stop() : start());
    document.addEventListener('visibilitychange', onVisibility);
    if (document.visibilityState !== 'hidden') start();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      stop();
    };
  }, [video]);

  const setTorch = (on: boolean) => {
    torchWanted.current = on;
    void session.current?.setTorch(on);
  };

  return { status, torch, setTorch, frame, engine, lastRead, formats };
}

function measureFirstDecode(at: number) {
  if (typeof performance.measure !== 'function' || performance.getEntriesByName(CAMERA_OPEN_MARK).length === 0) return;
  try {
    performance.measure('tote:camera-first-decode', { start: CAMERA_OPEN_MARK, end: at });
  } catch {
    // no open mark (opened by a test harness): nothing to measure
  }
}

import { useEffect, useState, type RefObject } from 'react';
import { cameraErrorCode, type CameraErrorCode } from '../scan/camera/camera-errors';

export type PhotoCameraStatus = { kind: 'starting' } | { kind: 'running' } | { kind: 'error'; code: CameraErrorCode };

/**
 * The back camera into `video` while the calling view is mounted. Its tracks are stopped
 * when the view goes (a camera left running drains the handheld and lights its LED),
 * also when the permission answer arrives after the view has gone.
 */
export function usePhotoCamera(video: RefObject<HTMLVideoElement | null>): PhotoCameraStatus {
  const [status, setStatus] = useState<PhotoCameraStatus>({ kind: 'starting' });
  useEffect(() => {
    const el = video.current;
    let stopped = false;
    let stream: MediaStream | null = null;
    void (async () => {
      try {
        if (!el) throw new Error('no video element');
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no mediaDevices (insecure context?)');
        const s = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } } });
        if (stopped) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream = s;
        await attach(el, s);
        if (!stopped) setStatus({ kind: 'running' });
      } catch (err) {
        if (!stopped) setStatus({ kind: 'error', code: cameraErrorCode(err) });
      }
    })();
    return () => {
      stopped = true;
      stream?.getTracks().forEach((t) => t.stop());
      if (el) detach(el);
    };
  }, [video]);
  return status;
}

async function attach(el: HTMLVideoElement, stream: MediaStream): Promise<void> {
  el.muted = true;
  el.srcObject = stream;
  await el.play().catch(() => undefined); // a refused autoplay still shows the frame
}

function detach(el: HTMLVideoElement): void {
  el.srcObject = null;
}

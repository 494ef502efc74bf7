import { useEffect, useRef, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useCamera } from './use-camera';
import './camera.css';

interface Props {
  onClose: () => void;
  /** Close after the first read (the screen wants one code, e.g. a badge). */
  closeOnRead?: boolean;
}

const pct = (n: number, of: number) => `${(100 * n) / of}%`;

/**
 * The camera scanning view, over the screen that asked for a scan. It never listens to
 * the scan bus itself: reads go to the screen underneath, which beeps and flashes exactly
 * as for a wedge scan. Lazy-loaded with its worker and engine (see camera-button.tsx).
 */
export default function CameraDialog({ onClose, closeOnRead = false }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const cam = useCamera(video);

  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
      if (e.key !== 'Tab' || !root.current) return;
      // Modal: Tab cycles through the view's own buttons, never to the screen under it.
      const items = [...root.current.querySelectorAll<HTMLElement>('button:not([disabled])')];
      if (items.length === 0) return;
      const i = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey ? (i <= 0 ? items.length - 1 : i - 1) : i === items.length - 1 ? 0 : i + 1;
      e.preventDefault();
      items[next]!.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const { status, frame, lastRead, torch } = cam;
  useEffect(() => {
    if (closeOnRead && lastRead) onClose();
  }, [closeOnRead, lastRead, onClose]);
  // The frame's own shape, as wide as fits under 70% of the screen height.
  const stageStyle: CSSProperties | undefined = frame
    ? { aspectRatio: `${frame.width} / ${frame.height}`, maxWidth: `calc(70vh * ${frame.width / frame.height})` }
    : undefined;
  const roiStyle: CSSProperties | undefined = frame
    ? {
        left: pct(frame.roi.x, frame.width),
        top: pct(frame.roi.y, frame.height),
        width: pct(frame.roi.width, frame.width),
        height: pct(frame.roi.height, frame.height),
      }
    : undefined;

  // On the body: a fixed overlay must not inherit a form or a transformed ancestor.
  return createPortal(
    <div
      ref={root}
      className="camera"
      role="dialog"
      aria-modal="true"
      aria-labelledby="camera-title"
      data-testid="camera-dialog"
      data-status={status.kind}
      data-engine={cam.engine ?? ''}
      data-formats={cam.formats.join(',')}
    >
      <h2 id="camera-title" className="visually-hidden">
        {t('camera.title')}
      </h2>
      <div className="camera-stage" style={stageStyle}>
        <video ref={video} className="camera-video" muted playsInline aria-hidden="true" />
        {roiStyle && status.kind === 'running' && (
          // Keyed by the read count: each read restarts the pulse animation.
          <div key={lastRead?.n ?? 0} className={`camera-roi${lastRead ? ' camera-roi-hit' : ''}`} style={roiStyle} aria-hidden="true" />
        )}
      </div>
      {status.kind === 'error' ? (
        <p className="message message-error" role="alert" data-testid="camera-error" data-code={status.code}>
          {t(`errors.${status.code}`)}
        </p>
      ) : (
        <p className="camera-status" role="status" aria-live="polite">
          {status.kind === 'starting' ? t('camera.starting') : lastRead ? t('camera.read', { code: lastRead.text }) : t('camera.hint')}
        </p>
      )}
      {lastRead && (
        <output className="visually-hidden" data-testid="camera-last-read" data-n={lastRead.n}>
          {lastRead.text}
        </output>
      )}
      <div className="camera-actions">
        {torch.available && (
          <button type="button" className="btn camera-torch" aria-pressed={torch.on} onClick={() => cam.setTorch(!torch.on)}>
            {t('camera.torch')}
          </button>
        )}
        <button ref={closeRef} type="button" className="btn btn-primary camera-close" onClick={onClose}>
          {t('camera.close')}
        </button>
      </div>
    </div>,
    document.body,
  );
}

import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markCameraOpen } from './camera-timing';
import './camera-button.css';

// The view, its worker and the barcode engine load only when a worker first asks for the
// camera (and from the service worker's precache after that, offline too).
const loadDialog = () => import('./camera-dialog');
const CameraDialog = lazy(loadDialog);

/**
 * Opens the camera scanning view over the current screen. Reads go to whatever screen is
 * listening for scans, so the same button serves every scanning step. `closeOnRead` is
 * for screens that want one code (a badge): the view closes after the first read.
 */
export function CameraButton({ className = '', closeOnRead = false }: { className?: string; closeOnRead?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        className={`btn camera-button ${className}`.trim()}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="camera-open"
        // Start fetching the chunk on touch, a few dozen ms before the click lands.
        onPointerDown={() => void loadDialog()}
        onClick={() => {
          markCameraOpen();
          setOpen(true);
        }}
      >
        <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z" />
          <circle cx="12" cy="13" r="4" />
        </svg>
        <span>{t('camera.open')}</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <CameraDialog onClose={close} closeOnRead={closeOnRead} />
        </Suspense>
      )}
    </>
  );
}

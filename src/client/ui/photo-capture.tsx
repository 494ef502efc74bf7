import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainError, ErrorCode } from '../../domain/errors';
import { savePhoto } from '../local/photos';
import { usePhotosWaiting } from '../local/use-photos';
import { fileToJpeg, frameToJpeg } from './photo-encode';
import { usePhotoCamera } from './use-photo-camera';
import './photo-capture.css';

interface Props {
  /** What the photo is of, e.g. "Photograph the damage": the opening button's words. */
  label: string;
  /** Gets each stored photo's id, for the command that names it. */
  onTaken: (photoId: string) => void;
}

interface Taken {
  id: string;
  url: string;
}

const codeOf = (err: unknown) => (err instanceof DomainError ? err.code : ErrorCode.STORAGE_FAILED);

/**
 * Takes photos with the device's back camera and stores them on the device
 * (local/photos.ts); the sync engine uploads them. Where the camera cannot be used (no
 * permission, no camera) the system's own picker takes over.
 */
export function PhotoCapture({ label, onTaken }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [taken, setTaken] = useState<Taken[]>([]);
  const openRef = useRef<HTMLButtonElement>(null);
  const waiting = usePhotosWaiting();
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const stored = (id: string, blob: Blob) => {
    const url = URL.createObjectURL(blob);
    urls.current.push(url);
    setTaken((cur) => [...cur, { id, url }]);
    onTaken(id);
  };
  const close = () => {
    setOpen(false);
    setTimeout(() => openRef.current?.focus(), 0);
  };

  return (
    <div className="photo-capture" data-testid="photo-capture" data-taken={taken.length}>
      {open ? (
        <CameraPanel label={label} onStored={stored} onClose={close} />
      ) : (
        <button ref={openRef} type="button" className="btn photo-open" onClick={() => setOpen(true)}>
          {label}
        </button>
      )}
      {taken.length > 0 && (
        <div className="photo-taken">
          <p role="status" data-testid="photo-count">
            {t('photos.taken', { count: taken.length })}
          </p>
          <ul className="photo-thumbs">
            {taken.map((p, i) => (
              <li key={p.id}>
                <img src={p.url} alt={t('photos.thumbnail', { n: i + 1 })} width={64} height={64} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {waiting > 0 && (
        <p className="photo-waiting" data-testid="photos-waiting">
          {t('photos.waiting', { count: waiting })}
        </p>
      )}
    </div>
  );
}

/** Mounted only while open, so the camera runs exactly as long as the panel shows. */
function CameraPanel({ label, onStored, onClose }: { label: string; onStored: (id: string, blob: Blob) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const takeRef = useRef<HTMLButtonElement>(null);
  const camera = usePhotoCamera(video);
  useEffect(() => {
    if (camera.kind === 'running') takeRef.current?.focus();
  }, [camera.kind]);

  const store = async (encode: () => Promise<Blob>) => {
    setBusy(true);
    setError(null);
    try {
      const blob = await encode();
      onStored(await savePhoto(blob), blob);
    } catch (err) {
      setError(codeOf(err));
    } finally {
      setBusy(false);
    }
  };

  const shownError = error ?? (camera.kind === 'error' ? camera.code : null);
  return (
    <section className="photo-panel" aria-label={label} data-camera={camera.kind}>
      <video ref={video} className="photo-video" muted playsInline aria-label={t('photos.preview')} hidden={camera.kind === 'error'} />
      {(camera.kind === 'starting' || busy) && (
        <p className="photo-status" role="status">
          {busy ? t('photos.saving') : t('photos.starting')}
        </p>
      )}
      {shownError && (
        <p className="message message-error" role="alert" data-testid="photo-error" data-code={shownError}>
          {t(`errors.${shownError}`)}
        </p>
      )}
      <div className="photo-actions">
        {camera.kind === 'error' ? (
          <label className="btn btn-primary photo-file">
            {t('photos.pickFile')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              className="visually-hidden"
              data-testid="photo-file"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = ''; // the same file picked twice is two photos
                if (file) void store(() => fileToJpeg(file));
              }}
            />
          </label>
        ) : (
          <button
            ref={takeRef}
            type="button"
            className="btn btn-primary photo-take"
            disabled={camera.kind !== 'running' || busy}
            onClick={() => {
              const v = video.current;
              if (v) void store(() => frameToJpeg(v));
            }}
          >
            {t('photos.take')}
          </button>
        )}
        <button type="button" className="btn photo-close" onClick={onClose}>
          {t('photos.close')}
        </button>
      </div>
    </section>
  );
}

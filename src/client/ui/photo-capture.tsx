import { useTranslation } from 'react-i18next';
import { savePhoto } from '../local/photos';

/**
 * Takes a photo with the device camera and stores it (local/photos.ts); `onTaken` gets
 * the photo's id for the command that names it.
 */
export function PhotoCapture({ label, onTaken }: { label: string; onTaken: (photoId: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="btn">
      {label}
      <input
        type="file"
        accept="image/*"
        capture="environment"
        aria-label={label}
        className="visually-hidden"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onTaken(await savePhoto(file));
        }}
      />
      <span className="visually-hidden">{t('home.flow.receive')}</span>
    </label>
  );
}

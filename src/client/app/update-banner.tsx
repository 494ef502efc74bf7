import { useTranslation } from 'react-i18next';
import { useMatch } from 'react-router';
import { applyUpdate, useUpdateWaiting } from './pwa-update';

/** Offered, never forced, and hidden while a wave is open so code never changes mid-task. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const waiting = useUpdateWaiting();
  const inWave = useMatch('/pick/:waveId');
  if (!waiting || inWave) return null;
  return (
    <div className="update-banner row" role="status">
      <span>{t('update.available')}</span>
      <button type="button" className="btn btn-primary" onClick={applyUpdate}>
        {t('update.apply')}
      </button>
    </div>
  );
}

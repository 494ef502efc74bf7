import { useTranslation } from 'react-i18next';
import type { ScaleState } from './use-scale';

interface Props {
  scale: ScaleState;
  /** The packer takes the scale's stable weight into the weight field. */
  onUse: (grams: number) => void;
}

/** Connect / disconnect the bench scale and use its weight; nothing at all where Web Serial is absent. */
export function ScaleControl({ scale, onUse }: Props) {
  const { t } = useTranslation();
  if (!scale.supported) return null;
  const { connected, grams, stable, error } = scale;
  return (
    <div className="stack" data-testid="scale">
      <div className="row">
        {connected ? (
          <button type="button" className="btn" onClick={() => void scale.disconnect()}>
            {t('scale.disconnect')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => void scale.connect()}>
            {t('scale.connect')}
          </button>
        )}
        {connected && (
          <output aria-live="polite" data-testid="scale-reading" style={{ fontSize: '1.4rem', fontWeight: 800 }}>
            {grams === null ? t('scale.waiting') : t(stable ? 'scale.stable' : 'scale.moving', { grams })}
          </output>
        )}
        {connected && (
          <button type="button" className="btn btn-primary" disabled={grams === null || !stable} onClick={() => grams !== null && onUse(grams)}>
            {t('scale.use')}
          </button>
        )}
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {t(`scale.errors.${error}`)}
        </p>
      )}
    </div>
  );
}

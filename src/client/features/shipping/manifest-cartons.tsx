import { useTranslation } from 'react-i18next';
import type { ManifestCarton } from './shipping-api';

interface Props {
  cartons: readonly ManifestCarton[];
  canRemove: boolean;
  onRemove: (carton: ManifestCarton) => void;
}

/** The cartons on a manifest, each with a way to take it back off while the manifest is open. */
export function ManifestCartons({ cartons, canRemove, onRemove }: Props) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="manifest-cartons">
      <h2 id="manifest-cartons">{t('shipping.cartons')}</h2>
      {cartons.length === 0 ? (
        <p className="muted">{t('shipping.no-cartons')}</p>
      ) : (
        <ul className="rejections" data-testid="manifest-cartons">
          {cartons.map((c) => (
            <li key={c.id} className="row">
              <span>{t('shipping.carton-row', { order: c.orderRef, seq: c.seq, tracking: c.trackingNumber, name: c.shipToName })}</span>
              {canRemove && (
                <button type="button" className="btn" onClick={() => onRemove(c)}>
                  {t('shipping.remove', { tracking: c.trackingNumber })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

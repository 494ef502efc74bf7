import { useTranslation } from 'react-i18next';
import { dismissPackRefusal } from '../../local/pack-store';
import { usePackRefusals } from '../../local/use-pack';
import { useSession } from '../../local/use-session';

/** Packs the server refused after the fact (an order cancelled upstream...): the carton must not ship. */
export function RefusalsPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const refusals = usePackRefusals(session?.user.id ?? null);
  if (!refusals.length) return null;
  return (
    <section className="stack message message-error" aria-labelledby="pack-refused-title" data-testid="pack-refusals">
      <h2 id="pack-refused-title">{t('packing.refused-title')}</h2>
      <ul className="stack pack-refusals">
        {refusals.map((r) => (
          <li key={r.id} className="stack" data-testid="pack-refusal">
            <strong>
              {t(r.name === 'pack.confirm' ? 'packing.refused-confirm' : 'packing.refused-missing', {
                order: r.orderRef ?? r.orderId ?? '',
                tote: r.toteCode ?? '',
              })}
            </strong>
            <span>{t(`errors.${r.code}`, { defaultValue: r.code })}</span>
            <button type="button" className="btn" onClick={() => void dismissPackRefusal(r.id)}>
              {t('packing.refused-done', { order: r.orderRef ?? r.orderId ?? '' })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

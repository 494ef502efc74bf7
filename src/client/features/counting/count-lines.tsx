import { useTranslation } from 'react-i18next';
import { useCountSession, type CountedLine } from './count-session';
import { TypedQty } from '../../ui/typed-qty';

/** What the counter has found so far; each line's units can be typed (a pack counted by hand). */
export function CountLines({ lines }: { lines: readonly CountedLine[] }) {
  const { t } = useTranslation();
  const setQty = useCountSession((s) => s.setQty);
  if (lines.length === 0) return <p className="muted">{t('counting.nothing-yet')}</p>;
  return (
    <ul className="stack count-lines" aria-label={t('counting.counted-so-far')}>
      {lines.map((l) => (
        <li key={`${l.skuId}|${l.lot ?? ''}`} className="row task" data-testid="count-line" data-sku={l.code} data-qty={l.qty}>
          <span>
            <strong>{l.code}</strong> {l.name}
            {l.lot ? ` · ${t('counting.lot', { lot: l.lot })}` : ''}
          </span>
          <span className="progress">{t('counting.units', { count: l.qty })}</span>
          <TypedQty
            openLabel={t('counting.type-units', { code: l.code })}
            label={t('counting.units-of', { code: l.code })}
            submitLabel={t('counting.set')}
            cancelLabel={t('counting.cancel-typing')}
            initial={l.qty}
            min={0}
            onSubmit={(n) => setQty(l.skuId, l.lot, n)}
          />
        </li>
      ))}
    </ul>
  );
}

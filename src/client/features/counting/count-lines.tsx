import { useTranslation } from 'react-i18next';
import { useCountSession, type CountedLine } from './count-session';

/** What the counter has found so far; each line's units can be typed (a pack counted by hand). */
export function CountLines({ lines }: { lines: readonly CountedLine[] }) {
  const { t } = useTranslation();
  const setQty = useCountSession((s) => s.setQty);
  if (lines.length === 0) return <p className="muted">{t('counting.nothing-yet')}</p>;
  return (
    <ul className="stack count-lines" aria-label={t('counting.counted-so-far')}>
      {lines.map((l) => {
        const id = `count-${l.skuId}-${l.lot ?? ''}`;
        return (
          <li key={id} className="row task" data-testid="count-line" data-sku={l.code}>
            <span>
              <strong>{l.code}</strong> {l.name}
              {l.lot ? ` · ${t('counting.lot', { lot: l.lot })}` : ''}
            </span>
            <label className="field" htmlFor={id}>
              {t('counting.units-of', { code: l.code })}
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={l.qty}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= 0) setQty(l.skuId, l.lot, n);
                }}
              />
            </label>
          </li>
        );
      })}
    </ul>
  );
}

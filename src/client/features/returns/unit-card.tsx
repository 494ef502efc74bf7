import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_GRADES, dispositionFor, type ReturnRules } from '../../../domain/inventory/returns';
import { PhotoCapture } from '../../ui/photo-capture';
import { useReturnsSession, type DraftUnit } from './returns-session';

/** One returned unit: grade, reason, sealed, photos, and the disposition the seller's rules give it. */
export function UnitCard({ unit, n, rules, names }: { unit: DraftUnit; n: number; rules: ReturnRules | undefined; names: Record<string, { code: string; name: string }> }) {
  const { t } = useTranslation();
  const id = useId();
  const { patch, remove } = useReturnsSession();
  const code = names[unit.skuId]?.code ?? unit.skuId;
  const outcome = unit.grade && rules ? dispositionFor(unit.grade, rules, { sealed: unit.sealed }) : null;
  return (
    <li className="task stack" data-testid="return-unit" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('returns.unit-title', { n, code, name: names[unit.skuId]?.name ?? '' })}</h3>
      <fieldset className="stack">
        <legend>{t('returns.grade')}</legend>
        <div className="row returns-grades">
          {RETURN_GRADES.map((g) => (
            <label key={g} className="choice">
              <input type="radio" name={`${id}-grade`} value={g} checked={unit.grade === g} onChange={() => patch(unit.key, { grade: g, foundSkuId: null })} />
              {t(`returns.grades.${g}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {unit.grade === 'wrong_item' && (
        <p className={unit.foundSkuId ? 'message message-success' : 'message message-warn'} data-testid="return-found">
          {unit.foundSkuId ? t('returns.found', { code: names[unit.foundSkuId]?.code ?? unit.foundSkuId }) : t('returns.scan-found')}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('returns.reason')}</label>
        <input
          id={`${id}-reason`}
          type="text"
          required
          aria-required="true"
          aria-describedby={`${id}-reason-hint`}
          maxLength={500}
          value={unit.reason}
          onChange={(e) => patch(unit.key, { reason: e.target.value })}
          onKeyDown={(e) => {
            // Enter leaves the field, so the next scan reaches the screen instead of the reason.
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
        <span id={`${id}-reason-hint`} className="hint">
          {t('returns.reason-hint')}
        </span>
      </div>
      <label className="choice">
        <input type="checkbox" checked={unit.sealed} onChange={(e) => patch(unit.key, { sealed: e.target.checked })} />
        {t('returns.sealed')}
      </label>
      <div className="row">
        <PhotoCapture label={t('returns.photo')} onTaken={(photoId) => patch(unit.key, { photoIds: [...unit.photoIds, photoId] })} />
        {unit.photoIds.length > 0 && <span>{t('returns.photos', { count: unit.photoIds.length })}</span>}
      </div>
      <p className="progress" data-testid="return-disposition" data-disposition={outcome?.disposition ?? ''}>
        {outcome ? t(`returns.disposition.${outcome.disposition}`) : t('returns.disposition.none')}
      </p>
      <button type="button" className="btn" onClick={() => remove(unit.key)}>
        {t('returns.remove', { n })}
      </button>
    </li>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PUTAWAY_REASONS, isPutawayReason } from '../../../domain/inventory/putaway';
import type { OpenTask } from '../../local/putaway-store';
import { confirmNow } from './putaway-actions';
import { usePutawaySession } from './putaway-session';

type Names = Record<string, { code: string; name: string }>;

/** The task in hand: its suggested bin, the bin scanned, a reason for another bin, the units. */
export function TaskPanel({ task, names, from }: { task: OpenTask; names: Names; from: string }) {
  const { t } = useTranslation();
  const id = useId();
  const { to, reason, qty, set, reset } = usePutawaySession();
  const deviated = to !== null && task.suggested !== null && to.id !== task.suggested.id;
  const canConfirm = to !== null && (!deviated || reason !== null);
  return (
    <section className="task" aria-labelledby={`${id}-title`} data-testid="putaway-task">
      <h2 id={`${id}-title`} className="task-sku-name">
        {names[task.skuId]?.code ?? task.skuId} · {names[task.skuId]?.name}
      </h2>
      <dl className="task-facts">
        <div>
          <dt className="task-label">{t('putaway.units')}</dt>
          <dd>{task.qty}</dd>
        </div>
        <div>
          <dt className="task-label">{t('putaway.lot')}</dt>
          <dd>{task.lot ?? '—'}</dd>
        </div>
        <div>
          <dt className="task-label">{t('putaway.from')}</dt>
          <dd>{from}</dd>
        </div>
        {task.condition === 'damaged' && (
          <div>
            <dt className="task-label">{t('putaway.condition')}</dt>
            <dd>{t('putaway.damaged')}</dd>
          </div>
        )}
      </dl>
      <p className="task-label">{t('putaway.suggested')}</p>
      <p className="task-bin" data-testid="putaway-suggested">
        {task.suggested?.code ?? t('putaway.no-suggestion')}
      </p>
      <p className="step" data-testid="putaway-to">
        {to ? t('putaway.to', { bin: to.code }) : t('putaway.scan-bin')}
      </p>
      {deviated && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('putaway.reason')}</label>
          <select
            id={`${id}-reason`}
            className="putaway-select"
            value={reason ?? ''}
            onChange={(e) => set({ reason: isPutawayReason(e.target.value) ? e.target.value : null })}
          >
            <option value="">{t('putaway.choose-reason')}</option>
            {PUTAWAY_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`putaway.reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-qty`}>{t('putaway.qty')}</label>
        <input
          id={`${id}-qty`}
          type="number"
          inputMode="numeric"
          min={1}
          max={task.qty}
          value={qty ?? String(task.qty)}
          onChange={(e) => set({ qty: e.target.value })}
        />
      </div>
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={!canConfirm} onClick={() => void confirmNow()}>
          {t('putaway.confirm')}
        </button>
        <button type="button" className="btn" onClick={() => reset()}>
          {t('putaway.put-back')}
        </button>
      </div>
    </section>
  );
}

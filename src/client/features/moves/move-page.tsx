import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScanMessage } from '../../local/use-scan-message';
import { useSession } from '../../local/use-session';
import { COMMANDS } from '../../../domain/commands';
import { useScan } from '../../scan/use-scan';
import { handleMoveScan } from './move-actions';
import { moveStep, useMoveSession } from './move-session';
import { TypedQty } from '../../ui/typed-qty';

/** Bin to bin: scan the from-bin, the item, say how many, scan the to-bin. */
export default function MovePage() {
  const { t } = useTranslation();
  const s = useMoveSession();
  const message = useScanMessage();
  const queue = useRef(Promise.resolve());
  useScan((scan) => {
    queue.current = queue.current.then(() => handleMoveScan(scan)).catch(() => undefined);
  });
  const step = moveStep(s);
  const session = useSession();
  if (session && !session.user.roles.some((r) => COMMANDS['stock.move'].roles.includes(r))) {
    return <p className="message message-warn" data-testid="move-not-allowed">{t('moves.not-allowed')}</p>;
  }
  return (
    <div className="stack" data-testid="move">
      <h1>{t('moves.title')}</h1>
      {message && (
        <p className={`message message-${message.kind}`} data-testid="move-message" data-kind={message.kind}>
          {message.message}
        </p>
      )}
      <p className="step" data-testid="move-step" data-step={step}>
        {t(`moves.step.${step}`, { bin: s.from?.code ?? '', code: s.item?.code ?? '' })}
      </p>
      {s.from && (
        <dl className="task-facts">
          <div>
            <dt className="task-label">{t('moves.from')}</dt>
            <dd data-testid="move-from">{s.from.code}</dd>
          </div>
          {s.item && (
            <div>
              <dt className="task-label">{t('moves.item')}</dt>
              <dd data-testid="move-item">
                {s.item.code} {s.item.lot ? t('moves.lot', { lot: s.item.lot }) : ''}
              </dd>
            </div>
          )}
        </dl>
      )}
      {step === 'lot' && s.item && (
        <fieldset className="stack">
          <legend>{t('moves.choose-lot', { code: s.item.code })}</legend>
          {s.item.lotChoices.map((l) => (
            <button key={l.lot ?? ''} type="button" className="btn btn-row" onClick={() => s.chooseLot(l.lot)}>
              {t('moves.lot-choice', { lot: l.lot ?? t('moves.no-lot'), qty: l.qty })}
            </button>
          ))}
        </fieldset>
      )}
      {step === 'to' && (
        <div className="row">
          <span className="progress" data-testid="move-qty" data-qty={s.qty}>
            {t('moves.qty-now-shown', { count: s.qty })}
          </span>
          <TypedQty
            openLabel={t('moves.change-qty')}
            label={t('moves.qty')}
            submitLabel={t('moves.set')}
            cancelLabel={t('moves.cancel-typing')}
            initial={s.qty}
            min={1}
            onSubmit={s.setQty}
          />
        </div>
      )}
      {s.from && (
        <button type="button" className="btn" onClick={s.reset}>
          {t('moves.start-over')}
        </button>
      )}
    </div>
  );
}

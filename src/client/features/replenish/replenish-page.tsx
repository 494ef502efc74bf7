import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../../../domain/commands';
import { hasAnyRole } from '../../../domain/roles';
import { useOpenReplenishments } from '../../local/use-replenish';
import { useScanMessage } from '../../local/use-scan-message';
import { useSession } from '../../local/use-session';
import { BIN_FORMATS, ITEM_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';
import { TypedQty } from '../../ui/typed-qty';
import { handleReplenishScan } from './replenish-actions';
import { replenishStep, useReplenishSession } from './replenish-session';
import './replenish.css';

const REQUEST = { formats: [...new Set([...ITEM_FORMATS, ...BIN_FORMATS])] };

/** Reserve to pick face: choose a task (or scan its reserve bin), scan the bin, the item, say how many, scan the face. */
export default function ReplenishPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (session === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!session) return null;
  if (!hasAnyRole(session.user.roles, COMMANDS['replenish.confirm'].roles)) {
    return (
      <p className="message message-warn" data-testid="replenish-not-allowed">
        {t('replenish.not-allowed')}
      </p>
    );
  }
  return <Replenish />;
}

function Replenish() {
  const { t } = useTranslation();
  const tasks = useOpenReplenishments();
  const s = useReplenishSession();
  const message = useScanMessage();
  const queue = useRef(Promise.resolve());
  useScan((scan) => {
    queue.current = queue.current.then(() => handleReplenishScan(scan)).catch(() => undefined);
  }, REQUEST);
  useEffect(() => () => useReplenishSession.getState().reset(), []);
  const task = tasks?.find((x) => x.id === s.taskId) ?? null;
  const step = task ? replenishStep(s) : 'choose';
  return (
    <div className="stack" data-testid="replenish">
      <h1>{t('replenish.title')}</h1>
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="replenish-message" data-kind={message.kind}>
          {message.message}
        </p>
      )}
      {task ? (
        <section className="stack" aria-labelledby="replenish-task">
          <h2 id="replenish-task">{t('replenish.task', { code: task.skuCode, face: task.faceCode })}</h2>
          <p className="muted">{task.skuName}</p>
          <dl className="task-facts">
            <div>
              <dt className="task-label">{t('replenish.from')}</dt>
              <dd data-testid="replenish-from">{s.from?.code ?? task.fromCode ?? '—'}</dd>
            </div>
            <div>
              <dt className="task-label">{t('replenish.to')}</dt>
              <dd data-testid="replenish-to">{task.faceCode}</dd>
            </div>
            <div>
              <dt className="task-label">{t('replenish.lot')}</dt>
              <dd>{s.item?.lot ?? task.lot ?? t('replenish.no-lot')}</dd>
            </div>
          </dl>
          <p className="step" data-testid="replenish-step" data-step={step}>
            {t(`replenish.step.${step}`, { bin: task.fromCode ?? '', code: task.skuCode, face: task.faceCode })}
          </p>
          {step === 'to' && (
            <div className="row">
              <span className="progress" data-testid="replenish-qty" data-qty={s.qty}>
                {t('replenish.qty-now', { count: s.qty })}
              </span>
              <TypedQty
                openLabel={t('replenish.change-qty')}
                label={t('replenish.qty')}
                submitLabel={t('replenish.set')}
                cancelLabel={t('replenish.cancel-typing')}
                initial={s.qty}
                min={1}
                onSubmit={s.setQty}
              />
            </div>
          )}
          <button type="button" className="btn" onClick={s.reset}>
            {t('replenish.back')}
          </button>
        </section>
      ) : (
        <>
          <p className="prompt" data-testid="replenish-step" data-step="choose">
            {t('replenish.step.choose')}
          </p>
          {tasks && tasks.length === 0 && (
            <p className="muted" data-testid="replenish-none">
              {t('replenish.none')}
            </p>
          )}
          <ul className="cards" aria-label={t('replenish.list')} data-testid="replenish-list">
            {(tasks ?? []).map((x) => (
              <li key={x.id}>
                <button type="button" className="card replenish-task" onClick={() => s.choose(x.id)} data-testid="replenish-task">
                  <span className="card-title">
                    {x.skuCode} → {x.faceCode}
                  </span>
                  <span>{t('replenish.row', { count: x.qty, bin: x.fromCode ?? '—', lot: x.lot ?? t('replenish.no-lot') })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

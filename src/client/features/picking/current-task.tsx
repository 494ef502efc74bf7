import { useTranslation } from 'react-i18next';
import type { Location, PickTask } from '../../../domain/model';
import { remainingQty } from '../../../domain/commands';
import { CameraButton } from '../../scan/camera/camera-button';
import type { FlowState } from './pick-flow';

interface Props {
  task: PickTask;
  location: Location | undefined;
  sku: { code: string; name: string } | undefined;
  flow: FlowState;
  /** A tote this order already uses in the wave, to suggest. */
  orderTote: string | null;
}

function prompt(t: (k: string, o?: Record<string, unknown>) => string, p: Props): string {
  const open = remainingQty(p.task);
  switch (p.flow.step) {
    case 'bin':
      return t('pick.step.bin', { bin: p.location?.code ?? '?' });
    case 'item':
      return t('pick.step.item', { sku: p.sku?.code ?? '?', units: p.flow.units, qty: open });
    case 'tote':
      return p.orderTote ? t('pick.step.tote-hint', { tote: p.orderTote }) : t('pick.step.tote');
    case 'short-qty':
      return t('pick.step.short-qty', { max: open - 1 });
    case 'short-tote':
      return t('pick.step.short-tote', { found: p.flow.found });
  }
}

/** The task being picked fills the screen: readable at arm's length while walking. */
export function CurrentTask(props: Props) {
  const { t } = useTranslation();
  const { task, location, sku, flow } = props;
  const picked = task.pickedQty + (flow.step === 'short-tote' ? flow.found : flow.units);
  return (
    <section className="task" aria-labelledby="task-heading">
      <h2 id="task-heading" className="visually-hidden">
        {t('pick.current')}
      </h2>
      <p className="task-label">{t('pick.bin')}</p>
      <p className="task-bin" data-testid="task-bin">
        {location?.code ?? '?'}
      </p>
      <p className="task-sku-name">{sku?.name ?? ''}</p>
      <dl className="task-facts">
        <div>
          <dt>{t('pick.sku')}</dt>
          <dd data-testid="task-sku">{sku?.code ?? '?'}</dd>
        </div>
        <div>
          <dt>{t('pick.order')}</dt>
          <dd data-testid="task-order">{task.orderRef}</dd>
        </div>
        <div>
          <dt>{t('pick.qty')}</dt>
          <dd data-testid="task-qty" data-picked={picked} data-required={task.qty} className="task-qty">
            {picked} / {task.qty}
          </dd>
        </div>
      </dl>
      <div className="step-row">
        <p className="step" data-testid="step" data-step={flow.step} aria-live="polite">
          {prompt(t, props)}
        </p>
        {flow.step !== 'short-qty' && <CameraButton />}
      </div>
    </section>
  );
}

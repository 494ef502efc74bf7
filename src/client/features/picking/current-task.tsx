import { useTranslation } from 'react-i18next';
import type { Location, PickTask } from '../../../domain/model';
import type { CartSlot } from '../../../domain/picking/cart';
import type { Stop } from '../../../domain/picking/walk';
import { CameraButton } from '../../scan/camera/camera-button';
import type { FlowState } from './pick-flow';

interface Props {
  task: PickTask;
  /** The stop: the task alone, or every order's task for this bin and SKU on a cart. */
  stop: Stop;
  location: Location | undefined;
  sku: { code: string; name: string } | undefined;
  flow: FlowState;
  /** A tote this order already uses in the wave, to suggest. */
  orderTote: string | null;
  /** The cluster cart; null on a single-order wave. */
  cart: CartSlot[] | null;
  /** The lot allocated to the stop, when the SKU is lot-tracked. */
  lot: string | null;
}

type T = (k: string, o?: Record<string, unknown>) => string;

function prompt(t: T, p: Props): string {
  const open = p.stop.openQty;
  switch (p.flow.step) {
    case 'bin':
      return t('pick.step.bin', { bin: p.location?.code ?? '?' });
    case 'lot':
      return t('pickingScreen.step.lot', { lot: p.lot ?? '?' });
    case 'item':
      return t('pick.step.item', { sku: p.sku?.code ?? '?', units: p.flow.units, qty: open });
    case 'tote':
    case 'short-tote': {
      const next = p.flow.puts?.[0];
      if (p.cart && next?.slot) return t('pickingScreen.step.put', { slot: next.slot, qty: next.qty });
      if (p.flow.step === 'short-tote') return t('pick.step.short-tote', { found: p.flow.found });
      return p.orderTote ? t('pick.step.tote-hint', { tote: p.orderTote }) : t('pick.step.tote');
    }
    case 'short-qty':
      return t('pick.step.short-qty', { max: open - 1 });
  }
}

/** The stop being picked fills the screen: readable at arm's length while walking. */
export function CurrentTask(props: Props) {
  const { t } = useTranslation();
  const { task, stop, location, sku, flow, cart, lot } = props;
  const required = stop.split.reduce((n, s) => n + s.openQty, 0);
  const single = stop.split.length === 1;
  // Against the stop's open units, the units in the hand; a single task also shows what it already had.
  const base = single ? task.pickedQty : 0;
  const picked = base + (flow.step === 'short-tote' ? flow.found : flow.units);
  const pending = new Set((flow.puts ?? []).map((p) => p.taskId));
  // The slot the next units go to, once they are in the hand (cluster cart only).
  const putSlot = cart && (flow.step === 'tote' || flow.step === 'short-tote') ? flow.puts?.[0]?.slot : undefined;
  return (
    <section className="task" aria-labelledby="task-heading">
      <h2 id="task-heading" className="visually-hidden">
        {t('pick.current')}
      </h2>
      <p className="task-label">{t('pick.bin')}</p>
      <p className="task-bin" data-testid="task-bin">
        {location?.code ?? '?'}
      </p>
      <div className="task-item">
        <div className="task-image" role="img" aria-label={t('pickingScreen.image', { name: sku?.name ?? '' })} />
        <p className="task-sku-name">{sku?.name ?? ''}</p>
      </div>
      <dl className="task-facts">
        <div>
          <dt>{t('pick.sku')}</dt>
          <dd data-testid="task-sku">{sku?.code ?? '?'}</dd>
        </div>
        {single && (
          <div>
            <dt>{t('pick.order')}</dt>
            <dd data-testid="task-order">{task.orderRef}</dd>
          </div>
        )}
        <div>
          <dt>{t('pick.qty')}</dt>
          <dd data-testid="task-qty" data-picked={picked} data-required={single ? task.qty : required} className="task-qty">
            {picked} / {single ? task.qty : required}
          </dd>
        </div>
        {lot && (
          <div>
            <dt>{t('pickingScreen.lot')}</dt>
            <dd data-testid="task-lot" data-taken={flow.lot ?? ''}>
              {flow.lot ?? lot}
            </dd>
          </div>
        )}
      </dl>
      {cart && (
        <ul className="task-split" data-testid="task-split" aria-label={t('pickingScreen.split-label')}>
          {stop.split.map((s) => (
            <li key={s.taskId} data-slot={s.slot ?? ''} data-pending={pending.has(s.taskId) ? 'true' : undefined}>
              <span className="task-slot">{t('pickingCart.split', { slot: s.slot ?? '?', qty: s.openQty })}</span>
              {s.toteCode && <span className="muted"> · {s.toteCode}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="step-row">
        <p className="step" data-testid="step" data-step={flow.step} data-slot={putSlot ?? undefined} aria-live="polite">
          {prompt(t, props)}
        </p>
        {flow.step !== 'short-qty' && <CameraButton />}
      </div>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackOrder } from '../../../domain/packing/types';
import { missingOf } from '../../../domain/packing/verify';
import { reportMissing, type BenchCtx } from './pack-actions';
import { usePackSession } from './pack-session';
import { verifiedOf } from './pack-work';
import { CartonPanel } from './carton-panel';
import { LabelsPanel } from './labels-panel';

/** One order of the tote: what was picked, what is verified, what is missing, and its cartons. */
export function OrderCard({ order, ctx }: { order: PackOrder; ctx: BenchCtx }) {
  const { t } = useTranslation();
  const { orders, work, skus, focus, packed, setFocus } = usePackSession();
  const [reporting, setReporting] = useState(false);
  const verified = verifiedOf(orders, work);
  const counts = verified[order.orderId] ?? [];
  const missing = missingOf(order, verified);
  const open = order.status === 'picked';
  const focused = focus === order.orderId && open;
  const done = packed[order.orderId];
  const titleId = `order-${order.orderId}`;
  return (
    <article
      className={`pack-order${focused ? ' is-focused' : ''}`}
      aria-labelledby={titleId}
      data-testid="pack-order"
      data-order-ref={order.orderRef}
      data-status={order.status}
    >
      <div className="row pack-order-head">
        <h3 id={titleId}>{order.orderRef}</h3>
        <span className={`badge status-${order.status}`}>{t(`packing.status.${order.status}`)}</span>
        {open && !focused && (
          <button type="button" className="btn" onClick={() => setFocus(order.orderId)}>
            {t('packing.work-on', { order: order.orderRef })}
          </button>
        )}
      </div>
      <p className="muted">
        {order.shipTo.name} · {order.carrierService}
      </p>
      <ul className="pack-items" aria-label={t('packing.items-of', { order: order.orderRef })}>
        {order.items.map((it, slot) => (
          <li key={slot} className={counts[slot] === it.qty ? 'is-done' : undefined}>
            <span>{skus[it.skuId]?.name ?? it.skuId}</span>
            {it.lot && <span className="muted"> {t('packing.lot', { lot: it.lot })}</span>}
            <strong data-testid="item-progress">
              {' '}
              {t('packing.progress', { done: counts[slot] ?? 0, qty: it.qty })}
            </strong>
          </li>
        ))}
      </ul>
      {open && missing.length > 0 && (
        <div className="stack">
          <p data-testid="still-missing">
            {t('packing.still-missing', { items: missing.map((m) => `${skus[m.skuId]?.code ?? m.skuId} ×${m.qty}`).join(', ') })}
          </p>
          {reporting ? (
            <div className="stack" role="group" aria-label={t('packing.report-missing')}>
              <p>{t('packing.which-missing')}</p>
              {missing.map((m) => (
                <button
                  key={m.slot}
                  type="button"
                  className="btn btn-warn"
                  onClick={() => void reportMissing(order, m, ctx.benchId).then(() => setReporting(false))}
                >
                  {t('packing.missing-item', { item: skus[m.skuId]?.name ?? m.skuId, qty: m.qty })}
                </button>
              ))}
              <button type="button" className="btn" onClick={() => setReporting(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="btn" onClick={() => setReporting(true)}>
              {t('packing.report-missing')}
            </button>
          )}
        </div>
      )}
      {focused && <CartonPanel order={order} ctx={ctx} complete={missing.length === 0} />}
      {done && <LabelsPanel order={order} packed={done} benchId={ctx.benchId} />}
    </article>
  );
}

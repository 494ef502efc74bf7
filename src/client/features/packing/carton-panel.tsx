import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackOrder } from '../../../domain/packing/types';
import { useVerifiers } from '../../local/use-pack';
import { LeadApprovalDialog } from '../../ui/lead-approval-dialog';
import { confirmOrder, type BenchCtx } from './pack-actions';
import { usePackSession } from './pack-session';
import { checkCarton, confirmBlocker, verifiedOf } from './pack-work';
import { CartonRow } from './carton-row';

/** The focused order's cartons: box, weight, a lead's approval when needed, and Confirm. */
export function CartonPanel({ order, ctx, complete }: { order: PackOrder; ctx: BenchCtx; complete: boolean }) {
  const { t } = useTranslation();
  const { orders, work: all, skus, newCarton, setOverride, setWeight } = usePackSession();
  const verifiers = useVerifiers();
  const [approving, setApproving] = useState(false);
  const [busy, setBusy] = useState(false);
  const work = all[order.orderId];
  if (!work) return null;
  const facts = { skus: new Map(Object.entries(skus)), boxes: ctx.boxes, config: ctx.config };
  const checks = work.cartons.map((c) => checkCarton(order, c, facts));
  const outOfTolerance = checks.some((c) => c.weight && !c.weight.ok && c.weight.reason === 'out_of_tolerance');
  const blocker = confirmBlocker(order, work, verifiedOf(orders, all), facts);
  const last = work.cartons[work.cartons.length - 1]!;
  const lead = work.override ? verifiers.find((v) => v.userId === work.override!.leadUserId) : undefined;
  const worst = checks.find((c) => c.weight && !c.weight.ok)?.weight;

  const confirm = async () => {
    setBusy(true);
    try {
      await confirmOrder(order, ctx);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack pack-cartons" aria-label={t('packing.cartons-of', { order: order.orderRef })} data-testid="carton-panel">
      {work.cartons.map((c, i) => (
        <CartonRow
          key={c.id}
          order={order}
          carton={c}
          check={checks[i]!}
          index={i}
          count={work.cartons.length}
          boxes={ctx.boxes}
          weighNow={complete && c.id === last.id}
        />
      ))}
      {!complete && last.units.some((u) => u > 0) && (
        <button type="button" className="btn" onClick={() => newCarton(order.orderId)}>
          {t('packing.new-carton')}
        </button>
      )}
      {outOfTolerance && !work.override && (
        <div className="message message-error stack" role="alert" data-testid="weight-blocked">
          <p>{t('packing.weight-blocked')}</p>
          <div className="row">
            <button
              type="button"
              className="btn"
              onClick={() => work.cartons.forEach((c, i) => checks[i]!.weight?.ok === false && setWeight(order.orderId, c.id, null))}
            >
              {t('packing.reweigh')}
            </button>
            <button type="button" className="btn btn-warn" onClick={() => setApproving(true)}>
              {t('packing.lead-approval')}
            </button>
          </div>
        </div>
      )}
      {work.override && (
        <p className="message message-warn" role="status" data-testid="approved">
          {t('packing.approved-by', { lead: lead?.name ?? work.override.leadUserId })}
        </p>
      )}
      {complete && (
        <button
          type="button"
          className="btn btn-primary pack-confirm"
          disabled={blocker !== null || busy}
          aria-describedby={blocker ? `why-${order.orderId}` : undefined}
          onClick={() => void confirm()}
        >
          {t('packing.confirm', { order: order.orderRef })}
        </button>
      )}
      {complete && blocker && (
        <p className="hint" id={`why-${order.orderId}`}>
          {blocker === 'NOT_VERIFIED' ? t('packing.scan-items') : t(`packing.blocked.${blocker}`, { defaultValue: t(`errors.${blocker}`) })}
        </p>
      )}
      {approving && (
        <LeadApprovalDialog
          open
          verifiers={verifiers}
          orderId={order.orderId}
          reason={t('packing.approve-reason', {
            order: order.orderRef,
            diff: worst ? (worst.diffG > 0 ? `+${worst.diffG}` : String(worst.diffG)) : '',
            tolerance: worst?.toleranceG ?? 0,
          })}
          onApproved={(a) => {
            setOverride(order.orderId, a);
            setApproving(false);
          }}
          onCancel={() => setApproving(false)}
        />
      )}
    </section>
  );
}

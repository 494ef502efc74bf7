import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../domain/model';
import { setReturnsBench } from '../../local/returns-repo';
import { useReturnOrder, useReturnRules, useReturnsBench, useReturnsBenches, useSkuNames } from '../../local/use-returns';
import { useScanMessage } from '../../local/use-scan-message';
import { useSession } from '../../local/use-session';
import { COMMANDS } from '../../../domain/commands';
import { useScan } from '../../scan/use-scan';
import { CodeForm } from '../../ui/code-form';
import { handleReturnsScan, openReturn, submitReturn } from './returns-actions';
import { useReturnsSession } from './returns-session';
import { UnitCard } from './unit-card';

/** The returns bench: find the order, grade each unit that came back, submit. */
export default function ReturnsPage() {
  const { t } = useTranslation();
  const bench = useReturnsBench();
  const session = useSession();
  const [choosing, setChoosing] = useState(false);
  // The server refuses anyone else's grading: say so before the clerk grades a whole parcel.
  if (session && !session.user.roles.some((r) => COMMANDS['return.grade'].roles.includes(r))) {
    return <p className="message message-warn" data-testid="returns-not-allowed">{t('returns.not-allowed')}</p>;
  }
  if (bench === undefined) return <p className="muted">{t('common.loading', { defaultValue: '…' })}</p>;
  if (!bench || choosing) return <BenchChoice onChosen={() => setChoosing(false)} />;
  return <Bench bench={bench} onChangeBench={() => setChoosing(true)} />;
}

function BenchChoice({ onChosen }: { onChosen: () => void }) {
  const { t } = useTranslation();
  const benches = useReturnsBenches();
  return (
    <div className="stack">
      <h1>{t('returns.title')}</h1>
      <p className="prompt">{t('returns.choose-bench')}</p>
      {benches?.length === 0 && <p className="message message-warn">{t('returns.no-bench')}</p>}
      {benches?.map((b) => (
        <button key={b.id} type="button" className="btn btn-row" onClick={() => void setReturnsBench(b.id).then(onChosen)}>
          {b.code}
        </button>
      ))}
    </div>
  );
}

function Bench({ bench, onChangeBench }: { bench: Location; onChangeBench: () => void }) {
  const { t } = useTranslation();
  const { orderId, units, clear } = useReturnsSession();
  const order = useReturnOrder(orderId);
  const rules = useReturnRules(order?.sellerId ?? null);
  const names = useSkuNames([...(order?.lines.map((l) => l.skuId) ?? []), ...units.flatMap((u) => (u.foundSkuId ? [u.foundSkuId] : []))]);
  const message = useScanMessage();
  const [saving, setSaving] = useState(false);
  const queue = useRef(Promise.resolve());
  const enqueue = (f: () => Promise<unknown>) => (queue.current = queue.current.then(f).then(() => undefined).catch(() => undefined));
  useScan((scan) => void enqueue(() => handleReturnsScan(scan)));
  const submit = async () => {
    setSaving(true);
    await enqueue(() => submitReturn(bench.id));
    setSaving(false);
  };
  const returned = new Map(order?.returned.map((r) => [r.skuId, r.qty]) ?? []);
  return (
    <div className="stack" data-testid="returns-bench">
      <header className="row">
        <h1>{t('returns.bench', { bench: bench.code })}</h1>
        <button type="button" className="btn" onClick={onChangeBench}>
          {t('returns.change-bench')}
        </button>
      </header>
      {message && (
        <p className={`message message-${message.kind}`} data-testid="returns-message" data-kind={message.kind}>
          {message.message}
        </p>
      )}
      {!order ? (
        <>
          <p className="prompt">{t('returns.scan-order')}</p>
          <CodeForm label={t('returns.entry-label')} submitLabel={t('returns.entry-submit')} onSubmit={(text) => void enqueue(() => openReturn(text))} />
        </>
      ) : (
        <section className="stack" aria-labelledby="return-order-title">
          <div className="row">
            <h2 id="return-order-title">{t('returns.order', { ref: order.ref })}</h2>
            <button type="button" className="btn" onClick={clear}>
              {t('returns.done-order')}
            </button>
          </div>
          <ul className="stack returns-lines" aria-label={t('returns.lines')}>
            {order.lines.map((l, i) => (
              <li key={`${l.skuId}|${l.lot}|${i}`} className="row task" data-testid="return-line" data-sku={names[l.skuId]?.code ?? l.skuId}>
                <span>
                  <strong>{names[l.skuId]?.code ?? l.skuId}</strong> {names[l.skuId]?.name ?? ''}
                </span>
                <span data-testid="return-line-qty">{t('returns.line-qty', { sent: l.qty, returned: returned.get(l.skuId) ?? 0 })}</span>
                <button type="button" className="btn" onClick={() => useReturnsSession.getState().addUnit(l.skuId)}>
                  {t('returns.add-unit', { code: names[l.skuId]?.code ?? l.skuId })}
                </button>
              </li>
            ))}
          </ul>
          {units.length === 0 ? (
            <p className="prompt">{t('returns.scan-units')}</p>
          ) : (
            <>
              <ol className="stack returns-units" aria-label={t('returns.units')}>
                {units.map((u, i) => (
                  <UnitCard key={u.key} unit={u} n={i + 1} rules={rules} names={names} />
                ))}
              </ol>
              <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void submit()} data-testid="return-submit">
                {t('returns.submit', { count: units.length })}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}

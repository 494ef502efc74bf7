import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../domain/model';
import type { BoxType, PackConfig } from '../../../domain/packing/types';
import { useBench, useBoxTypes, useLeaseSummary, usePackConfig, useToteOrders } from '../../local/use-pack';
import { ITEM_FORMATS } from '../../scan/camera/formats';
import { useScan } from '../../scan/use-scan';
import { BenchPicker } from './bench-picker';
import { handlePackScan, restoreBench, type BenchCtx } from './pack-actions';
import { usePackSession } from './pack-session';
import { OrderCard } from './order-card';
import { RefusalsPanel } from './refusals-panel';
import './packing.css';

const REQUEST = { formats: ITEM_FORMATS };

export default function PackPage() {
  const { t } = useTranslation();
  const bench = useBench();
  const config = usePackConfig();
  const boxes = useBoxTypes();
  const [choosing, setChoosing] = useState(false);
  if (bench === undefined || config === undefined) return <p className="muted">{t('common.loading', { defaultValue: '…' })}</p>;
  if (!bench || choosing) return <BenchPicker onChosen={() => setChoosing(false)} />;
  if (!config) return <p className="message message-warn">{t('packing.no-config')}</p>;
  return <Bench bench={bench} config={config} boxes={boxes} onChangeBench={() => setChoosing(true)} />;
}

function Bench({ bench, config, boxes, onChangeBench }: { bench: Location; config: PackConfig; boxes: BoxType[]; onChangeBench: () => void }) {
  const { t } = useTranslation();
  const leases = useLeaseSummary();
  const { tote, orders, message, clear, refresh } = usePackSession();
  const live = useToteOrders(tote);
  useEffect(() => {
    // A tote the device no longer lists (its last order packed and pulled) keeps what is on screen.
    if (live?.ok && live.toteCode === usePackSession.getState().tote) refresh(live.orders);
  }, [live, refresh]);
  const ctx: BenchCtx = { benchId: bench.id, config, boxes };
  // Scans are judged one after another, in the order they came: each reads the last one's result.
  const queue = useRef(Promise.resolve());
  useEffect(() => {
    void restoreBench();
  }, []);
  useScan((scan) => {
    queue.current = queue.current.then(() => handlePackScan(scan)).catch(() => undefined);
  }, REQUEST);
  const low = leases && (leases.tracking < config.leaseLowWater || leases.sscc < config.leaseLowWater);
  const allDone = tote !== null && orders.every((o) => o.status !== 'picked');
  return (
    <div className="stack pack-bench" data-testid="pack-bench">
      <header className="row pack-head">
        <h1>{t('packing.bench', { bench: bench.code })}</h1>
        <button type="button" className="btn" onClick={onChangeBench}>
          {t('packing.change-bench')}
        </button>
      </header>
      {leases && (
        <p className={low ? 'message message-warn' : 'muted'} data-testid="lease-left">
          {t('packing.numbers-left', { tracking: leases.tracking, sscc: leases.sscc })}
        </p>
      )}
      <RefusalsPanel />
      {message && (
        <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="pack-message">
          {message.text}
        </p>
      )}
      {tote === null ? (
        <p className="prompt" data-testid="pack-prompt">
          {t('packing.scan-tote')}
        </p>
      ) : (
        <section className="stack" aria-labelledby="tote-title">
          <div className="row">
            <h2 id="tote-title">{t('packing.tote', { tote })}</h2>
            <button type="button" className="btn" onClick={clear}>
              {t('packing.put-tote-back')}
            </button>
          </div>
          <p className="prompt">{allDone ? t('packing.tote-done') : t('packing.scan-items')}</p>
          {orders.map((o) => (
            <OrderCard key={o.orderId} order={o} ctx={ctx} />
          ))}
        </section>
      )}
    </div>
  );
}

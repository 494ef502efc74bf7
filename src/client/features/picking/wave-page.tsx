import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { remainingQty } from '../../../domain/commands';
import { findToteByCode } from '../../local/lookups';
import { enqueue } from '../../local/outbox';
import { useWaveDetail } from '../../local/use-waves';
import { signal } from '../../scan/feedback';
import { useScan } from '../../scan/use-scan';
import { CurrentTask } from './current-task';
import { startFlow, stepFlow, type FlowCommand, type FlowEvent } from './pick-flow';
import { usePickStore } from './pick-store';
import { QtyForm } from './qty-form';
import { TaskList } from './task-list';

function record(cmd: FlowCommand) {
  return cmd.name === 'pick.confirm' ? enqueue('pick.confirm', cmd.args) : enqueue('pick.short', cmd.args);
}

export default function WavePage() {
  const { waveId = '' } = useParams();
  const { t } = useTranslation();
  const detail = useWaveDetail(waveId);
  const saved = usePickStore((s) => s.flows[waveId]);
  const selectedId = usePickStore((s) => s.selected[waveId] ?? null);
  const setFlow = usePickStore((s) => s.setFlow);
  const select = usePickStore((s) => s.select);
  const [showList, setShowList] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const busy = useRef(false);

  const tasks = detail?.tasks ?? [];
  const open = tasks.filter((x) => x.status === 'open');
  const current = open.find((x) => x.id === selectedId) ?? open[0];
  const flow = current ? (saved?.taskId === current.id ? saved : startFlow(current.id)) : null;
  const wave = detail?.wave ?? null;

  const dispatch = async (ev: FlowEvent) => {
    if (!wave || !current || !flow || busy.current) return;
    const ctx = {
      wave,
      task: current,
      location: detail?.locations.get(current.locationId),
      sku: detail?.skus.get(current.skuId),
      waveTasks: tasks,
    };
    const res = stepFlow(flow, ev, ctx);
    if (res.command) {
      busy.current = true;
      try {
        const result = await record(res.command);
        if (!result.ok) {
          const text = t(`errors.${result.code}`);
          signal('error', text);
          setMessage({ kind: 'error', text });
          return; // nothing was saved: the picker stays on this step and can try again
        }
        select(waveId, null);
      } finally {
        busy.current = false;
      }
    }
    setFlow(waveId, res.state);
    if (res.feedback) {
      const text = t(res.feedback.key, res.feedback.params);
      signal(res.feedback.kind, text);
      setMessage({ kind: res.feedback.kind, text });
    }
  };

  useScan((scan) => {
    void (async () => {
      if (!flow) return;
      const wantsTote = flow.step === 'tote' || flow.step === 'short-tote';
      const tote = wantsTote && scan.kind === 'code' ? ((await findToteByCode(scan.text))?.code ?? null) : null;
      await dispatch({ type: 'scan', scan, tote });
    })();
  });

  if (detail === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (!wave) {
    return (
      <div className="stack">
        <h1>{t('pick.not-found')}</h1>
        <Link className="btn" to="/pick">
          {t('pick.back-to-waves')}
        </Link>
      </div>
    );
  }

  const closed = tasks.length - open.length;
  const orderTote = current ? (tasks.find((x) => x.orderId === current.orderId && x.toteCode && x.pickedQty > 0)?.toteCode ?? null) : null;
  const remaining = current ? remainingQty(current) : 0;

  return (
    <div className="stack wave">
      <div className="row">
        <h1>{t('pick.wave', { code: wave.code })}</h1>
        <p className="progress" aria-label={t('pick.progress-label', { closed, total: tasks.length })}>
          <span data-testid="progress">
            {closed} / {tasks.length}
          </span>
        </p>
      </div>
      <progress max={tasks.length || 1} value={closed} aria-hidden="true" />

      {current && flow ? (
        <>
          <CurrentTask
            task={current}
            location={detail.locations.get(current.locationId)}
            sku={detail.skus.get(current.skuId)}
            flow={flow}
            orderTote={orderTote}
          />
          {message && (
            <p className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
              {message.text}
            </p>
          )}
          {flow.step === 'item' && remaining > 1 && (
            <QtyForm label={t('pick.quantity')} submitLabel={t('pick.set-quantity')} min={1} max={remaining} onSubmit={(n) => void dispatch({ type: 'qty', qty: n })} />
          )}
          {flow.step === 'short-qty' && (
            <QtyForm label={t('pick.found')} submitLabel={t('pick.confirm-short')} min={0} max={remaining - 1} autoFocus onSubmit={(n) => void dispatch({ type: 'short-qty', found: n })} />
          )}
          <div className="row actions">
            {flow.step === 'short-qty' || flow.step === 'short-tote' ? (
              <button type="button" className="btn" onClick={() => void dispatch({ type: 'cancel-short' })}>
                {t('pick.cancel-short')}
              </button>
            ) : (
              <button type="button" className="btn btn-warn" onClick={() => void dispatch({ type: 'short' })}>
                {t('pick.short')}
              </button>
            )}
            <button type="button" className="btn" aria-expanded={showList} onClick={() => setShowList((v) => !v)}>
              {t('pick.all-tasks-count', { count: tasks.length })}
            </button>
          </div>
        </>
      ) : (
        <div className="done stack" data-testid="wave-done" role="status">
          <h2>{t('pick.done')}</h2>
          <p>{t('pick.done-detail', { total: tasks.length })}</p>
          <Link className="btn btn-primary" to="/pick">
            {t('pick.back-to-waves')}
          </Link>
        </div>
      )}
      {showList && (
        <TaskList
          tasks={tasks}
          locations={detail.locations}
          skus={detail.skus}
          currentId={current?.id ?? null}
          onPick={(id) => {
            select(waveId, id);
            setShowList(false);
          }}
          onClose={() => setShowList(false)}
        />
      )}
    </div>
  );
}
